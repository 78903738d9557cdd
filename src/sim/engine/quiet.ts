import type { ActorId, Delivery, LogRecord, Message, Payload } from '../core/types';
import type { Step } from './step';
import type { TraceEvent, World } from './world';

/** The fields by which a payload names the message it is about, whichever broker's kind it is. */
type AboutFields = Partial<{ msg: Message; msgId: string; delivery: Delivery; tag: string; records: LogRecord[]; record: LogRecord }>;

/**
 * Which message a payload is about, if any (a request such as `fetch` or `ready` is about none): read
 * from the fields every broker's kinds name it by (a message, its id, a delivery, a delivery tag, the
 * records served), so a broker's new kinds need nothing here.
 */
export function payloadMsgId(p: Payload): string | undefined {
  const f = p as AboutFields;
  if (f.msg) return f.msg.id;
  if (typeof f.msgId === 'string') return f.msgId;
  if (f.delivery) return f.delivery.msgId;
  if (typeof f.tag === 'string') return f.tag.split('/')[0];
  if (f.records) return f.records[0]?.msgId;
  return f.record?.msgId;
}

/** A payload's plain fields (offset, queue, channel, delay …), for the sentence that describes it. */
function plainFields(p: Payload): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'kind' && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')) out[k] = v;
  return out;
}

/**
 * The event for a step whose actors reacted without an event of their own: a pull request reaching
 * the broker, a start timer, a handler operation with nothing to report. Every step still says what
 * happened, so the log and the screen reader's narration never skip one. `explain` is specific
 * (`step.received.fetch`, `step.timer.start`) so a protocol can give the exact sentence; the widget
 * falls back to a generic one by `type`.
 */
export function quietStepEvent(before: World, step: Step, after: World): TraceEvent {
  const time = after.time;
  switch (step.kind) {
    case 'deliver': {
      const [from, to] = step.link.split('>') as [ActorId, ActorId];
      const payload = before.net[step.link]?.[0];
      const msgId = payload ? payloadMsgId(payload) : undefined;
      const kind = payload?.kind ?? 'unknown';
      return {
        time,
        actor: to,
        type: 'envelope.received',
        ...(msgId ? { msgId } : {}),
        explain: `step.received.${kind}`,
        detail: { ...(payload ? plainFields(payload) : {}), what: kind, from, to },
      };
    }
    case 'timer': {
      const timer = before.timers.find((t) => t.owner === step.owner && t.name === step.name);
      // Its kind: from its data where it carries some (`ackwait`, `retry` …), else its name (`restart`, `delay:…`).
      const name = timer?.data?.kind ?? step.name.split(':')[0]!;
      const msgId = timer?.envelope ? payloadMsgId(timer.envelope.payload) : undefined;
      return { time, actor: step.owner, type: 'timer.fired', ...(msgId ? { msgId } : {}), explain: `step.timer.${name}`, detail: { timer: name } };
    }
    case 'run':
      return { time, actor: step.actor, type: 'handler.stepped', explain: 'step.run' };
    case 'fault':
      return { time, actor: 'net', type: 'fault.injected', explain: `step.fault.${step.fault}`, detail: { fault: step.fault, target: step.target } };
  }
}
