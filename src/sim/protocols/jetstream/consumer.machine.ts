import { assertEvent, assign, setup } from 'xstate';
import type { CallRecord } from '../../consumers/handler';
import { deliveryTag, type ActorId, type Delivery, type Output } from '../../core/types';
import { noDelivery, recordOp, toBroker, type OpCompleted } from '../../engine/kit';
import type { JetStreamSettings } from './jetstream.settings';

/** Consumer settings a scenario chooses. */
export interface JsConsumerInput extends Pick<JetStreamSettings, 'ackSync' | 'ackSyncRetry' | 'onFailure' | 'nakDelay'> {
  id: ActorId;
  restartDelay: number;
}

/** The consumer's memory: its pull subscription's incarnation, the message in hand, the ack it waits to hear about. */
export interface JsConsumerContext extends JsConsumerInput {
  /** Bumped on every restart: a delivery answering an older pull request finds nobody. */
  channel: number;
  current: Delivery | null;
  pc: number;
  effectDone: boolean;
  /** The AckSync this consumer is waiting to hear confirmed (its delivery's tag). */
  awaiting: string | null;
  memo: string[];
  history: CallRecord[];
  outbox: Output[];
}

/** Events the consumer reacts to. */
export type JsConsumerEvent =
  | { type: 'message.delivered'; delivery: Delivery }
  | OpCompleted
  | { type: 'handler.returned' }
  | { type: 'handler.failed' }
  | { type: 'ack.confirmed'; tag: string }
  | { type: 'ackSync.timedOut' }
  | { type: 'fault.crashConsumer' }
  | { type: 'consumer.restarted' };

const pullOn = (channel: number): Output => toBroker({ kind: 'ready', channel });

/**
 * A JetStream pull consumer fetching one message at a time: run the handler, `ack` (or `AckSync` and
 * wait for the server's reply, acking again when none comes in time), then pull again. A failing handler
 * answers `nak` (optionally with a delay) or `term`. A crash loses nothing on the server: its pending
 * delivery is redelivered when ack_wait runs out.
 */
export const jsConsumerMachine = setup({
  types: { context: {} as JsConsumerContext, events: {} as JsConsumerEvent, input: {} as JsConsumerInput },
  guards: {
    isForThisPull: ({ context, event }) => event.type === 'message.delivered' && event.delivery.channel === context.channel,
    isLastOp: ({ event }) => event.type === 'op.completed' && (event.skip || event.done),
    isFailure: ({ event }) => event.type === 'op.completed' && event.failed === true,
    isAckSync: ({ context }) => context.ackSync,
    isAwaited: ({ context, event }) => event.type === 'ack.confirmed' && event.tag === context.awaiting,
  },
  actions: {
    pull: assign(({ context }) => ({ outbox: [pullOn(context.channel)] })),
    startHandling: assign(({ event }) => {
      assertEvent(event, 'message.delivered');
      return { ...noDelivery, current: event.delivery };
    }),
    advance: assign(({ context, event }) => {
      assertEvent(event, 'op.completed');
      return recordOp(context, event);
    }),
    ackAndPull: assign(({ context }) => {
      const d = context.current!;
      return { ...noDelivery, outbox: [toBroker({ kind: 'ack', tag: deliveryTag(d), channel: d.channel }), pullOn(context.channel)] };
    }),
    ackSync: assign(({ context }) => {
      const d = context.current!;
      const tag = deliveryTag(d);
      return {
        ...noDelivery,
        awaiting: tag,
        outbox: [
          toBroker({ kind: 'ack', tag, channel: d.channel, sync: true }),
          { kind: 'startTimer', name: 'ackSync', after: context.ackSyncRetry },
        ] as Output[],
      };
    }),
    ackAgain: assign(({ context }) => ({
      outbox: [
        toBroker({ kind: 'ack', tag: context.awaiting!, channel: context.channel, sync: true }),
        { kind: 'startTimer', name: 'ackSync', after: context.ackSyncRetry },
      ] as Output[],
    })),
    confirmedPull: assign(({ context }) => ({ awaiting: null, outbox: [{ kind: 'cancelTimer', name: 'ackSync' }, pullOn(context.channel)] as Output[] })),
    reject: assign(({ context }) => {
      const d = context.current!;
      const tag = deliveryTag(d);
      const answer =
        context.onFailure === 'term'
          ? toBroker({ kind: 'term', tag, channel: d.channel })
          : toBroker({ kind: 'nack', tag, channel: d.channel, requeue: true, delay: context.nakDelay });
      return { ...noDelivery, outbox: [answer, pullOn(context.channel)] };
    }),
    crash: assign(({ context }) => ({
      ...noDelivery,
      awaiting: null,
      memo: [],
      channel: context.channel + 1,
      outbox: [
        toBroker({ kind: 'closed', channel: context.channel }),
        { kind: 'cancelTimer', name: 'ackSync' },
        { kind: 'startTimer', name: 'restart', after: context.restartDelay },
      ] as Output[],
    })),
  },
}).createMachine({
  id: 'jetstream-consumer',
  context: ({ input }) => ({ ...input, ...noDelivery, channel: 1, awaiting: null, memo: [], outbox: [] }),
  initial: 'waiting',
  entry: 'pull',
  // A crash is the same from every state but `crashed`, which ignores it.
  on: { 'fault.crashConsumer': { target: '.crashed', actions: 'crash' } },
  states: {
    waiting: { on: { 'message.delivered': { guard: 'isForThisPull', target: 'processing', actions: 'startHandling' } } },
    processing: {
      on: {
        'op.completed': [
          { guard: 'isFailure', target: 'waiting', actions: 'reject' },
          { guard: 'isLastOp', target: 'acking', actions: 'advance' },
          { actions: 'advance' },
        ],
        'handler.failed': { target: 'waiting', actions: 'reject' },
      },
    },
    acking: {
      on: {
        'handler.returned': [
          { guard: 'isAckSync', target: 'confirming', actions: 'ackSync' },
          { target: 'waiting', actions: 'ackAndPull' },
        ],
      },
    },
    confirming: {
      on: {
        'ack.confirmed': { guard: 'isAwaited', target: 'waiting', actions: 'confirmedPull' },
        'ackSync.timedOut': { actions: 'ackAgain' },
      },
    },
    crashed: { on: { 'consumer.restarted': { target: 'waiting', actions: 'pull' }, 'fault.crashConsumer': {} } },
  },
});
