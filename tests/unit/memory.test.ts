/**
 * `ctx.memory` is process memory: a consumer that crashes loses it. Every protocol's consumer
 * machine keeps it as `context.memo` and must empty it in its crash action. This file drives one
 * world per protocol to the exact point that matters — the handler has charged the order and put it
 * in `ctx.memory`, but the ack / offset commit / offset persist has not happened — crashes the
 * consumer there, and follows the redelivery: memory must be empty right after the crash, and the
 * redelivered message must be charged a second time. A consumer that kept `memo` across the crash
 * would skip the redelivery (one charge) and fail here.
 */
import { describe, expect, it } from 'vitest';
import { labOrder42, labScenario, type LabDefinition } from '../../src/sandbox/lab';
import {
  createTimeline,
  currentWorld,
  enabledSteps,
  inject,
  isQuiescent,
  runUntilQuiescent,
  stepForward,
  stepKey,
  traceOf,
  type FaultKind,
  type Handler,
  type HandlerContextT,
  type ProtocolId,
  type Timeline,
} from '../../src/sim';
import { jetstreamDefaults } from '../../src/sim/protocols/jetstream/jetstream.settings';
import { kafkaDefaults } from '../../src/sim/protocols/kafka/kafka.settings';
import { rabbitDefaults } from '../../src/sim/protocols/rabbitmq/rabbitmq.settings';
import { rocketDefaults } from '../../src/sim/protocols/rocketmq/rocketmq.settings';

/** The reader's handler under test: dedup by the order in process memory only. */
const rememberInMemory = ((msg: { body: { order: string; amount: number } }, ctx: HandlerContextT) => {
  const o = msg.body.order;
  if (ctx.memory.has(o)) return;
  ctx.effects.addToBalance(o, msg.body.amount);
  ctx.memory.add(o);
}) as Handler;

const ORDER = labOrder42.key;
/** Trace events that settle a message with the broker (ack, offset commit, offset persist). */
const SETTLING = ['ack.sent', 'ack.received', 'offset.commitSent', 'offset.committed', 'message.consumed', 'offsets.persisted', 'offsets.stored'];

interface Case {
  protocol: ProtocolId;
  /** The crash, after the charge and before the ack / commit / persist. */
  crash: FaultKind;
  settings: Pick<LabDefinition, 'broker'>;
}

const cases: Case[] = [
  { protocol: 'ack', crash: 'crashConsumerAfterEffect', settings: {} },
  { protocol: 'kafka', crash: 'crashConsumerBeforeCommit', settings: { broker: { ...kafkaDefaults, commit: 'sync' } } },
  { protocol: 'rabbitmq', crash: 'crashConsumerAfterEffect', settings: { broker: rabbitDefaults } },
  { protocol: 'rocketmq', crash: 'crashConsumerBeforePersist', settings: { broker: rocketDefaults } },
  { protocol: 'jetstream', crash: 'crashConsumerAfterEffect', settings: { broker: jetstreamDefaults } },
];

function labFor(c: Case): LabDefinition {
  return {
    id: `memory-lost-on-crash-${c.protocol}`,
    title: { en: `memory across a crash (${c.protocol})`, 'zh-cn': `崩溃前后的内存（${c.protocol}）` },
    goal: { en: 'ctx.memory dies with the process', 'zh-cn': 'ctx.memory 随进程一起消失' },
    ...(c.protocol === 'ack' ? {} : { protocol: c.protocol }),
    ...c.settings,
    consumers: 1,
    faults: { [c.crash]: 1 },
    messages: [labOrder42],
    intended: 'noDuplicateSideEffect',
  };
}

const consumer = (tl: Timeline) => currentWorld(tl).consumers.c1!;
const ledger = (tl: Timeline) => currentWorld(tl).stores.ledger;

/**
 * Steps the default schedule until c1's handler has charged the order and remembered it, i.e. until
 * `memo` holds the order. Fails if the ack/commit went out first (nothing left to crash before).
 */
function untilRemembered(tl: Timeline): Timeline {
  for (let i = 0; i < 200; i++) {
    const c = currentWorld(tl).consumers.c1;
    if (c?.context.memo.includes(ORDER)) return tl;
    const next = stepForward(tl);
    if (next === tl) break;
    tl = next;
  }
  throw new Error('c1 never put the order in ctx.memory');
}

describe('a crash empties ctx.memory (consumer context.memo), so the redelivery charges again', () => {
  for (const c of cases) {
    it(`${c.protocol}: charge, memory.add, ${c.crash}, redelivery → memory empty after the crash, order charged twice`, () => {
      let tl = createTimeline(labScenario(labFor(c), rememberInMemory));
      tl = untilRemembered(tl);

      // The handler ran to its end of work: charged once, order remembered, effect done.
      expect(ledger(tl)[ORDER]).toBe(1);
      expect(consumer(tl).context.memo).toEqual([ORDER]);
      expect(consumer(tl).context.effectDone).toBe(true);
      expect(traceOf(tl).some((e) => e.type === 'handler.call' && String(e.detail?.call).startsWith('memory.add('))).toBe(true);

      // Crash now: before the ack / offset commit / offset persist.
      const settled = traceOf(tl).filter((e) => SETTLING.includes(e.type));
      expect(settled, 'the message was already acked / committed / persisted').toEqual([]);
      const crashKey = `f:${c.crash}:c1`;
      expect(enabledSteps(currentWorld(tl)).map(stepKey)).toContain(crashKey);
      tl = inject(tl, crashKey);
      expect(traceOf(tl).at(-1)?.type).toBe('consumer.crashed');
      expect(consumer(tl).context.memo, 'process memory survived the crash').toEqual([]);
      expect(ledger(tl)[ORDER]).toBe(1);

      // The broker redelivers; the restarted process remembers nothing, so it charges again.
      tl = runUntilQuiescent(tl, 2_000);
      expect(isQuiescent(currentWorld(tl))).toBe(true);
      const trace = traceOf(tl);
      const crashedAt = trace.findIndex((e) => e.type === 'consumer.crashed');
      const hasCalls = trace.filter((e, i) => i > crashedAt && e.type === 'handler.call' && String(e.detail?.call).startsWith('memory.has('));
      expect(hasCalls.length, 'the message was not handled again after the crash').toBeGreaterThan(0);
      expect(hasCalls[0]!.detail?.result).toBe('false');
      expect(ledger(tl)[ORDER], 'a redelivery after the crash must find memory empty and charge again').toBe(2);
    });
  }
});
