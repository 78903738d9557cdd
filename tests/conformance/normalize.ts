/**
 * What the simulator and a real broker are compared on: per message, the sequence of deliveries the
 * consumers saw (which consumer, the `redelivered` flag, RabbitMQ's `x-delivery-count`), and how the
 * message left the queue when it was not acked (dead-lettered, and why). Interleavings between
 * different messages are not compared: they depend on timing on a real broker, not on its rules.
 */
import { apply, enabledSteps, initialWorld, sharedTransitioner, stepKey, type FaultKind, type Scenario, type TraceEvent, type Transitioner } from '../../src/sim';

/** One observation, from either side. */
export type Observation =
  | { kind: 'delivered'; msg: string; consumer: string; redelivered: boolean; deliveryCount: number | null }
  | { kind: 'deadLettered'; msg: string; reason: 'delivery_limit' | 'expired' | 'rejected' };

/** The comparable form: one line per observation, messages in id order, each message's lines in order. */
export function normalize(observations: Observation[]): string[] {
  const byMsg = new Map<string, string[]>();
  for (const o of observations) {
    const lines = byMsg.get(o.msg) ?? [];
    const n = lines.filter((l) => l.includes(' delivery ')).length + 1;
    lines.push(
      o.kind === 'delivered'
        ? `${o.msg} delivery ${n} → ${o.consumer} redelivered=${o.redelivered}${o.deliveryCount !== null ? ` x-delivery-count=${o.deliveryCount}` : ''}`
        : `${o.msg} dead-lettered (${o.reason})`,
    );
    byMsg.set(o.msg, lines);
  }
  return [...byMsg.keys()].sort().flatMap((k) => byMsg.get(k)!);
}

/** Observations in a simulator trace: what the consumers received and what the broker dead-lettered. */
export function fromTrace(trace: TraceEvent[], quorum: boolean): Observation[] {
  const out: Observation[] = [];
  for (const e of trace) {
    if (e.type === 'message.delivered' && e.msgId) {
      const header = quorum && e.redelivered ? (e.count ?? 1) - 1 : null;
      out.push({ kind: 'delivered', msg: e.msgId, consumer: e.actor, redelivered: e.redelivered ?? false, deliveryCount: header });
    } else if ((e.type === 'message.deadLettered' || e.type === 'message.expired') && e.msgId) {
      out.push({ kind: 'deadLettered', msg: e.msgId, reason: e.type === 'message.expired' ? 'expired' : 'delivery_limit' });
    }
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
