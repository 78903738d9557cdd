/**
 * Words for what the simulator shows: pure functions from trace events and worlds to sentences in
 * the reader's language. The widget, its log and its narration all use these, so a reader who
 * listens with a screen reader hears what a sighted reader sees.
 */
import type { simKeys } from '../../i18n/ui-keys';
import type { Labels } from '../../i18n/ui-keys';
import type { Scenario, TraceEvent, World } from '../../sim';

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
  const msg = scenario.messages.find((m) => m.id === idOrKey || m.key === idOrKey);
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
  const template = labels[e.explain as SimKey] ?? e.explain;
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

/** Which fault (or expiry) explains a duplicate: the last one before the second charge. */
function duplicateCause(trace: TraceEvent[], labels: SimLabels): string {
  let charges = 0;
  let cause: SimKey = 'cause.other';
  for (const e of trace) {
    if (e.explain === 'log.fault.crashConsumerAfterEffect') cause = 'cause.crashConsumerAfterEffect';
    else if (e.type === 'ack.lost') cause = 'cause.loseAck';
    else if (e.type === 'confirm.lost') cause = 'cause.loseConfirm';
    else if (e.explain === 'log.fault.expireAckTimeout') cause = 'cause.expireAckTimeout';
    else if (e.type === 'cache.expired') cause = 'cause.ttl';
    if (e.detail?.applied === true) {
      charges++;
      if (charges === 2) break;
    }
  }
  return labels[cause];
}

/** Why a message was never applied. */
function lossCause(scenario: Scenario, labels: SimLabels): string {
  if (scenario.autoAck) return labels['cause.lost.autoAck'];
  if (scenario.strategy === 'setnxBefore') return labels['cause.lost.setnx'];
  return labels['cause.lost.other'];
}

/** The ledger's verdict on one message at this point of the run. */
export type LedgerStatus = 'ok' | 'duplicate' | 'missing' | 'pending';

/** Ledger rows: expected vs actual per message, with a one-sentence explanation when wrong. */
export function ledgerRows(world: World, trace: TraceEvent[], quiescent: boolean, scenario: Scenario, labels: SimLabels, lang: Lang) {
  return scenario.messages.map((m) => {
    const times = world.stores.ledger[m.key] ?? 0;
    const status: LedgerStatus = times > 1 ? 'duplicate' : times === 1 ? 'ok' : quiescent ? 'missing' : 'pending';
    const name = m.name[lang];
    const sentence =
      status === 'duplicate'
        ? fmt(labels['invariant.duplicate'], { msg: name, times, cause: duplicateCause(trace, labels) })
        : status === 'missing'
          ? fmt(labels['invariant.lost'], { msg: name, cause: lossCause(scenario, labels) })
          : null;
    return { key: m.key, name, label: m.label[lang], times, status, sentence };
  });
}
