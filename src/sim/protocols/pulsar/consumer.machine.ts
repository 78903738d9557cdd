import { assertEvent, assign, setup } from 'xstate';
import type { ActorId, Delivery, Output } from '../../core/types';
import { emit, noDelivery, recordOp, toBroker, type OpCompleted } from '../../engine/kit';
import type { ConsumerCore } from '../../engine/world';
import type { PulsarSettings } from './pulsar.settings';

/** Consumer settings a scenario chooses. */
export interface PulsarConsumerInput extends Pick<
  PulsarSettings,
  'ackTimeoutMillis' | 'negativeAckRedeliveryDelay' | 'maxRedeliverCount' | 'acknowledgmentGroupTime'
> {
  id: ActorId;
  restartDelay: number;
}

/** A message in the client's receiver queue, or in hand. */
export interface PulsarIncoming {
  delivery: Delivery;
  entry: number;
  redeliveryCount: number;
}

/** The consumer's memory. Everything but `channel` is lost in a crash. */
export interface PulsarConsumerContext extends PulsarConsumerInput, ConsumerCore {
  /** The connection's incarnation: a message sent to an older one finds nobody. */
  channel: number;
  /** The receiver queue: dispatched to this consumer, not yet given to the application. */
  queue: PulsarIncoming[];
  inHand: PulsarIncoming | null;
  /** Acks the grouping tracker holds until its next flush. */
  ackBuffer: number[];
  /** Entries negatively acknowledged, waiting out the redelivery delay. */
  nacked: PulsarIncoming[];
  /** Entries the ack-timeout tracker watches (received by the application, not acked). */
  tracked: number[];
}

/** What a consumer process holds when it starts, and again after a crash. */
const freshProcess: Omit<PulsarConsumerContext, keyof PulsarConsumerInput | 'channel' | 'outbox'> = {
  ...noDelivery,
  queue: [],
  inHand: null,
  ackBuffer: [],
  nacked: [],
  tracked: [],
  memo: [],
};

/** Events the consumer reacts to. */
export type PulsarConsumerEvent =
  | { type: 'message.received'; incoming: PulsarIncoming }
  | OpCompleted
  | { type: 'handler.returned' }
  | { type: 'handler.failed' }
  | { type: 'ackFlush.due' }
  | { type: 'nack.due'; entry: number }
  | { type: 'ackTimeout.expired'; entry: number }
  | { type: 'fault.crashConsumer' }
  | { type: 'consumer.restarted' };

type Ctx = PulsarConsumerContext;
const ackTimer = (entry: number) => `ackTimeout:${entry}`;
const nackTimer = (entry: number) => `nack:${entry}`;
/** The consumer's timers that carry data: which entry a nack delay or an ack timeout is for. */
export type PulsarConsumerTimer = { kind: 'nack' | 'ackTimeout'; entry: number };

/** Whether the client sends this message to the dead-letter topic instead of asking for it again. */
export const goesToDlq = (ctx: Pick<Ctx, 'maxRedeliverCount'>, m: PulsarIncoming) =>
  ctx.maxRedeliverCount !== null && m.redeliveryCount >= ctx.maxRedeliverCount;

/**
 * The client asks for these messages again (a nack's delay or an ack timeout ran out). With a dead-letter
 * policy, a message whose redelivery count reached maxRedeliverCount is published to the DLQ topic
 * and acked instead (ConsumerImpl.processPossibleToDLQ).
 */
function askAgain(ctx: Ctx, items: PulsarIncoming[]): Output[] {
  const dead = items.filter((m) => goesToDlq(ctx, m));
  const again = items.filter((m) => !goesToDlq(ctx, m)).map((m) => m.entry);
  const out: Output[] = [];
  for (const m of dead) out.push(toBroker({ kind: 'deadLetterSend', msgId: m.delivery.msgId, entry: m.entry }));
  if (dead.length > 0) out.push(toBroker({ kind: 'ackCommand', entries: dead.map((m) => m.entry), channel: ctx.channel }));
  if (again.length > 0) out.push(toBroker({ kind: 'redeliverCommand', entries: again, channel: ctx.channel }));
  return out;
}

/**
 * A Pulsar consumer on subscription `billing`. The broker pushes messages into its receiver queue; the
 * application takes one at a time, runs the handler, then `acknowledge()`: the ack waits in the
 * grouping tracker for `acknowledgmentGroupTime` (100 ms) and leaves with the next flush. A failing
 * handler calls `negativeAcknowledge()`: after `negativeAckRedeliveryDelay` (1 min) the client asks the
 * broker to redeliver. With `ackTimeout` on, a message not acked that long after the application got it
 * is asked for again too. A crash loses the receiver queue and every ack not yet flushed; the broker
 * sees the connection close.
 */
export const pulsarConsumerMachine = setup({
  types: { context: {} as PulsarConsumerContext, events: {} as PulsarConsumerEvent, input: {} as PulsarConsumerInput },
  guards: {
    // The client drops a message whose ack it still holds in its grouping tracker (ConsumerImpl.messageReceived:
    // acknowledgmentsGroupingTracker.isDuplicate); the ack, once flushed, settles it on the broker.
    isForThisConnection: ({ context, event }) =>
      event.type === 'message.received' && event.incoming.delivery.channel === context.channel && !context.ackBuffer.includes(event.incoming.entry),
    hasQueued: ({ context }) => context.queue.length > 0,
    isLastOp: ({ event }) => event.type === 'op.completed' && (event.skip || event.done),
    isFailure: ({ event }) => event.type === 'op.completed' && event.failed === true,
    // Only the message in hand is watched (acknowledge and negativeAcknowledge stop watching it).
    isTracked: ({ context, event }) => event.type === 'ackTimeout.expired' && context.inHand?.entry === event.entry && context.tracked.includes(event.entry),
  },
  actions: {
    subscribe: assign(({ context }) => ({ outbox: emit(context.outbox, toBroker({ kind: 'ready', channel: context.channel })) })),
    enqueue: assign(({ context, event }) => {
      assertEvent(event, 'message.received');
      return { queue: [...context.queue, event.incoming] };
    }),
    takeNext: assign(({ context }) => {
      const next = context.queue[0]!;
      const track = context.ackTimeoutMillis > 0;
      return {
        ...noDelivery,
        current: next.delivery,
        inHand: next,
        queue: context.queue.slice(1),
        tracked: track ? [...context.tracked, next.entry] : context.tracked,
        outbox: track
          ? emit(context.outbox, {
              kind: 'startTimer',
              name: ackTimer(next.entry),
              after: context.ackTimeoutMillis,
              data: { kind: 'ackTimeout', entry: next.entry } satisfies PulsarConsumerTimer,
            })
          : context.outbox,
      };
    }),
    advance: assign(({ context, event }) => {
      assertEvent(event, 'op.completed');
      return recordOp(context, event);
    }),
    // acknowledge(): the ack timeout stops watching it; the ack goes now, or with the tracker's next flush.
    acknowledge: assign(({ context }) => {
      const entry = context.inHand!.entry;
      const untrack: Output[] = context.tracked.includes(entry) ? [{ kind: 'cancelTimer', name: ackTimer(entry) }] : [];
      const base = { ...noDelivery, inHand: null, tracked: context.tracked.filter((x) => x !== entry) };
      if (context.acknowledgmentGroupTime === 0)
        return { ...base, outbox: emit(context.outbox, ...untrack, toBroker({ kind: 'ackCommand', entries: [entry], channel: context.channel })) };
      const flush: Output[] = context.ackBuffer.length === 0 ? [{ kind: 'startTimer', name: 'ackFlush', after: context.acknowledgmentGroupTime }] : [];
      return { ...base, ackBuffer: [...context.ackBuffer, entry], outbox: emit(context.outbox, ...untrack, ...flush) };
    }),
    flush: assign(({ context }) =>
      context.ackBuffer.length === 0
        ? {}
        : { ackBuffer: [], outbox: emit(context.outbox, toBroker({ kind: 'ackCommand', entries: context.ackBuffer, channel: context.channel })) },
    ),
    // negativeAcknowledge(): the message waits out the delay in the client, then is asked for again.
    nack: assign(({ context }) => {
      const m = context.inHand!;
      return {
        ...noDelivery,
        inHand: null,
        tracked: context.tracked.filter((x) => x !== m.entry),
        nacked: [...context.nacked, m],
        outbox: emit(context.outbox, ...(context.tracked.includes(m.entry) ? [{ kind: 'cancelTimer', name: ackTimer(m.entry) } as Output] : []), {
          kind: 'startTimer',
          name: nackTimer(m.entry),
          after: context.negativeAckRedeliveryDelay,
          data: { kind: 'nack', entry: m.entry } satisfies PulsarConsumerTimer,
        }),
      };
    }),
    nackDue: assign(({ context, event }) => {
      assertEvent(event, 'nack.due');
      const due = context.nacked.filter((m) => m.entry === event.entry);
      return { nacked: context.nacked.filter((m) => m.entry !== event.entry), outbox: emit(context.outbox, ...askAgain(context, due)) };
    }),
    // The ack timeout ran out for the message: the client asks for it again, though the handler may still be running it.
    ackTimedOut: assign(({ context, event }) => {
      assertEvent(event, 'ackTimeout.expired');
      return {
        tracked: context.tracked.filter((x) => x !== event.entry),
        outbox: emit(context.outbox, { kind: 'cancelTimer', name: ackTimer(event.entry) }, ...askAgain(context, [context.inHand!])),
      };
    }),
    crash: assign(({ context }) => ({
      ...freshProcess,
      channel: context.channel + 1,
      outbox: [
        toBroker({ kind: 'closed', channel: context.channel }),
        { kind: 'cancelTimer', name: 'ackFlush' },
        ...context.nacked.map((m): Output => ({ kind: 'cancelTimer', name: nackTimer(m.entry) })),
        ...context.tracked.map((e): Output => ({ kind: 'cancelTimer', name: ackTimer(e) })),
        { kind: 'startTimer', name: 'restart', after: context.restartDelay },
      ] as Output[],
    })),
  },
}).createMachine({
  id: 'pulsar-consumer',
  context: ({ input }) => ({ ...input, ...freshProcess, channel: 1, outbox: [] }),
  initial: 'idle',
  entry: 'subscribe',
  // What the client does whatever the application is doing; a crashed process does none of it.
  on: {
    'message.received': { guard: 'isForThisConnection', actions: 'enqueue' },
    'ackFlush.due': { actions: 'flush' },
    'nack.due': { actions: 'nackDue' },
    'ackTimeout.expired': { guard: 'isTracked', actions: 'ackTimedOut' },
    'fault.crashConsumer': { target: '.crashed', actions: 'crash' },
  },
  states: {
    idle: { always: { guard: 'hasQueued', target: 'processing', actions: 'takeNext' } },
    processing: {
      on: {
        'op.completed': [
          { guard: 'isFailure', target: 'idle', actions: 'nack' },
          { guard: 'isLastOp', target: 'acking', actions: 'advance' },
          { actions: 'advance' },
        ],
        'handler.failed': { target: 'idle', actions: 'nack' },
      },
    },
    // The handler returned; acknowledge() is the next step: a crash here is "charged, not acked".
    acking: { on: { 'handler.returned': { target: 'idle', actions: 'acknowledge' } } },
    crashed: {
      on: {
        'consumer.restarted': { target: 'idle', actions: 'subscribe' },
        'message.received': {},
        'ackFlush.due': {},
        'nack.due': {},
        'ackTimeout.expired': {},
        'fault.crashConsumer': {},
      },
    },
  },
});
