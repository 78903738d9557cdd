/**
 * Every registered broker's machines: every scenario's verdict, and one trace per broker mechanism the
 * chapters teach, read the way a reader reads the log.
 */
import { describe, expect, it } from 'vitest';
import {
  allScenarios,
  check,
  createTimeline,
  currentWorld,
  enabledSteps,
  fromSteps,
  inject,
  isQuiescent,
  stepForward,
  traceOf,
  type FaultKind,
  type JetStreamWorld,
  type KafkaWorld,
  type RabbitWorld,
  type RocketWorld,
  type Scenario,
  type Timeline,
  type TraceEvent,
} from '../../src/sim';
import { playWithFaults, scenarioIn } from '../support/play';
import type { PulsarWorld } from '../../src/sim/protocols/pulsar';
import { createTransitioner, initialActor } from '../../src/sim/engine/actors';
import { rocketBrokerMachine, type RocketBrokerContext, type RocketBrokerEvent } from '../../src/sim/protocols/rocketmq/broker.machine';

/** Each broker's scenarios, in their order (the generic queue's are checked in sim-engine.test.ts). */
const brokerLists = [...new Set(allScenarios.map((s) => s.protocol ?? 'ack'))]
  .filter((p) => p !== 'ack')
  .map((p) => allScenarios.filter((s) => s.protocol === p));
const all = brokerLists.flat();
const byId = scenarioIn(all);

/** Plays the default schedule with faults injected where they first can happen (on `target` when given). */
const play = (id: string | Scenario, faults: (FaultKind | [FaultKind, string])[] = []) => playWithFaults(typeof id === 'string' ? byId(id) : id, faults, 2000);

const first = (trace: TraceEvent[], pred: (e: TraceEvent) => boolean) => trace.findIndex(pred);
const charges = (tl: Timeline) => currentWorld(tl).stores.ledger;

describe('every broker scenario', () => {
  it('has at least five scenarios per broker, and a fixed variant for each broken one', () => {
    expect(brokerLists.map((l) => l[0]!.protocol)).toEqual(expect.arrayContaining(['kafka', 'rabbitmq', 'rocketmq', 'jetstream', 'pulsar']));
    for (const list of brokerLists) {
      expect(list.length).toBeGreaterThanOrEqual(5);
      const isBroken = (s: Scenario) => Object.values(s.expected).includes('violated');
      const faultsOf = (s: Scenario) => Object.keys(s.faults).sort();
      // Every broken scenario is followed by a variant that holds (same broker, same faults), after any
      // other wrong answers to the same question (a chain such as "generated name", "fixed name only").
      for (const b of list.filter(isBroken)) {
        let i = list.indexOf(b) + 1;
        while (list[i] && isBroken(list[i]!) && faultsOf(list[i]!).join() === faultsOf(b).join() && Object.keys(b.faults).length > 0) i++;
        const next = list[i];
        expect(next && !isBroken(next), `${b.id} has no fixed variant after it`).toBe(true);
        expect(faultsOf(next!)).toEqual(faultsOf(b));
      }
    }
  });

  for (const s of all) {
    it(`${s.id}: the checker reaches the declared verdict, and each counterexample replays to its violation`, () => {
      const r = check(s);
      expect(r.end === 'exhausted' || r.end === 'violated').toBe(true);
      expect(r.verdicts).toEqual(s.expected);
      const dup = r.counterexamples.noDuplicateSideEffect;
      if (dup) {
        const world = currentWorld(fromSteps(s, dup.steps));
        expect(Math.max(...Object.values(world.stores.ledger))).toBeGreaterThan(1);
      }
      const lost = r.counterexamples.noMessageLost;
      if (lost) {
        const world = currentWorld(fromSteps(s, lost.steps));
        expect(isQuiescent(world) || world.timers.every((t) => t.deadline > (world.horizon ?? Infinity))).toBe(true);
      }
    });
  }
});

describe('Kafka', () => {
  it('auto-commit commits the position after auto.commit.interval.ms (5 s)', () => {
    const { trace } = play('kafka-auto-commit-crash');
    const committed = trace.find((e) => e.type === 'offset.committed');
    expect(committed?.time).toBe(5_000);
    expect(committed?.detail?.offset).toBe(1);
  });

  it('a crash before the commit: after session.timeout.ms (45 s) the restarted consumer re-reads from the committed offset', () => {
    const { tl, trace } = play('kafka-auto-commit-crash', ['crashConsumerBeforeCommit']);
    const crash = first(trace, (e) => e.type === 'consumer.crashed');
    const expired = trace.find((e) => e.type === 'member.expired');
    expect(expired?.time).toBe(trace[crash]!.time + 45_000);
    const reread = trace.find((e) => e.type === 'record.fetched' && e.count === 2);
    expect(reread?.detail?.offset).toBe(0);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('max.poll.interval.ms exceeded: the group hands p0 to the other consumer at the committed offset, and the late commit fails', () => {
    const { tl, trace } = play('kafka-poll-interval-exceeded', ['exceedMaxPollInterval']);
    const left = first(trace, (e) => e.type === 'member.leftGroup');
    expect(trace[left]!.time).toBeGreaterThanOrEqual(300_000);
    const handover = first(trace, (e) => e.type === 'partition.assigned' && e.actor === 'c2' && e.detail?.offset === 0);
    expect(handover).toBeGreaterThan(left);
    expect(trace.some((e) => e.actor === 'c2' && e.type === 'record.fetched' && e.count === 2)).toBe(true);
    expect(trace.some((e) => e.actor === 'c1' && e.type === 'commit.failed')).toBe(true);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('a deploy after the charge: without a commit on revocation consumer 2 starts at offset 0; with onPartitionsRevoked committing, after the record', () => {
    const deploy = (id: string) => {
      let tl = createTimeline(byId(id));
      // Step until consumer 1 has charged order #42 and is back in poll(), before its 5 s commit timer.
      for (let i = 0; i < 100; i++) {
        const w = currentWorld(tl) as KafkaWorld;
        if (w.stores.ledger['order-42'] === 1 && w.consumers.c1!.value === 'polling') break;
        tl = stepForward(tl);
      }
      tl = inject(tl, 'f:closeConsumer:c1');
      for (let i = 0; i < 200; i++) {
        const n = stepForward(tl);
        if (n === tl) break;
        tl = n;
      }
      const handover = traceOf(tl)
        .filter((e) => e.type === 'partition.assigned' && e.actor === 'c2')
        .at(-1);
      return { offset: handover?.detail?.offset, charged: charges(tl)['order-42'] };
    };
    expect(deploy('kafka-close-without-revoke-commit')).toEqual({ offset: 0, charged: 2 });
    expect(deploy('kafka-commit-on-revoke')).toEqual({ offset: 1, charged: 1 });
  });

  it('a lost produce response: the retry after request.timeout.ms is a second record without idempotence, and dropped with it', () => {
    const plain = play('kafka-producer-retry', ['loseProduceResponse']);
    const idem = play('kafka-idempotent-producer', ['loseProduceResponse']);
    const retry = plain.trace.find((e) => e.type === 'record.retried');
    expect(retry?.time).toBe(30_000);
    expect((currentWorld(plain.tl) as KafkaWorld).broker.context.log).toHaveLength(2);
    const dropped = idem.trace.find((e) => e.type === 'record.deduplicated');
    expect(dropped?.detail).toMatchObject({ pid: 1, seq: 0 });
    expect((currentWorld(idem.tl) as KafkaWorld).broker.context.log).toHaveLength(1);
  });

  it('an idempotent producer that restarts gets a new producer id, and its re-send is a second record', () => {
    const { tl, trace } = play('kafka-producer-restart', ['crashProducer']);
    expect(trace.find((e) => e.type === 'producer.restarted')?.detail?.pid).toBe(2);
    const log = (currentWorld(tl) as KafkaWorld).broker.context.log;
    expect(log.map((r) => r.pid)).toEqual([1, 2]);
    expect(charges(tl)['order-42']).toBe(2);
  });
});

describe('RabbitMQ', () => {
  it('a crash closes the connection: every unacked delivery, prefetched ones too, comes back with redelivered=true', () => {
    const { tl, trace } = play('rabbitmq-crash-requeue', ['crashConsumerAfterEffect']);
    const crash = first(trace, (e) => e.type === 'consumer.crashed');
    const requeued = trace.filter((e, i) => i > crash && e.type === 'message.requeued').map((e) => e.msgId);
    expect(requeued.sort()).toEqual(['order-42', 'order-43']);
    const again = trace.filter((e, i) => i > crash && e.type === 'message.delivered');
    expect(again.every((e) => e.redelivered)).toBe(true);
    expect(charges(tl)).toEqual({ 'order-42': 2, 'order-43': 1 });
  });

  it('consumer_timeout (30 min) closes the slow channel, requeues to the other consumer, and refuses the late ack', () => {
    const { tl, trace } = play('rabbitmq-consumer-timeout', ['exceedConsumerTimeout']);
    const timeout = trace.find((e) => e.type === 'consumerTimeout.expired');
    expect(timeout?.time).toBeGreaterThanOrEqual(1_800_000);
    const redelivered = trace.find((e) => e.type === 'message.delivered' && e.redelivered);
    expect(redelivered?.actor).not.toBe(timeout?.detail?.consumer);
    expect(trace.some((e) => e.type === 'ack.refused')).toBe(true);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('a lost confirm: the republished message is a second copy in the queue', () => {
    const { tl, trace } = play('rabbitmq-lost-confirm', ['loseConfirm']);
    expect(trace.filter((e) => e.type === 'message.stored')).toHaveLength(2);
    expect(trace.find((e) => e.type === 'message.republished')?.time).toBe(5_000);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('quorum queue: x-delivery-count grows with each nack, and past delivery-limit 2 the message goes to the DLX', () => {
    const low = play('rabbitmq-delivery-limit-low', ['failHandler', 'failHandler', 'failHandler']);
    const headers = low.trace.filter((e) => e.type === 'message.delivered' && e.redelivered).map((e) => e.detail?.header);
    expect(headers).toEqual([1, 2]);
    expect(low.trace.at(-1)?.type).toBe('message.deadLettered');
    expect(currentWorld(low.tl).stores.dead).toEqual(['order-42']);
    expect(charges(low.tl)['order-42']).toBeUndefined();
    const def = play('rabbitmq-delivery-limit-default', ['failHandler', 'failHandler', 'failHandler']);
    expect(charges(def.tl)['order-42']).toBe(1);
    expect((currentWorld(def.tl) as RabbitWorld).broker.context.dead).toEqual([]);
  });

  it('x-message-ttl drops a requeued message while the consumer is down, and ignores a duplicate copy', () => {
    const dropped = play('rabbitmq-ttl-not-dedup', ['crashConsumerBeforeEffect']);
    const expired = dropped.trace.find((e) => e.type === 'message.expired');
    expect(expired?.time).toBe(60_000);
    expect(charges(dropped.tl)['order-42']).toBeUndefined();
    const duplicated = play('rabbitmq-ttl-not-dedup', ['loseConfirm']);
    expect(charges(duplicated.tl)['order-42']).toBe(2);
  });
});

describe('RabbitMQ poison messages', () => {
  it('basic.reject with requeue=false: dropped without a DLX, dead-lettered with one; the message behind it is charged', () => {
    const dropped = play('rabbitmq-poison-reject-drop');
    expect(dropped.trace.filter((e) => e.type === 'reject.sent').map((e) => e.msgId)).toEqual(['order-13']);
    expect(dropped.trace.filter((e) => e.type === 'message.delivered' && e.msgId === 'order-13')).toHaveLength(1);
    expect(dropped.trace.find((e) => e.type === 'message.deadLettered')?.explain).toBe('rabbitmq.rejected');
    expect(currentWorld(dropped.tl).stores.dead).toEqual([]);
    expect(charges(dropped.tl)).toEqual({ 'order-42': 1 });
    const parked = play('rabbitmq-poison-reject-dlx');
    expect(parked.trace.find((e) => e.type === 'message.deadLettered')?.explain).toBe('rabbitmq.rejected.dlx');
    expect(currentWorld(parked.tl).stores.dead).toEqual(['order-13']);
    expect(charges(parked.tl)).toEqual({ 'order-42': 1 });
  });
});

describe('NATS JetStream', () => {
  const stream = (tl: Timeline) => (currentWorld(tl) as JetStreamWorld).broker.context.stream;

  it('a lost PubAck: the retry 5 s later is inside duplicate_window, answered duplicate=true, and stored once', () => {
    const { tl, trace } = play('jetstream-retry-inside-window', ['loseConfirm']);
    expect(trace.find((e) => e.type === 'message.republished')?.time).toBe(5_000);
    const dropped = trace.find((e) => e.type === 'message.deduplicated');
    expect(dropped?.time).toBe(5_000);
    expect(trace.some((e) => e.explain === 'jetstream.pubAck.duplicate')).toBe(true);
    expect(stream(tl)).toHaveLength(1);
    expect(charges(tl)['order-42']).toBe(1);
  });

  it('a retry after the window (2 min) is stored again as a new sequence, and charged twice', () => {
    const { tl, trace } = play('jetstream-retry-after-window', ['loseConfirm']);
    expect(trace.find((e) => e.type === 'window.expired')?.time).toBe(120_000);
    const again = trace.find((e) => e.type === 'message.stored' && e.detail?.copy === 2);
    expect(again?.time).toBe(180_000);
    expect(stream(tl).map((e) => e.seq)).toEqual([1, 2]);
    expect(charges(tl)['order-42']).toBe(2);
    const fixed = play('jetstream-retry-after-window-inbox', ['loseConfirm']);
    expect(stream(fixed.tl)).toHaveLength(2);
    expect(charges(fixed.tl)['order-42']).toBe(1);
  });

  it('ack_wait (30 s) runs out mid-handler: the other consumer pulls the redelivery; the late ack still counts, the second is a no-op', () => {
    const { tl, trace } = play('jetstream-ack-wait-expiry', ['exceedAckWait']);
    const expired = trace.find((e) => e.type === 'ackWait.expired');
    expect(expired?.time).toBe(30_000);
    const redelivered = trace.find((e) => e.type === 'message.delivered' && e.redelivered);
    expect(redelivered?.actor).not.toBe(expired?.detail?.consumer);
    expect(redelivered?.count).toBe(2);
    const acks = trace.filter((e) => e.type === 'ack.received' || e.type === 'ack.ignored').map((e) => `${e.type}:${e.detail?.from}`);
    expect(acks).toEqual([`ack.received:${expired?.detail?.consumer}`, `ack.ignored:${redelivered?.actor}`]);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('a crash after the charge: the server notices nothing, and the restarted consumer gets the message only when ack_wait runs out', () => {
    const crashing: Scenario = { ...byId('jetstream-lost-ack'), id: 'jetstream-crash', faults: { crashConsumerAfterEffect: 1 } };
    const { tl, trace } = play(crashing, ['crashConsumerAfterEffect']);
    expect(trace.find((e) => e.type === 'consumer.restarted')?.time).toBe(1_000);
    const again = trace.find((e) => e.type === 'message.delivered' && e.redelivered);
    expect(again?.time).toBe(30_000);
    expect(again?.count).toBe(2);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('a lost ack is redelivered after ack_wait; with AckSync the consumer acks again after 5 s and nothing is redelivered', () => {
    const lost = play('jetstream-lost-ack', ['loseAck']);
    const again = lost.trace.find((e) => e.type === 'message.delivered' && e.redelivered);
    expect(again?.time).toBe(30_000);
    expect(charges(lost.tl)['order-42']).toBe(2);
    const sync = play('jetstream-lost-ack-sync', ['loseAck']);
    expect(sync.trace.find((e) => e.type === 'ack.resent')?.time).toBe(5_000);
    expect(sync.trace.some((e) => e.type === 'ack.confirmed')).toBe(true);
    expect(sync.trace.some((e) => e.type === 'message.delivered' && e.redelivered)).toBe(false);
    expect(charges(sync.tl)['order-42']).toBe(1);
  });

  it('max_deliver 2: two failures and the server stops delivering (advisory only); unlimited, the third delivery charges once', () => {
    const low = play('jetstream-max-deliver-low', ['failDownstream', 'failDownstream']);
    expect(low.trace.filter((e) => e.type === 'nak.sent')).toHaveLength(2);
    const nakked = low.trace.map((e) => e.type).lastIndexOf('nak.sent');
    expect(low.trace.findIndex((e) => e.type === 'message.maxDelivered')).toBeGreaterThan(nakked);
    expect(low.trace.filter((e) => e.type === 'message.delivered')).toHaveLength(2);
    expect(charges(low.tl)['order-42']).toBeUndefined();
    expect(currentWorld(low.tl).stores.dead).toEqual([]);
    const def = play('jetstream-max-deliver-default', ['failDownstream', 'failDownstream']);
    expect(def.trace.filter((e) => e.type === 'message.delivered').map((e) => e.count)).toEqual([1, 2, 3]);
    expect(charges(def.tl)['order-42']).toBe(1);
  });

  it('a poison message: nak redelivers it every 10 s until the run stops while order #42 goes through; term stops it and parks it', () => {
    const nak = play('jetstream-poison-nak');
    const poison = nak.trace.filter((e) => e.type === 'message.delivered' && e.msgId === 'order-13').map((e) => e.time);
    expect(poison).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(charges(nak.tl)).toEqual({ 'order-42': 1 });
    const term = play('jetstream-poison-term');
    expect(term.trace.filter((e) => e.type === 'message.delivered' && e.msgId === 'order-13')).toHaveLength(1);
    expect(term.trace.some((e) => e.type === 'message.terminated')).toBe(true);
    expect(currentWorld(term.tl).stores.dead).toEqual(['order-13']);
    expect(charges(term.tl)).toEqual({ 'order-42': 1 });
  });
});

describe('RocketMQ', () => {
  it('consume offsets reach the broker every persistConsumerOffsetInterval (5 s)', () => {
    const { trace, tl } = play('rocketmq-offset-not-persisted');
    expect(trace.find((e) => e.type === 'offsets.persisted')?.time).toBe(5_000);
    expect((currentWorld(tl) as RocketWorld).broker.context.offsets.q0).toBe(1);
  });

  it('a crash before the offset is persisted: the restarted consumer pulls from the broker’s offset and consumes again', () => {
    const { tl, trace } = play('rocketmq-offset-not-persisted', ['crashConsumerBeforePersist']);
    expect(trace.some((e) => e.type === 'message.pulled' && e.count === 2)).toBe(true);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('a consumer joining mid-consumption: q1 moves to it at the persisted offset and both consume the message', () => {
    let tl = createTimeline(byId('rocketmq-rebalance'));
    // Let consumer 1 pull order #42 and start on it, then start consumer 2.
    for (let i = 0; i < 50 && !enabledSteps(currentWorld(tl)).some((s) => s.kind === 'run'); i++) tl = stepForward(tl);
    tl = inject(tl, 'f:joinConsumer:c2');
    for (let i = 0; i < 200; i++) {
      const n = stepForward(tl);
      if (n === tl) break;
      tl = n;
    }
    const trace = traceOf(tl);
    expect(trace.some((e) => e.actor === 'c2' && e.type === 'queues.allocated' && e.detail?.queues === 'q1')).toBe(true);
    expect(trace.some((e) => e.actor === 'c2' && e.type === 'message.pulled' && e.count === 2)).toBe(true);
    expect(trace.filter((e) => e.type === 'message.consumed').map((e) => e.actor)).toEqual(['c1', 'c2']);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('a long poll for a queue its sender no longer holds is not kept: the rebalance or the crash that took the queue ended it', () => {
    const tx = createTransitioner();
    let broker = initialActor<RocketBrokerContext>(rocketBrokerMachine, { messageModel: 'CLUSTERING', maxRetries: 16 }).state;
    const send = (event: RocketBrokerEvent) => (broker = tx.step(rocketBrokerMachine, broker, event).state);
    send({ type: 'member.joined', consumer: 'c1', inc: 1 });
    // Alone, consumer 1 holds q0, q1 and the retry queue: its poll on the empty q1 waits.
    send({ type: 'pull.received', consumer: 'c1', inc: 1, queue: 'q1', offset: 0 });
    expect(broker.context.pending).toEqual([{ member: 'c1#1', queue: 'q1', offset: 0 }]);
    // Consumer 2 joins and takes q1: the waiting poll goes, and one still on its way is dropped on arrival.
    send({ type: 'member.joined', consumer: 'c2', inc: 1 });
    expect(broker.context.pending).toEqual([]);
    send({ type: 'pull.received', consumer: 'c1', inc: 1, queue: 'q1', offset: 0 });
    expect(broker.context.pending).toEqual([]);
    // A poll from an incarnation that has left (a crashed process) is dropped too, even on a queue it used to hold.
    send({ type: 'member.gone', consumer: 'c2', inc: 1 });
    send({ type: 'pull.received', consumer: 'c2', inc: 1, queue: 'q1', offset: 0 });
    expect(broker.context.pending).toEqual([]);
    send({ type: 'pull.received', consumer: 'c1', inc: 1, queue: 'q1', offset: 0 });
    expect(broker.context.pending).toEqual([{ member: 'c1#1', queue: 'q1', offset: 0 }]);
  });

  it('a poison message: 16 retries at the delay levels (10 s … 2 h), then %DLQ%billing', () => {
    const { tl, trace } = play('rocketmq-retry-then-dlq');
    const due = trace.filter((e) => e.type === 'retry.due');
    expect(due).toHaveLength(16);
    const delays = trace.filter((e) => e.type === 'retry.scheduled').map((e) => e.detail?.delay);
    expect(delays).toEqual([
      '10 s',
      '30 s',
      '60 s',
      '120 s',
      '180 s',
      '240 s',
      '300 s',
      '360 s',
      '420 s',
      '480 s',
      '540 s',
      '600 s',
      '1200 s',
      '1800 s',
      '3600 s',
      '7200 s',
    ]);
    const dead = trace.filter((e) => e.type === 'message.deadLettered');
    expect(dead).toHaveLength(1);
    expect(dead[0]!.time).toBe(17_140_000);
    expect(trace.filter((e) => e.type === 'message.consumed')).toHaveLength(0);
    expect(currentWorld(tl).stores.dead).toEqual(['order-13']);
  });

  it('two transient failures: retried after 10 s and 30 s, then charged once', () => {
    const { tl, trace } = play('rocketmq-retry-transient', ['failConsumption', 'failConsumption']);
    expect(trace.filter((e) => e.type === 'retry.due').map((e) => e.time)).toEqual([10_000, 40_000]);
    expect(charges(tl)['order-42']).toBe(1);
  });

  it('orderly consumption: a poison message is retried in place every second and blocks the message behind it', () => {
    const { tl, trace } = play('rocketmq-orderly-poison');
    const suspended = trace.filter((e) => e.type === 'queue.suspended');
    expect(suspended.length).toBeGreaterThan(50);
    expect(suspended[1]!.time - suspended[0]!.time).toBe(1_000);
    expect(charges(tl)['order-42']).toBeUndefined();
    const bounded = play('rocketmq-orderly-max-reconsume');
    expect(bounded.trace.filter((e) => e.type === 'queue.suspended')).toHaveLength(4);
    expect(currentWorld(bounded.tl).stores.dead).toEqual(['order-13']);
    expect(charges(bounded.tl)['order-42']).toBe(1);
  });

  it('an application re-send: same keys, a new msgId — a msgId inbox lets it through, a keys inbox does not', () => {
    const byMsgId = play('rocketmq-send-retry-msgid', ['loseSendResponse']);
    const stored = byMsgId.trace.filter((e) => e.type === 'message.stored').map((e) => e.msgId);
    expect(stored).toEqual(['order-42@m1', 'order-42@m2']);
    expect(charges(byMsgId.tl)['order-42']).toBe(2);
    expect(charges(play('rocketmq-send-retry-keys', ['loseSendResponse']).tl)['order-42']).toBe(1);
  });

  it('broadcasting gives every consumer every message; clustering gives it to one', () => {
    const broadcast = play('rocketmq-broadcasting');
    expect(new Set(broadcast.trace.filter((e) => e.type === 'message.consumed').map((e) => e.actor))).toEqual(new Set(['c1', 'c2']));
    const clustering = play('rocketmq-clustering');
    expect(clustering.trace.filter((e) => e.type === 'message.consumed')).toHaveLength(1);
  });
});

describe('Kafka transactions', () => {
  it('a crash inside the transaction: Kafka aborts the receipt and the offset, but the charge outside Kafka happens twice', () => {
    let tl = createTimeline(byId('kafka-transaction-external-charge'));
    for (let i = 0; i < 60 && tl.frames[tl.cursor]!.events.at(-1)?.type !== 'receipt.produced'; i++) tl = stepForward(tl);
    tl = inject(tl, 'f:crashConsumerBeforeCommit:c1');
    for (let i = 0; i < 100; i++) {
      const n = stepForward(tl);
      if (n === tl) break;
      tl = n;
    }
    const trace = traceOf(tl);
    const fenced = trace.find((e) => e.type === 'transaction.aborted');
    expect(fenced?.time).toBe(1_000);
    expect(trace.find((e) => e.type === 'transaction.committed')?.detail?.offset).toBe(1);
    const receipts = (currentWorld(tl) as KafkaWorld).broker.context.receipts.map((r) => r.state);
    expect(receipts).toEqual(['aborted', 'committed']);
    expect(charges(tl)['order-42']).toBe(2);
  });
});

describe('Ordering (the chapter on ordering, backlog and retries)', () => {
  /** When each business write happened, in order: [key, time]. */
  const appliedAt = (trace: TraceEvent[]) => trace.filter((e) => e.detail?.applied === true).map((e) => [e.detail?.key, e.time]);

  it('JetStream nak with a delay: order #42, behind #13 in the stream, is charged while #13 waits for its retry', () => {
    const { trace } = play('jetstream-poison-nak');
    const deliveries = trace.filter((e) => e.type === 'message.delivered').map((e) => [e.msgId, e.time]);
    expect(deliveries.slice(0, 3)).toEqual([
      ['order-13', 0],
      ['order-42', 0],
      ['order-13', 10_000],
    ]);
    expect(appliedAt(trace)).toEqual([['order-42', 0]]);
  });

  it('RocketMQ concurrent consumption: #13 fails and leaves for %RETRY% (10 s, then 30 s), while #42, behind it on q0, is charged at once', () => {
    const { tl, trace } = play('rocketmq-retry-overtaken');
    const stored = trace.filter((e) => e.type === 'message.stored').map((e) => [e.msgId, e.detail?.queue]);
    expect(stored).toEqual([
      ['order-13@m1', 'q0'],
      ['order-42@m1', 'q0'],
    ]);
    expect(
      trace
        .filter((e) => e.type === 'retry.due')
        .slice(0, 2)
        .map((e) => e.time),
    ).toEqual([10_000, 40_000]);
    expect(appliedAt(trace)).toEqual([['order-42', 0]]);
    expect(first(trace, (e) => e.type === 'message.reconsumeLater')).toBeLessThan(first(trace, (e) => e.detail?.applied === true));
    expect(currentWorld(tl).stores.dead).toEqual(['order-13']); // after its 16 retries
  });

  it('RocketMQ orderly consumption keeps #42 behind #13: nothing is charged while #13 is retried in place', () => {
    const { trace } = play('rocketmq-orderly-poison');
    expect(first(trace, (e) => e.type === 'message.pulled' && e.msgId?.startsWith('order-13@') === true)).toBeGreaterThan(-1);
    expect(first(trace, (e) => e.type === 'message.pulled' && e.msgId?.startsWith('order-42@') === true)).toBe(-1);
    expect(appliedAt(trace)).toEqual([]);
  });

  it('RocketMQ orderly with maxReconsumeTimes 3: #13 goes to %DLQ% first, then #42 is charged, so #13 is now behind it', () => {
    const { trace } = play('rocketmq-orderly-max-reconsume');
    const dead = first(trace, (e) => e.type === 'message.deadLettered' && e.msgId?.startsWith('order-13@') === true);
    const charged = first(trace, (e) => e.detail?.applied === true && e.detail?.key === 'order-42');
    expect(dead).toBeGreaterThan(-1);
    expect(charged).toBeGreaterThan(dead);
  });
});

describe('Apache Pulsar', () => {
  const broker = (tl: Timeline) => (currentWorld(tl) as PulsarWorld).broker.context;
  const received = (trace: TraceEvent[], msgId = 'order-42') => trace.filter((e) => e.type === 'message.delivered' && e.msgId === msgId);

  it('acks leave the client with the grouping flush, acknowledgmentGroupTime (100 ms) after acknowledge()', () => {
    const { tl, trace } = play('pulsar-crash-before-ack');
    const buffered = trace.find((e) => e.type === 'ack.buffered');
    expect(trace.find((e) => e.type === 'ack.flushed')?.time).toBe((buffered?.time ?? NaN) + 100);
    expect(trace.find((e) => e.type === 'ack.received')?.time).toBe(100);
    expect(broker(tl).log.map((e) => e.acked)).toEqual([true]);
  });

  it('a crash after the charge: the broker gives the unacked message to the other consumer, redeliveryCount still 0', () => {
    const { tl, trace } = play('pulsar-crash-before-ack', ['crashConsumerAfterEffect']);
    const crashed = trace.find((e) => e.type === 'consumer.crashed')!;
    const [first, again] = received(trace);
    expect(first?.actor).toBe(crashed.actor);
    expect(again?.actor).not.toBe(crashed.actor);
    expect(again?.count).toBe(2);
    expect(again?.detail?.redeliveryCount).toBe(0);
    expect(broker(tl).log[0]!.redeliveryCount).toBe(0);
    expect(charges(tl)['order-42']).toBe(2);
    expect(charges(play('pulsar-crash-before-ack-inbox', ['crashConsumerAfterEffect']).tl)['order-42']).toBe(1);
  });

  it('a crash inside the ack grouping window: the ack never leaves, the last consumer gone rewinds the subscription, and the restart charges again', () => {
    const { tl, trace } = play('pulsar-ack-group-window', ['crashBeforeAckFlush']);
    const crash = first(trace, (e) => e.type === 'consumer.crashed');
    expect(first(trace, (e) => e.type === 'ack.buffered')).toBeLessThan(crash);
    expect(trace.some((e) => e.type === 'ack.flushed' && e.time < 100)).toBe(false);
    expect(trace.find((e) => e.type === 'consumer.left')?.explain).toBe('pulsar.consumer.goneLast');
    expect(received(trace).map((e) => [e.actor, e.time])).toEqual([
      ['c1', 0],
      ['c1', 1_000],
    ]);
    expect(charges(tl)['order-42']).toBe(2);
  });

  it('ackTimeout (1 s) runs out mid-handler: Shared dispatches the copy to the other consumer, Key_Shared back to the same one', () => {
    const shared = play('pulsar-ack-timeout-short', ['exceedAckTimeout']);
    const asked = shared.trace.find((e) => e.type === 'redelivery.counted');
    expect(asked?.time).toBe(1_000);
    expect(asked?.detail?.redeliveryCount).toBe(1);
    const [a, b] = received(shared.trace);
    expect(b?.actor).not.toBe(a?.actor);
    expect(charges(shared.tl)['order-42']).toBe(2);
    // Key_Shared: the copy goes back to the key's consumer; arriving while the handler still runs, it is charged again after it.
    const keyed = byId('pulsar-key-shared-ack-timeout');
    const twice = fromSteps(keyed, check(keyed).counterexamples.noDuplicateSideEffect!.steps);
    const [x, y] = received(traceOf(twice));
    expect([x?.actor, y?.actor]).toEqual(['c1', 'c1']);
    expect(y?.detail?.redeliveryCount).toBe(1);
    expect(charges(twice)['order-42']).toBe(2);
    // Arriving after acknowledge(), while the ack waits for its flush, the client drops it: charged once.
    const late = play(keyed, ['exceedAckTimeout']);
    expect(late.trace.find((e) => e.explain === 'pulsar.droppedAcked')?.actor).toBe('c1');
    expect(charges(late.tl)['order-42']).toBe(1);
    // With ackTimeout off (the default) nothing watches the clock: the stall is never possible.
    const off = createTimeline(byId('pulsar-ack-timeout-off'));
    let tl = off;
    for (let i = 0; i < 50; i++) {
      expect(enabledSteps(currentWorld(tl)).some((s) => s.kind === 'fault')).toBe(false);
      tl = stepForward(tl);
    }
  });

  it('a poison message is nacked and comes back every minute; with maxRedeliverCount 3 the client sends it to the DLQ after the fourth delivery', () => {
    const nack = play('pulsar-poison-nack');
    expect(received(nack.trace, 'order-13').map((e) => e.time)).toEqual([0, 60_000, 120_000, 180_000, 240_000, 300_000]);
    expect(charges(nack.tl)).toEqual({ 'order-42': 1 });
    const dlq = play('pulsar-poison-dlq');
    expect(received(dlq.trace, 'order-13').map((e) => e.detail?.redeliveryCount)).toEqual([0, 1, 2, 3]);
    expect(dlq.trace.find((e) => e.type === 'deadLetter.sent')?.time).toBe(240_000);
    expect(broker(dlq.tl).dlq.map((m) => m.msgId)).toEqual(['order-13']);
    expect(broker(dlq.tl).log.find((e) => e.msgId === 'order-13')?.acked).toBe(true);
    expect(currentWorld(dlq.tl).stores.dead).toEqual(['order-13']);
  });

  it('a dropped connection: the client resends with the same sequence id; stored twice without dedup, answered -1:-1 with it', () => {
    const off = play('pulsar-send-retry-no-dedup', ['dropProducerConnection']);
    const sends = off.trace.filter((e) => e.type === 'message.sent');
    expect(sends.map((e) => [e.explain, e.detail?.seq])).toEqual([
      ['pulsar.sent', 0],
      ['pulsar.resent', 0],
    ]);
    expect(broker(off.tl).log.map((e) => e.copy)).toEqual([1, 2]);
    expect(charges(off.tl)['order-42']).toBe(2);
    const on = play('pulsar-send-retry-dedup', ['dropProducerConnection']);
    expect(on.trace.some((e) => e.type === 'message.deduplicated')).toBe(true);
    expect(on.trace.filter((e) => e.type === 'receipt.received').map((e) => e.detail?.entry)).toEqual([-1]);
    expect(broker(on.tl).log).toHaveLength(1);
    expect(charges(on.tl)['order-42']).toBe(1);
  });

  it('a producer restart: a generated name or a fresh sequence id is a new message to dedup; the outbox row id as sequence id is recognised', () => {
    const replay = (id: string) => {
      const { tl, trace } = play(id, ['restartProducer']);
      const again = trace.filter((e) => e.explain === 'pulsar.replayed')[0];
      return { name: again?.detail?.name, seq: again?.detail?.seq, entries: broker(tl).log.length, charged: charges(tl)['order-42'] };
    };
    expect(replay('pulsar-producer-restart-generated-name')).toEqual({ name: 'standalone-0-2', seq: 0, entries: 2, charged: 2 });
    expect(replay('pulsar-producer-restart-fixed-name')).toEqual({ name: 'billing-producer', seq: 1, entries: 2, charged: 2 });
    expect(replay('pulsar-producer-restart-outbox-seq')).toEqual({ name: 'billing-producer', seq: 0, entries: 1, charged: 1 });
  });
});
