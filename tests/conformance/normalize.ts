/**
 * What the simulator and a real broker are compared on: per message, what each publish became
 * (stored, or dropped as a duplicate), the sequence of deliveries the consumers saw (which consumer,
 * the `redelivered` flag, RabbitMQ's `x-delivery-count` or JetStream's stream sequence and
 * `num_delivered`), and how the message left without an ack (dead-lettered, stopped at max_deliver,
 * terminated). Interleavings between different messages, or between a message's publishes and its
 * deliveries, are not compared: on a real broker they depend on timing, not on its rules.
 */
import {
  apply,
  enabledSteps,
  initialWorld,
  sharedTransitioner,
  stepKey,
  type FaultKind,
  type Scenario,
  type TraceEvent,
  type Transitioner,
} from '../../src/sim';

/** One observation, from either side. */
export type Observation =
  | { kind: 'published'; msg: string; outcome: 'stored' | 'duplicate'; seq: number }
  | { kind: 'delivered'; msg: string; consumer: string; redelivered: boolean; deliveryCount: number | null; seq?: number }
  | { kind: 'deadLettered'; msg: string; reason: 'delivery_limit' | 'expired' | 'rejected' | 'max_deliver' | 'terminated' };

/** One observation as a line; `n` numbers it among its message's observations of the same kind. */
function line(o: Observation, n: number): string {
  switch (o.kind) {
    case 'published':
      return `${o.msg} publish ${n} → ${o.outcome} (seq ${o.seq})`;
    case 'delivered': {
      const seq = o.seq !== undefined ? ` seq=${o.seq}` : '';
      const count = o.deliveryCount === null ? '' : o.seq !== undefined ? ` num_delivered=${o.deliveryCount}` : ` x-delivery-count=${o.deliveryCount}`;
      return `${o.msg} delivery ${n} → ${o.consumer}${seq} redelivered=${o.redelivered}${count}`;
    }
    case 'deadLettered':
      return `${o.msg} ${o.reason === 'max_deliver' || o.reason === 'terminated' ? 'no longer delivered' : 'dead-lettered'} (${o.reason})`;
  }
}

/**
 * The comparable form: one line per observation, messages in id order; each message's publishes,
 * then its deliveries, then how it ended, each in the order they happened.
 */
export function normalize(observations: Observation[]): string[] {
  const order: Observation['kind'][] = ['published', 'delivered', 'deadLettered'];
  const byMsg = new Map<string, Observation[]>();
  for (const o of observations) byMsg.set(o.msg, [...(byMsg.get(o.msg) ?? []), o]);
  return [...byMsg.keys()].sort().flatMap((k) =>
    order.flatMap((kind) =>
      byMsg
        .get(k)!
        .filter((o) => o.kind === kind)
        .map((o, i) => line(o, i + 1)),
    ),
  );
}

/** Observations in a simulator trace: what the consumers received and what the broker dead-lettered. */
export function fromTrace(trace: TraceEvent[], quorum: boolean): Observation[] {
  const out: Observation[] = [];
  for (const e of trace) {
    if (e.type === 'message.delivered' && e.msgId) {
      const header = quorum && e.redelivered ? (e.count ?? 1) - 1 : null;
      out.push({ kind: 'delivered', msg: e.msgId, consumer: e.actor, redelivered: e.redelivered ?? false, deliveryCount: header });
    } else if ((e.type === 'message.deadLettered' || e.type === 'message.expired') && e.msgId) {
      // Dropped without a dead-letter exchange: nothing a consumer or a DLX could observe.
      if (e.detail?.dlx === '') continue;
      out.push({
        kind: 'deadLettered',
        msg: e.msgId,
        reason: e.type === 'message.expired' ? 'expired' : e.detail?.reason === 'rejected' ? 'rejected' : 'delivery_limit',
      });
    }
  }
  return out;
}

/** Observations in a JetStream simulator trace: publishes, deliveries (stream sequence, num_delivered), and where delivery stopped. */
export function fromJetStreamTrace(trace: TraceEvent[]): Observation[] {
  const out: Observation[] = [];
  for (const e of trace) {
    if (!e.msgId) continue;
    if (e.type === 'message.stored') out.push({ kind: 'published', msg: e.msgId, outcome: 'stored', seq: Number(e.detail?.seq) });
    else if (e.type === 'message.deduplicated') out.push({ kind: 'published', msg: e.msgId, outcome: 'duplicate', seq: Number(e.detail?.seq) });
    else if (e.type === 'message.delivered')
      out.push({
        kind: 'delivered',
        msg: e.msgId,
        consumer: e.actor,
        redelivered: e.redelivered ?? false,
        deliveryCount: e.count ?? 1,
        seq: Number(e.detail?.seq),
      });
    else if (e.type === 'message.maxDelivered' || e.type === 'message.terminated')
      out.push({ kind: 'deadLettered', msg: e.msgId, reason: e.type === 'message.maxDelivered' ? 'max_deliver' : 'terminated' });
  }
  return out;
}

/** A fault to inject: as soon as it can happen, or once `when` says the run has got that far. */
export type Planned = FaultKind | { fault: FaultKind; when: (trace: TraceEvent[]) => boolean };

/** True once the consumers have received `n` deliveries. */
export const afterDeliveries = (n: number) => (trace: TraceEvent[]) => trace.filter((e) => e.type === 'message.delivered').length >= n;

/**
 * Runs a scenario the way its conformance test drives the real broker: the first enabled
 * non-fault step each time (any fair schedule gives the same per-message sequences), and each of
 * `faults`, in order, as soon as it can happen. Returns the trace.
 */
export function simulate(scenario: Scenario, faults: Planned[], tx: Transitioner = sharedTransitioner): TraceEvent[] {
  let world = initialWorld(scenario);
  const wanted = faults.map((f) => (typeof f === 'string' ? { fault: f, when: () => true } : f));
  const trace: TraceEvent[] = [];
  for (let i = 0; i < 2000; i++) {
    const steps = enabledSteps(world);
    const next = wanted[0];
    const fault = next && next.when(trace) ? steps.find((s) => stepKey(s).startsWith(`f:${next.fault}:`)) : undefined;
    const step = fault ?? steps.find((s) => s.kind !== 'fault');
    if (!step) break;
    if (fault) wanted.shift();
    const r = apply(world, step, scenario, tx);
    world = r.world;
    trace.push(...r.events);
  }
  if (wanted.length > 0) throw new Error(`${scenario.id}: fault ${wanted[0]!.fault} never became possible`);
  return trace;
}

/** Both sides in two columns, for a failure message a person can read. */
export function sideBySide(sim: string[], real: string[]): string {
  const width = Math.max(10, ...sim.map((l) => l.length));
  const rows = Array.from({ length: Math.max(sim.length, real.length) }, (_, i) => {
    const a = sim[i] ?? '';
    const b = real[i] ?? '';
    return `${a === b ? ' ' : '≠'} ${a.padEnd(width)} | ${b}`;
  });
  return [`  ${'simulator'.padEnd(width)} | real broker`, ...rows].join('\n');
}

/** Compares the two sides; the message shows both traces side by side. */
export function compare(sim: string[], real: string[]): { ok: boolean; message: string } {
  const ok = sim.length === real.length && sim.every((l, i) => l === real[i]);
  return { ok, message: ok ? 'same' : `the simulator and the real broker disagree:\n${sideBySide(sim, real)}` };
}
