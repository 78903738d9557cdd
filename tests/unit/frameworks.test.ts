/**
 * The chapters "In your framework" and "Beyond one consumer": every outcome their prose claims for a
 * simulator, replayed on the engine the way a reader steps it.
 */
import { describe, expect, it } from 'vitest';
import {
  ackScenarios,
  check,
  createTimeline,
  currentWorld,
  enabledSteps,
  inject,
  kafkaScenarios,
  rabbitScenarios,
  rocketScenarios,
  stepForward,
  stepKey,
  traceOf,
  withStrategy,
  type FaultKind,
  type Scenario,
  type Timeline,
  type TraceEvent,
} from '../../src/sim';
import { playWithFaults, scenarioIn } from '../support/play';

const all = [...ackScenarios, ...kafkaScenarios, ...rabbitScenarios, ...rocketScenarios];
const byId = scenarioIn(all);

/** Plays the default schedule, injecting each fault at the first step it can happen. */
const play = (scenario: string | Scenario, faults: FaultKind[] = []) => playWithFaults(typeof scenario === 'string' ? byId(scenario) : scenario, faults);

const charges = (tl: Timeline) => currentWorld(tl).stores.ledger;
const deliveries = (trace: TraceEvent[], msgId: string) => trace.filter((e) => e.type === 'message.delivered' && e.msgId === msgId);

describe('In your framework: Spring AMQP', () => {
  it('AUTO ack, requeue on exception: #13 is delivered 21 times at once, then dropped past delivery-limit 20 (no DLX)', () => {
    const { tl, trace } = play('spring-amqp-poison-requeue');
    const d = deliveries(trace, 'order-13');
    expect(d.map((e) => e.count)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    // No back-off: every redelivery happens at once, the clock never moves.
    expect(new Set(d.map((e) => e.time))).toEqual(new Set([0]));
    expect(trace.filter((e) => e.type === 'nack.sent' && e.msgId === 'order-13')).toHaveLength(21);
    expect(currentWorld(tl).stores.dead).toEqual([]);
    expect(charges(tl)).toEqual({});
    expect(check(byId('spring-amqp-poison-requeue')).verdicts).toEqual({ noDuplicateSideEffect: 'holds', noMessageLost: 'violated' });
  });

  it('with another message in the queue, prefetch 250 lets it through between the failures; the loop is the same', () => {
    const order42 = byId('rabbitmq-poison-reject-drop').messages.find((m) => m.key === 'order-42')!;
    const scenario = byId('spring-amqp-poison-requeue');
    const { tl, trace } = play({ ...scenario, messages: [...scenario.messages, order42] });
    expect(deliveries(trace, 'order-13')).toHaveLength(21);
    const charged = trace.findIndex((e) => e.type === 'handler.effect' && e.msgId === 'order-42');
    const lastPoison = trace.findLastIndex((e) => e.type === 'message.delivered' && e.msgId === 'order-13');
    expect(charged).toBeLessThan(lastPoison);
    expect(charges(tl)).toEqual({ 'order-42': 1 });
  });

  it('defaultRequeueRejected=false (or AmqpRejectAndDontRequeueException) with a DLX: one delivery, parked in orders.dlx', () => {
    const { tl, trace } = play('spring-amqp-reject-dont-requeue');
    expect(deliveries(trace, 'order-13')).toHaveLength(1);
    expect(trace.filter((e) => e.type === 'reject.sent').map((e) => e.msgId)).toEqual(['order-13']);
    expect(currentWorld(tl).stores.dead).toEqual(['order-13']);
    expect(charges(tl)).toEqual({});
  });
});

describe('In your framework: Spring Kafka', () => {
  it('AckMode.BATCH: a crash after the listener returned, before the container commits, re-reads and charges #42 again; an inbox charges once', () => {
    const broken = play('spring-kafka-batch-crash', ['crashConsumerBeforeCommit']);
    expect(broken.trace.some((e) => e.type === 'record.fetched' && e.count === 2)).toBe(true);
    expect(charges(broken.tl)['order-42']).toBe(2);
    // The restarted consumer re-reads only after the session timeout (45 s).
    expect(broken.trace.find((e) => e.type === 'record.fetched' && e.count === 2)!.time).toBeGreaterThanOrEqual(45_000);
    const fixed = play('spring-kafka-batch-crash-inbox', ['crashConsumerBeforeCommit']);
    expect(fixed.trace.some((e) => e.type === 'record.fetched' && e.count === 2)).toBe(true);
    expect(charges(fixed.tl)['order-42']).toBe(1);
  });
});

describe('In your framework: rocketmq-spring', () => {
  it('a listener that always throws: RECONSUME_LATER 16 times, then %DLQ%billing; nothing charged, nothing lost', () => {
    const { tl, trace } = play('rocketmq-retry-then-dlq');
    expect(
      trace
        .filter((e) => e.type === 'retry.scheduled')
        .map((e) => e.detail?.delay)
        .slice(0, 3),
    ).toEqual(['10 s', '30 s', '60 s']);
    expect(trace.filter((e) => e.type === 'retry.due')).toHaveLength(16);
    expect(currentWorld(tl).stores.dead).toEqual(['order-13']);
    expect(charges(tl)).toEqual({});
    expect(check(byId('rocketmq-retry-then-dlq')).verdicts).toEqual({ noDuplicateSideEffect: 'holds', noMessageLost: 'holds' });
  });
});

/** Steps the default schedule until `ready` holds, injects `fault`, then runs to the end. */
function stepThenInject(scenario: Scenario, ready: (tl: Timeline) => boolean, fault: FaultKind): { tl: Timeline; trace: TraceEvent[] } {
  let tl = createTimeline(scenario);
  for (let i = 0; i < 200 && !ready(tl); i++) tl = stepForward(tl);
  expect(ready(tl)).toBe(true);
  const key = enabledSteps(currentWorld(tl))
    .map(stepKey)
    .find((k) => k.startsWith(`f:${fault}:`));
  expect(key, `${fault} enabled`).toBeDefined();
  tl = inject(tl, key!);
  for (let i = 0; i < 3000; i++) {
    const moved = stepForward(tl);
    if (moved === tl) break;
    tl = moved;
  }
  return { tl, trace: traceOf(tl) };
}

describe('Beyond one consumer', () => {
  it('a dedup record that expires (10 s) before the redelivery (30 s) lets the duplicate through; an inbox row does not expire', () => {
    const broken = play('setnx-ttl-shorter-than-redelivery', ['loseAck']);
    expect(broken.trace.find((e) => e.type === 'cache.expired')?.time).toBe(10_000);
    expect(broken.trace.find((e) => e.type === 'ackTimeout.expired')?.time).toBe(30_000);
    expect(charges(broken.tl)['order-42']).toBe(2);
    const fixed = play(withStrategy(byId('setnx-ttl-shorter-than-redelivery'), 'inboxInTransaction'), ['loseAck']);
    expect(charges(fixed.tl)['order-42']).toBe(1);
  });

  it('SET NX before the work, crash before the write: the redelivery is skipped and acked, nothing charged; the inbox charges once', () => {
    const claimed = (tl: Timeline) => traceOf(tl).some((e) => e.type === 'handler.setnx');
    const broken = stepThenInject(byId('setnx-before-crash'), claimed, 'crashConsumerBeforeEffect');
    expect(broken.trace.filter((e) => e.type === 'handler.setnx').map((e) => e.explain)).toEqual(['log.op.setnxSet', 'log.op.setnxExists']);
    expect(charges(broken.tl)).toEqual({});
    // The inbox row and the charge are one transaction: wherever the crash falls, nothing is lost or doubled.
    expect(check(withStrategy(byId('setnx-before-crash'), 'inboxInTransaction')).verdicts).toEqual({ noDuplicateSideEffect: 'holds', noMessageLost: 'holds' });
  });

  it('a deploy hands p0 to c2 at the committed offset 0 and #42 is charged again; with an inbox the second charge is refused', () => {
    const charged = (tl: Timeline) => {
      const w = currentWorld(tl);
      return w.stores.ledger['order-42'] === 1 && w.consumers.c1!.value === 'polling';
    };
    for (const [strategy, times] of [
      ['none', 2],
      ['inboxInTransaction', 1],
    ] as const) {
      const { tl, trace } = stepThenInject(withStrategy(byId('kafka-close-without-revoke-commit'), strategy), charged, 'closeConsumer');
      const handover = trace.filter((e) => e.type === 'partition.assigned' && e.actor === 'c2').at(-1);
      expect(handover?.detail?.offset).toBe(0);
      expect(charges(tl)['order-42']).toBe(times);
    }
  });
});
