import { assertEvent, assign, setup } from 'xstate';
import type { CallRecord } from '../../consumers/handler';
import { sortRecord } from '../../core/records';
import type { ActorId, Delivery, LogRecord, Output } from '../../core/types';
import { noDelivery, recordOp, toBroker, type OpCompleted } from '../../engine/kit';
import type { RocketSettings } from './rocketmq.settings';

/** Consumer settings a scenario chooses. */
export interface RocketConsumerInput extends Pick<
  RocketSettings,
  'messageModel' | 'consumeMode' | 'persistConsumerOffsetInterval' | 'maxReconsumeTimes' | 'suspendCurrentQueueTimeMillis'
> {
  id: ActorId;
  restartDelay: number;
  /** Not started yet: the scenario starts it with a fault (a consumer joining). */
  standby: boolean;
}

/** A message pulled into the consumer's process queue. */
interface Buffered {
  queue: string;
  record: LogRecord;
}

/** The consumer's memory. Everything but `inc` is lost in a crash. */
export interface RocketConsumerContext extends RocketConsumerInput {
  inc: number;
  queues: string[];
  /** Consumed offsets per queue (the next message to consume), not yet all persisted. */
  offsets: Record<string, number>;
  dirty: boolean;
  buffer: Buffered[];
  /** The queue and record in hand; `dropped` once a rebalance took its queue away. */
  inHand: (Buffered & { dropped: boolean }) | null;
  /** Orderly mode: failed attempts of the message in hand. */
  failures: number;
  current: Delivery | null;
  pc: number;
  effectDone: boolean;
  memo: string[];
  history: CallRecord[];
  outbox: Output[];
}

/** Events the consumer reacts to. */
export type RocketConsumerEvent =
  | { type: 'queues.allocated'; queues: string[]; offsets: Record<string, number> }
  | { type: 'messages.pulled'; queue: string; records: LogRecord[]; inc: number }
  | OpCompleted
  | { type: 'handler.returned' }
  | { type: 'consumption.failed' }
  | { type: 'persist.due' }
  | { type: 'suspend.over' }
  | { type: 'fault.crashConsumer' }
  | { type: 'consumer.started' }
  | { type: 'consumer.restarted' };

type Ctx = RocketConsumerContext;
const queueLabel = (q: string) => (q === 'retry' ? '%RETRY%billing' : q);
const deliveryOf = (b: Buffered, failures: number): Delivery => ({
  msgId: b.record.msgId,
  key: b.record.key,
  copy: b.record.copy,
  count: b.record.reads + failures,
  redelivered: b.record.reads + failures > 1 || (b.record.retries ?? 0) > 0,
  channel: 0,
  where: `${queueLabel(b.queue)}@${b.record.offset}`,
  offset: b.record.offset,
  retries: b.record.retries ?? 0,
});
const pull = (ctx: Pick<Ctx, 'inc'>, queue: string, offset: number) => toBroker({ kind: 'pull', queue, offset, inc: ctx.inc });
const isClustering = (ctx: Ctx) => ctx.messageModel === 'CLUSTERING';

/** Moves past the message in hand: its queue's offset advances (unless the queue was taken away). */
function advanceOffset(ctx: Ctx): Partial<Ctx> & Pick<Ctx, 'outbox'> {
  const h = ctx.inHand;
  if (!h || h.dropped) return { ...noDelivery, inHand: null, failures: 0, outbox: [] };
  const offsets = sortRecord({ ...ctx.offsets, [h.queue]: h.record.offset + 1 });
  const outbox: Output[] = ctx.dirty ? [] : [{ kind: 'startTimer', name: 'persist', after: ctx.persistConsumerOffsetInterval }];
  // Nothing more buffered from this queue: pull again (long polling).
  if (!ctx.buffer.some((b) => b.queue === h.queue)) outbox.push(pull(ctx, h.queue, h.record.offset + 1));
  return { ...noDelivery, inHand: null, failures: 0, offsets, dirty: true, outbox };
}

/**
 * A RocketMQ push consumer in group `billing`: it registers with the broker, gets its share of the
 * queues, pulls, consumes one message at a time, and persists its offsets every
 * `persistConsumerOffsetInterval`. When a rebalance takes a queue away it persists that queue's
 * offset and drops it — the message it is consuming still finishes, uncounted. A failed message
 * goes back to the broker for `%RETRY%` (concurrently) or is retried in place after a pause (orderly).
 */
export const rocketConsumerMachine = setup({
  types: { context: {} as RocketConsumerContext, events: {} as RocketConsumerEvent, input: {} as RocketConsumerInput },
  guards: {
    isStandby: ({ context }) => context.standby,
    isLastOp: ({ event }) => event.type === 'op.completed' && (event.skip || event.done),
    isFailure: ({ event }) => event.type === 'op.completed' && event.failed === true,
    isOrderly: ({ context }) => context.consumeMode === 'orderly',
    isPulledNew: ({ context, event }) =>
      event.type === 'messages.pulled' &&
      event.inc === context.inc &&
      context.queues.includes(event.queue) &&
      event.records.some((r) => r.offset >= (context.offsets[event.queue] ?? 0)),
    hasBuffered: ({ context }) => context.buffer.length > 0,
    canPersist: ({ context }) => context.dirty,
    hasCurrent: ({ context }) => context.current !== null,
  },
  actions: {
    register: assign(({ context }) => ({ outbox: [toBroker({ kind: 'join', inc: context.inc })] })),
    takeQueues: assign(({ context, event }) => {
      assertEvent(event, 'queues.allocated');
      const outbox: Output[] = [];
      const removed = context.queues.filter((q) => !event.queues.includes(q));
      const added = event.queues.filter((q) => !context.queues.includes(q));
      // Persist the offsets of the queues being given up before dropping them (clustering only).
      if (isClustering(context) && removed.length > 0)
        outbox.push(toBroker({ kind: 'persist', offsets: Object.fromEntries(removed.map((q) => [q, context.offsets[q] ?? 0])), inc: context.inc }));
      const offsets = { ...context.offsets };
      for (const q of removed) delete offsets[q];
      for (const q of added) {
        offsets[q] = isClustering(context) ? (event.offsets[q] ?? 0) : (context.offsets[q] ?? 0);
        outbox.push(pull(context, q, offsets[q]!));
      }
      const inHand = context.inHand && removed.includes(context.inHand.queue) ? { ...context.inHand, dropped: true } : context.inHand;
      return { queues: event.queues, offsets: sortRecord(offsets), buffer: context.buffer.filter((b) => event.queues.includes(b.queue)), inHand, outbox };
    }),
    bufferPulled: assign(({ context, event }) => {
      assertEvent(event, 'messages.pulled');
      const from = context.offsets[event.queue] ?? 0;
      const known = new Set(context.buffer.filter((b) => b.queue === event.queue).map((b) => b.record.offset));
      const fresh = event.records.filter(
        (r) => r.offset >= from && !known.has(r.offset) && !(context.inHand?.queue === event.queue && context.inHand.record.offset === r.offset),
      );
      return { buffer: [...context.buffer, ...fresh.map((record) => ({ queue: event.queue, record }))] };
    }),
    takeNext: assign(({ context }) => {
      const next = context.buffer[0]!;
      return { ...noDelivery, inHand: { ...next, dropped: false }, failures: 0, current: deliveryOf(next, 0), buffer: context.buffer.slice(1) };
    }),
    advance: assign(({ context, event }) => {
      assertEvent(event, 'op.completed');
      return recordOp(context, event);
    }),
    consumed: assign(({ context }) => advanceOffset(context)),
    // Concurrently: RECONSUME_LATER hands the message to the broker's retry topic and moves on.
    // Broadcasting: failed messages are not retried.
    sendBack: assign(({ context }) => {
      const h = context.inHand;
      const next = advanceOffset(context);
      if (!h || h.dropped || !isClustering(context)) return next;
      return { ...next, outbox: [toBroker({ kind: 'sendBack', record: h.record, queue: 'retry' }), ...next.outbox] };
    }),
    // Orderly: suspend the queue and try the same message again, up to maxReconsumeTimes (-1 = forever).
    suspend: assign(({ context }) => ({
      ...noDelivery,
      failures: context.failures + 1,
      outbox: [{ kind: 'startTimer', name: 'suspend', after: context.suspendCurrentQueueTimeMillis }] as Output[],
    })),
    retryInPlace: assign(({ context }) => {
      const h = context.inHand!;
      if (context.maxReconsumeTimes >= 0 && context.failures > context.maxReconsumeTimes) {
        const next = advanceOffset(context);
        return {
          ...next,
          outbox: [toBroker({ kind: 'sendBack', record: { ...h.record, retries: context.failures - 1 }, queue: 'dlq' }), ...next.outbox],
        };
      }
      return { ...noDelivery, current: deliveryOf(h, context.failures) };
    }),
    persist: assign(({ context }) => ({
      dirty: false,
      outbox: isClustering(context) ? [toBroker({ kind: 'persist', offsets: context.offsets, inc: context.inc })] : [],
    })),
    crash: assign(({ context }) => ({
      ...noDelivery,
      queues: [],
      offsets: isClustering(context) ? {} : context.offsets,
      dirty: false,
      buffer: [],
      inHand: null,
      failures: 0,
      memo: [],
      outbox: [
        toBroker({ kind: 'leave', inc: context.inc }),
        { kind: 'cancelTimer', name: 'persist' },
        { kind: 'cancelTimer', name: 'suspend' },
        { kind: 'startTimer', name: 'restart', after: context.restartDelay },
      ] as Output[],
    })),
    restart: assign(({ context }) => ({ inc: context.inc + 1, outbox: [toBroker({ kind: 'join', inc: context.inc + 1 })] })),
  },
}).createMachine({
  id: 'rocketmq-consumer',
  context: ({ input }) => ({
    ...input,
    ...noDelivery,
    inc: 1,
    queues: [],
    offsets: {},
    dirty: false,
    buffer: [],
    inHand: null,
    failures: 0,
    memo: [],
    outbox: [],
  }),
  initial: 'starting',
  on: {
    'queues.allocated': { actions: 'takeQueues' },
    'messages.pulled': { guard: 'isPulledNew', actions: 'bufferPulled' },
    'persist.due': { guard: 'canPersist', actions: 'persist' },
    'fault.crashConsumer': { target: '.crashed', actions: 'crash' },
  },
  states: {
    starting: {
      always: [
        { guard: 'isStandby', target: 'stopped' },
        { target: 'idle', actions: 'register' },
      ],
    },
    stopped: { on: { 'consumer.started': { target: 'idle', actions: 'register' }, 'queues.allocated': {}, 'messages.pulled': {}, 'fault.crashConsumer': {} } },
    idle: { always: { guard: 'hasBuffered', target: 'processing', actions: 'takeNext' } },
    processing: {
      on: {
        'op.completed': [{ guard: 'isFailure', target: 'failed' }, { guard: 'isLastOp', target: 'finishing', actions: 'advance' }, { actions: 'advance' }],
        'consumption.failed': { target: 'failed' },
      },
    },
    failed: {
      always: [
        { guard: 'isOrderly', target: 'suspended', actions: 'suspend' },
        { target: 'idle', actions: 'sendBack' },
      ],
    },
    suspended: { on: { 'suspend.over': { target: 'resuming', actions: 'retryInPlace' } } },
    resuming: { always: [{ guard: 'hasCurrent', target: 'processing' }, { target: 'idle' }] },
    // CONSUME_SUCCESS is the next step: a crash here is "consumed, offset not yet advanced".
    finishing: { on: { 'handler.returned': { target: 'idle', actions: 'consumed' } } },
    crashed: {
      on: {
        'consumer.restarted': { target: 'idle', actions: 'restart' },
        'queues.allocated': {},
        'messages.pulled': {},
        'persist.due': {},
        'fault.crashConsumer': {},
      },
    },
  },
});
