/**
 * Words for what the simulator shows: pure functions from trace events and worlds to sentences in
 * the reader's language. The widget, its log and its narration all use these, so a reader who
 * listens with a screen reader hears what a sighted reader sees.
 */
import type { simKeys } from '../../i18n/ui-keys';
import type { Labels } from '../../i18n/ui-keys';
import { protocolOf, runsHandler, type Scenario, type TraceEvent, type World } from '../../sim/base';

/** Keys of the simulator's strings. */
export type SimKey = (typeof simKeys)[number];
/** The simulator's translated strings. */
export type SimLabels = Labels<SimKey>;
/** Languages the content is written in. */
export type Lang = 'en' | 'zh-cn';

/** Replaces `{name}` placeholders. Unknown placeholders are left visible, so a gap is noticed. */
export function fmt(template: string, params: Record<string, string | number | boolean | undefined> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** "Producer", "Broker", "Consumer 2", … */
export function actorName(actor: string, labels: SimLabels): string {
  if (actor === 'producer') return labels['actor.producer'];
  if (actor === 'broker') return labels['actor.broker'];
  if (actor === 'cache') return labels['actor.cache'];
  if (actor === 'net') return labels['actor.net'];
  return fmt(labels['actor.consumer'], { n: actor.replace(/^c/, '') });
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
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (lang === 'zh-cn') return m > 0 ? `${m} 分${rest ? ` ${rest} 秒` : '钟'}` : `${s} 秒`;
  return m > 0 ? `${m} min${rest ? ` ${rest} s` : ''}` : `${s} s`;
}

/** One sentence for one trace event. */
export function describeEvent(e: TraceEvent, scenario: Scenario, labels: SimLabels, lang: Lang): string {
  const template = labels[e.explain as SimKey] ?? protocolOf(scenario.protocol ?? 'ack').text[e.explain]?.[lang] ?? e.explain;
  const d = e.detail ?? {};
  const payloadWord = typeof d.what === 'string' ? (labels[`payload.${d.what}` as SimKey] ?? d.what) : undefined;
  return fmt(template, {
    ...d,
    actor: actorName(e.actor, labels),
    msg: messageName(e.msgId, scenario, lang),
    key: typeof d.key === 'string' ? messageName(d.key, scenario, lang) : undefined,
    count: e.count,
    consumer: typeof d.consumer === 'string' ? actorName(d.consumer, labels) : undefined,
    from: typeof d.from === 'string' ? actorName(d.from, labels) : undefined,
    to: typeof d.to === 'string' ? actorName(d.to, labels) : undefined,
    what: payloadWord,
    timeout: formatDuration(e.explain.includes('republished') ? scenario.settings.confirmTimeout : scenario.settings.ackTimeout, lang),
  });
}

/** A broker's own explanation for an event that causes a duplicate or a loss (`cause:<explain>` in its text). */
const brokerCause = (e: TraceEvent, scenario: Scenario, lang: Lang) => protocolOf(scenario.protocol ?? 'ack').text[`cause:${e.explain}`]?.[lang];

/** Which fault (or expiry) explains a duplicate: the last one before the second charge. */
function duplicateCause(trace: TraceEvent[], scenario: Scenario, labels: SimLabels, lang: Lang): string {
  let charges = 0;
  // A scenario may explain itself (RocketMQ broadcasting has no fault to point at).
  let cause: string = protocolOf(scenario.protocol ?? 'ack').text[`cause:${scenario.id.split('~')[0]}`]?.[lang] ?? labels['cause.other'];
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
  const own = trace.map((e) => brokerCause(e, scenario, lang)).filter(Boolean).at(-1) ?? protocolOf(scenario.protocol ?? 'ack').text[`lost:${scenario.id.split('~')[0]}`]?.[lang];
  if (own) return own;
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
    const sentence =
      wrongAmount
        ? fmt(labels['invariant.wrongAmount'], { msg: name, charged: world.stores.charged[m.key] ?? 0, amount })
        : status === 'duplicate'
        ? fmt(labels['invariant.duplicate'], { msg: name, times, cause: duplicateCause(trace, scenario, labels, lang) })
        : status === 'missing'
          ? fmt(labels['invariant.lost'], { msg: name, cause: lossCause(trace, scenario, labels, lang) })
          : status === 'parked'
            ? fmt(labels['invariant.parked'], { msg: name })
            : null;
    return { key: m.key, name, label: m.label[lang], times, status, sentence, expected: m.poison ? 0 : 1 };
  });
}
