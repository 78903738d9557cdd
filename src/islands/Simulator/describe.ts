/**
 * Words for what the simulator shows: pure functions from trace events and worlds to sentences in
 * the reader's language. The widget, its log and its narration all use these, so a reader who
 * listens with a screen reader hears what a sighted reader sees.
 */
import type { simKeys } from '../../i18n/ui-keys';
import type { Labels } from '../../i18n/ui-keys';
import { protocolOf, runsHandler, type Payload, type ProtocolId, type Scenario, type Text, type TraceEvent, type World } from '../../sim/base';

/**
 * Each protocol's own sentences (its log lines, state names and causes; src/sim/protocols/text.ts) in
 * the page's language. The page carries them (ProtocolWords.astro), like the UI strings, so no bundle
 * carries them in both languages; on the server the wrapper hands them over directly.
 */
const ownWords = new Map<string, Readonly<Record<string, string>>>();

/**
 * In the browser: reads the sentences the page carries (ProtocolWords.astro writes each protocol's
 * once, as JSON). Every island that words events calls it before its first render; it reads once.
 */
export function wordsFromPage(): void {
  if (pageRead || typeof document === 'undefined') return;
  pageRead = true;
  for (const el of document.querySelectorAll<HTMLScriptElement>('script[data-protocol-words]')) {
    ownWords.set(`${el.dataset.protocolWords} ${el.dataset.lang}`, JSON.parse(el.textContent || '{}') as Record<string, string>);
  }
  for (const el of document.querySelectorAll<HTMLScriptElement>('script[data-sim-labels]')) {
    uiWords.set(el.dataset.lang as Lang, JSON.parse(el.textContent || '{}') as SimLabels);
  }
}

/**
 * The simulator's UI strings, by language: like the protocols' sentences, the page carries them once
 * (ProtocolWords.astro writes them before its first widget), not once per widget in each island's
 * props, where a chapter with eight simulators repeated 15 KB eight times.
 */
const uiWords = new Map<Lang, SimLabels>();

/** Makes `labels` the UI strings for `lang`: on the server, before the island renders. */
export function setSimLabels(labels: SimLabels, lang: Lang): void {
  uiWords.set(lang, labels);
}

/** The UI strings in `lang`, from the page (or as the server set them). */
export function simLabels(lang: Lang): SimLabels {
  wordsFromPage();
  const labels = uiWords.get(lang);
  if (!labels) throw new Error(`The page carries no simulator strings in ${lang} (ProtocolWords.astro writes them).`);
  return labels;
}
let pageRead = false;

/** Makes `words` (protocols' sentences in `lang`) the ones shown: on the server, and in tests. */
export function setProtocolWords(words: Partial<Record<ProtocolId, Readonly<Record<string, string>>>>, lang: Lang): void {
  for (const [id, w] of Object.entries(words)) if (w) ownWords.set(`${id} ${lang}`, w);
}

/** A protocol's own sentence for `key` in `lang`, when it has one. */
const own = (protocolId: Scenario['protocol'], key: string, lang: Lang): string | undefined => ownWords.get(`${protocolId ?? 'ack'} ${lang}`)?.[key];

/** Keys of the simulator's strings. */
export type SimKey = (typeof simKeys)[number];
/** The simulator's translated strings. */
export type SimLabels = Labels<SimKey>;
/** Languages the content is written in. */
export type Lang = 'en' | 'zh-cn';

/**
 * Replaces `{name}` placeholders. `{name|one|other}` picks a word by the number `name` (English plurals:
 * "{n} {n|delivery|deliveries}"). Unknown placeholders are left visible, so a gap is noticed.
 */
export function fmt(template: string, params: Record<string, string | number | boolean | undefined> = {}): string {
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one: string | undefined, other: string | undefined) => {
    const v = params[name];
    if (v === undefined) return whole;
    if (one !== undefined) return Number(v) === 1 ? one : other!;
    return String(v);
  });
}

/**
 * A sentence as readers see it: English starts with a capital ("order #42 …" → "Order #42 …"); in
 * Chinese, the space a template leaves between two Chinese words goes ("收到 订单" → "收到订单"),
 * while the space between Chinese and Latin letters or digits stays ("消费者 1 又收到").
 */
export function sentence(text: string, lang: Lang): string {
  if (lang === 'zh-cn')
    return text
      .replace(/([\u3400-\u9fff\uff01-\uff5e\u3000-\u303f])[ \t]+(?=[\u3400-\u9fff])/g, '$1')
      .replace(/([\u3400-\u9fff])[ \t]+(?=[\uff01-\uff5e\u3000-\u303f])/g, '$1');
  return text.replace(/^(\P{L}*)(\p{Ll})/u, (_, lead: string, first: string) => lead + first.toUpperCase());
}

/**
 * A word in brackets after a name, as each language writes it: "Crash consumer (Consumer 2)" in
 * English, "消费者崩溃（消费者 2）" in Chinese, whose sentences take full-width brackets.
 */
export function paren(name: string, inner: string, lang: Lang): string {
  return lang === 'zh-cn' ? `${name}（${inner}）` : `${name} (${inner})`;
}

/** A fault's name with whom it hits in brackets, unless the name already says it ("Shut consumer 1 down"). */
export function faultFor(name: string, who: string, lang: Lang): string {
  return name.toLowerCase().includes(who.toLowerCase()) ? name : paren(name, who, lang);
}

/** "Producer", "Broker", "Consumer 2", "Consumer 1 (instance 2)" (a Kafka member `c1#2`), … */
export function actorName(actor: string, labels: SimLabels): string {
  if (actor === 'producer') return labels['actor.producer'];
  if (actor === 'broker') return labels['actor.broker'];
  if (actor === 'cache') return labels['actor.cache'];
  if (actor === 'net') return labels['actor.net'];
  const [id, instance] = actor.split('#');
  const name = fmt(labels['actor.consumer'], { n: id!.replace(/^c/, '') });
  return instance && instance !== '1' ? fmt(labels['actor.instance'], { actor: name, n: instance }) : name;
}

/** Replaces actor references (`{actor:c1}`, `{actor:c1#2}`) in a protocol's view text with the actors' names. */
export function actorRefs(text: string, labels: SimLabels): string {
  return text.replace(/\{actor:([\w#-]+)\}/g, (_, id: string) => actorName(id, labels));
}

/**
 * A machine state as readers see it ("Waiting for the confirm", "等待确认"): the protocol's own word
 * for it (`state:<name>` in its text), else the UI string `state.<name>`. The machine's id stays in
 * the state-machine view only.
 */
export function stateName(state: string, protocolId: Scenario['protocol'], labels: SimLabels, lang: Lang): string {
  return own(protocolId, `state:${state}`, lang) ?? (labels[`state.${state}` as SimKey] as string | undefined) ?? state;
}

/** A timer's name by its kind: the broker's own word (`timer:<kind>` in its text), else the UI's. */
export function timerWord(kind: string, protocolId: Scenario['protocol'], labels: SimLabels, lang: Lang): string {
  return own(protocolId, `timer:${kind}`, lang) ?? (labels[`timer.${kind}` as SimKey] as string | undefined) ?? kind;
}

/** Words for the brokers' own requests on the wire, where a protocol has none of its own (the generic ones are UI strings). */
const payloadWords: Partial<Record<Payload['kind'], Text>> = {
  nack: { en: 'nack', 'zh-cn': 'nack' },
  produce: { en: 'produce', 'zh-cn': '发送' },
  produceResponse: { en: 'response', 'zh-cn': '响应' },
  join: { en: 'join', 'zh-cn': '加入' },
  assign: { en: 'assignment', 'zh-cn': '分配' },
  fetch: { en: 'fetch', 'zh-cn': '拉取' },
  records: { en: 'records', 'zh-cn': '消息' },
  commit: { en: 'commit', 'zh-cn': '提交位点' },
  commitResponse: { en: 'commit result', 'zh-cn': '提交结果' },
  leave: { en: 'leave', 'zh-cn': '离开' },
  rebalance: { en: 'rebalance', 'zh-cn': '再均衡' },
  txnProduce: { en: 'transactional write', 'zh-cn': '事务写入' },
  txnCommit: { en: 'transaction commit', 'zh-cn': '事务提交' },
  send: { en: 'send', 'zh-cn': '发送' },
  sendResult: { en: 'SEND_OK', 'zh-cn': 'SEND_OK' },
  pull: { en: 'pull', 'zh-cn': '拉取' },
  pulled: { en: 'messages', 'zh-cn': '消息' },
  persist: { en: 'offsets', 'zh-cn': '上报位点' },
  sendBack: { en: 'send back', 'zh-cn': '回传重试' },
  allocate: { en: 'queues', 'zh-cn': '队列分配' },
  term: { en: 'term', 'zh-cn': 'term' },
  ackOk: { en: 'ack reply', 'zh-cn': 'ack 回执' },
};

/** What a broker calls an envelope on the wire, in the reader's language: its own word, the UI string, or the generic word. */
export function payloadWord(kind: string, protocolId: Scenario['protocol'], labels: SimLabels, lang: Lang): string {
  const k = kind as Payload['kind'];
  return (
    protocolOf(protocolId ?? 'ack').payloadWords?.[k]?.[lang] ?? (labels[`payload.${kind}` as SimKey] as string | undefined) ?? payloadWords[k]?.[lang] ?? kind
  );
}

/** A message's short name ("order #42") from its id or business key. */
export function messageName(idOrKey: string | undefined, scenario: Scenario, lang: Lang): string {
  // A broker may name one message several ways: `order-42@m2` is RocketMQ's second send of order-42.
  const base = idOrKey?.split('@')[0];
  const msg = scenario.messages.find((m) => m.id === base || m.key === base);
  return msg ? msg.name[lang] : (idOrKey ?? '');
}

/** "5 s", "1 min 30 s"; "5 秒", "1 分 30 秒". */
export function formatDuration(ms: number, lang: Lang): string {
  // A client's sub-second wait (Pulsar's 100 ms ack grouping) in milliseconds, not as "0 s".
  if (ms > 0 && ms < 1000) return lang === 'zh-cn' ? `${Math.round(ms)} 毫秒` : `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (lang === 'zh-cn') return m > 0 ? `${m} 分${rest ? ` ${rest} 秒` : '钟'}` : `${s} 秒`;
  return m > 0 ? `${m} min${rest ? ` ${rest} s` : ''}` : `${s} s`;
}

/**
 * The template for an event: a UI string or the protocol's own sentence by its `explain` key. A quiet
 * step (`step.…`, see the engine's `quietStepEvent`) asks the protocol first, since only it knows what a
 * `ready` or a `start` timer means there, then falls back to the generic sentence for its type.
 */
function template(e: TraceEvent, scenario: Scenario, labels: SimLabels, lang: Lang): string {
  const mine = own(scenario.protocol, e.explain, lang);
  const ui = labels[e.explain as SimKey] as string | undefined;
  return (e.explain.startsWith('step.') ? (mine ?? ui) : (ui ?? mine)) ?? (labels[`log.${e.type}` as SimKey] as string | undefined) ?? e.explain;
}

/** One sentence for one trace event. */
export function describeEvent(e: TraceEvent, scenario: Scenario, labels: SimLabels, lang: Lang): string {
  const d = e.detail ?? {};
  const text = fmt(template(e, scenario, labels, lang), {
    ...d,
    actor: actorName(e.actor, labels),
    msg: messageName(e.msgId, scenario, lang),
    key: typeof d.key === 'string' ? messageName(d.key, scenario, lang) : undefined,
    count: e.count,
    consumer: typeof d.consumer === 'string' ? actorName(d.consumer, labels) : undefined,
    member: typeof d.member === 'string' ? actorName(d.member, labels) : undefined,
    from: typeof d.from === 'string' ? actorName(d.from, labels) : undefined,
    to: typeof d.to === 'string' ? actorName(d.to, labels) : undefined,
    what: typeof d.what === 'string' ? payloadWord(d.what, scenario.protocol, labels, lang) : undefined,
    timeout: formatDuration(e.explain.includes('republished') ? scenario.settings.confirmTimeout : scenario.settings.ackTimeout, lang),
  });
  return sentence(text, lang);
}

/** A broker's own explanation for an event that causes a duplicate or a loss (`cause:<explain>` in its text). */
const brokerCause = (e: TraceEvent, scenario: Scenario, lang: Lang) => own(scenario.protocol, `cause:${e.explain}`, lang);

/** Which fault (or expiry) explains a duplicate: the last one before the second charge. */
function duplicateCause(trace: TraceEvent[], scenario: Scenario, labels: SimLabels, lang: Lang): string {
  let charges = 0;
  // A scenario may explain itself (RocketMQ broadcasting has no fault to point at).
  let cause: string = own(scenario.protocol, `cause:${scenario.id.split('~')[0]}`, lang) ?? labels['cause.other'];
  for (const e of trace) {
    const generic: SimKey | null =
      e.explain === 'log.fault.crashConsumerAfterEffect'
        ? 'cause.crashConsumerAfterEffect'
        : e.type === 'ack.lost'
          ? 'cause.loseAck'
          : e.type === 'confirm.lost'
            ? 'cause.loseConfirm'
            : e.explain === 'log.fault.expireAckTimeout'
              ? 'cause.expireAckTimeout'
              : e.type === 'cache.expired'
                ? 'cause.ttl'
                : null;
    cause = brokerCause(e, scenario, lang) ?? (generic ? labels[generic] : cause);
    if (e.detail?.applied === true) {
      charges++;
      if (charges === 2) break;
    }
  }
  return cause;
}

/** Why a message was never applied. */
function lossCause(trace: TraceEvent[], scenario: Scenario, labels: SimLabels, lang: Lang): string {
  const mine =
    trace
      .map((e) => brokerCause(e, scenario, lang))
      .filter(Boolean)
      .at(-1) ?? own(scenario.protocol, `lost:${scenario.id.split('~')[0]}`, lang);
  if (mine) return mine;
  if (scenario.autoAck) return labels['cause.lost.autoAck'];
  if (scenario.strategy === 'setnxBefore') return labels['cause.lost.setnx'];
  return labels['cause.lost.other'];
}

/** The ledger's verdict on one message at this point of the run. */
export type LedgerStatus = 'ok' | 'duplicate' | 'missing' | 'pending' | 'parked';

/** Ledger rows: expected vs actual per message, with a one-sentence explanation when wrong. */
export function ledgerRows(world: World, trace: TraceEvent[], quiescent: boolean, scenario: Scenario, labels: SimLabels, lang: Lang) {
  return scenario.messages.map((m) => {
    const times = world.stores.ledger[m.key] ?? 0;
    // A poison message can never be applied: parked in a dead-letter queue is its right outcome.
    const parked = m.poison === true && world.stores.dead.includes(m.key);
    // A reader's handler must also charge the right amount (code labs).
    const amount = m.amount ?? scenario.amount ?? 100;
    const wrongAmount = runsHandler(scenario) && times === 1 && world.stores.charged[m.key] !== amount;
    const status: LedgerStatus = times > 1 || wrongAmount ? 'duplicate' : parked ? 'parked' : times === 1 ? 'ok' : quiescent ? 'missing' : 'pending';
    const name = m.name[lang];
    const why = wrongAmount
      ? fmt(labels['invariant.wrongAmount'], { msg: name, charged: world.stores.charged[m.key] ?? 0, amount })
      : status === 'duplicate'
        ? fmt(labels['invariant.duplicate'], { msg: name, times, cause: duplicateCause(trace, scenario, labels, lang) })
        : status === 'missing'
          ? fmt(labels['invariant.lost'], { msg: name, cause: lossCause(trace, scenario, labels, lang) })
          : status === 'parked'
            ? fmt(labels['invariant.parked'], { msg: name })
            : null;
    return { key: m.key, name, label: m.label[lang], times, status, sentence: why === null ? null : sentence(why, lang), expected: m.poison ? 0 : 1 };
  });
}
