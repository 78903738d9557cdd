import { assertEvent, assign, setup } from 'xstate';
import type { CallRecord } from '../../consumers/handler';
import { deliveryTag, type ActorId, type Delivery, type Output } from '../../core/types';
import { noDelivery, recordOp, toBroker, type OpCompleted } from '../../engine/kit';

/** Consumer settings a scenario chooses. */
export interface RabbitConsumerInput {
  id: ActorId;
  autoAck: boolean;
  restartDelay: number;
  /** A failed handler's answer: `basic.nack` requeue=true, or `basic.reject` requeue=false. */
  onFailure: 'requeue' | 'reject';
}

/** The consumer's memory: its channel, the delivery in hand, and deliveries prefetched behind it. */
export interface RabbitConsumerContext extends RabbitConsumerInput {
  channel: number;
  current: Delivery | null;
  buffer: Delivery[];
  pc: number;
  effectDone: boolean;
  /** The channel died while a delivery was in hand: ack on it (refused), then open a new one. */
  channelLost: boolean;
  memo: string[];
  history: CallRecord[];
  outbox: Output[];
}

/** Events the consumer reacts to. */
export type RabbitConsumerEvent =
  | { type: 'message.delivered'; delivery: Delivery }
  | OpCompleted
  | { type: 'handler.returned' }
  | { type: 'handler.failed' }
  | { type: 'connection.closed'; channel: number }
  | { type: 'fault.crashConsumer' }
  | { type: 'consumer.restarted' };

const subscribeOn = (channel: number): Output => toBroker({ kind: 'ready', channel });

/**
 * A RabbitMQ consumer: `basic.consume` on a channel with a prefetch, one handler at a time over the
 * deliveries it holds, then `basic.ack` (manual mode) — or, when the handler fails, `basic.nack` with
 * requeue=true or `basic.reject` with requeue=false, as the scenario chooses. A crash closes the
 * connection: the broker requeues everything unacked on it, including the prefetched deliveries the
 * handler never touched.
 */
export const rabbitConsumerMachine = setup({
  types: { context: {} as RabbitConsumerContext, events: {} as RabbitConsumerEvent, input: {} as RabbitConsumerInput },
  guards: {
    isForThisChannel: ({ context, event }) => event.type === 'message.delivered' && event.delivery.channel === context.channel,
    isCurrentChannel: ({ context, event }) => event.type === 'connection.closed' && event.channel === context.channel,
    isLastOp: ({ event }) => event.type === 'op.completed' && (event.skip || event.done),
    isFailure: ({ event }) => event.type === 'op.completed' && event.failed === true,
    hasBuffered: ({ context }) => context.buffer.length > 0,
  },
  actions: {
    subscribe: assign(({ context }) => ({ outbox: [subscribeOn(context.channel)] })),
    hold: assign(({ context, event }) => {
      assertEvent(event, 'message.delivered');
      return { buffer: [...context.buffer, event.delivery] };
    }),
    takeNext: assign(({ context }) => ({ ...noDelivery, current: context.buffer[0] ?? null, buffer: context.buffer.slice(1) })),
    startHandling: assign(({ event }) => {
      assertEvent(event, 'message.delivered');
      return { ...noDelivery, current: event.delivery };
    }),
    advance: assign(({ context, event }) => {
      assertEvent(event, 'op.completed');
      return recordOp(context, event);
    }),
    acknowledge: assign(({ context }) => {
      const outbox: Output[] = [];
      if (context.current && !context.autoAck) outbox.push(toBroker({ kind: 'ack', tag: deliveryTag(context.current), channel: context.current.channel }));
      if (context.channelLost) outbox.push(subscribeOn(context.channel));
      return { ...noDelivery, channelLost: false, outbox };
    }),
    nack: assign(({ context }) => {
      const outbox: Output[] = [];
      if (context.current && !context.autoAck)
        outbox.push(toBroker({ kind: 'nack', tag: deliveryTag(context.current), channel: context.current.channel, requeue: context.onFailure === 'requeue' }));
      if (context.channelLost) outbox.push(subscribeOn(context.channel));
      return { ...noDelivery, channelLost: false, outbox };
    }),
    // The channel is gone: prefetched deliveries on it are void (the broker requeued them).
    loseChannel: assign(({ context }) => ({ channel: context.channel + 1, buffer: [], channelLost: true })),
    reopen: assign(({ context }) => ({ channel: context.channel + 1, buffer: [], outbox: [subscribeOn(context.channel + 1)] })),
    crash: assign(({ context }) => ({
      ...noDelivery,
      buffer: [],
      channel: context.channel + 1,
      channelLost: false,
      memo: [],
      outbox: [toBroker({ kind: 'closed', channel: context.channel }), { kind: 'startTimer', name: 'restart', after: context.restartDelay }] as Output[],
    })),
  },
}).createMachine({
  id: 'rabbitmq-consumer',
  context: ({ input }) => ({ ...input, ...noDelivery, buffer: [], channel: 1, channelLost: false, memo: [], outbox: [] }),
  initial: 'idle',
  entry: 'subscribe',
  // A crash is the same from every state but `crashed`, which ignores it.
  on: { 'fault.crashConsumer': { target: '.crashed', actions: 'crash' } },
  states: {
    idle: {
      always: { guard: 'hasBuffered', target: 'processing', actions: 'takeNext' },
      on: {
        'message.delivered': { guard: 'isForThisChannel', target: 'processing', actions: 'startHandling' },
        'connection.closed': { guard: 'isCurrentChannel', actions: 'reopen' },
      },
    },
    processing: {
      on: {
        'message.delivered': { guard: 'isForThisChannel', actions: 'hold' },
        'op.completed': [
          { guard: 'isFailure', target: 'idle', actions: 'nack' },
          { guard: 'isLastOp', target: 'acking', actions: 'advance' },
          { actions: 'advance' },
        ],
        'handler.failed': { target: 'idle', actions: 'nack' },
        'connection.closed': { guard: 'isCurrentChannel', actions: 'loseChannel' },
      },
    },
    acking: {
      on: {
        'message.delivered': { guard: 'isForThisChannel', actions: 'hold' },
        'handler.returned': { target: 'idle', actions: 'acknowledge' },
        'connection.closed': { guard: 'isCurrentChannel', actions: 'loseChannel' },
      },
    },
    crashed: { on: { 'consumer.restarted': { target: 'idle', actions: 'subscribe' }, 'fault.crashConsumer': {} } },
  },
});
