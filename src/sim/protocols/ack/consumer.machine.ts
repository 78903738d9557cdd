import { assertEvent, assign, setup } from 'xstate';
import type { CallRecord } from '../../consumers/handler';
import { deliveryTag, type ActorId, type Delivery, type Output } from '../../core/types';

/** Consumer settings a scenario chooses. */
export interface ConsumerInput {
  id: ActorId;
  autoAck: boolean;
  /** How long a crashed consumer takes to come back (ms). */
  restartDelay: number;
}

/** The consumer's memory. `memo` is the in-process "processed ids" set: it dies with the process. */
export interface ConsumerContext extends ConsumerInput {
  channel: number;
  current: Delivery | null;
  /** Index of the next handler operation. */
  pc: number;
  /** Whether this delivery's business write has happened. */
  effectDone: boolean;
  /** Whether the last delivery finished and was acked (or auto-acked). */
  lastAcked: boolean;
  memo: string[];
  /** Results of this delivery's handler calls so far, for replaying a reader's handler. */
  history: CallRecord[];
  outbox: Output[];
}

/** Events the consumer reacts to. `op.completed` carries the result of the handler operation the engine ran. */
export type ConsumerEvent =
  | { type: 'message.delivered'; delivery: Delivery }
  | { type: 'op.completed'; skip: boolean; effect: boolean; remember: string | null; done: boolean; record: CallRecord | null }
  | { type: 'handler.returned' }
  | { type: 'connection.closed'; channel: number }
  | { type: 'fault.crashConsumer' }
  | { type: 'consumer.restarted' };

/** The parts of the context that describe the delivery in hand, when there is none. */
const noDelivery = { current: null, pc: 0, effectDone: false, history: [] as CallRecord[] } as const;

/** What a completed handler operation changes: whether the write happened, and what to remember. */
function afterOp(context: ConsumerContext, event: Extract<ConsumerEvent, { type: 'op.completed' }>) {
  const remember = event.remember;
  return {
    effectDone: context.effectDone || event.effect,
    memo: remember && !context.memo.includes(remember) ? [...context.memo, remember].sort() : context.memo,
  };
}

/**
 * A consumer with prefetch 1: it receives a message, runs the strategy's handler operations one at a
 * time (so the checker can crash it, or run another consumer, between any two of them), then, as a
 * separate step, acks and asks for the next message. With automatic acks there is no ack to send: the broker already
 * forgot the message (https://www.rabbitmq.com/docs/confirms#acknowledgement-modes).
 * A crash loses everything in memory and closes the connection; the broker requeues what was unacked.
 */
export const consumerMachine = setup({
  types: {
    context: {} as ConsumerContext,
    events: {} as ConsumerEvent,
    input: {} as ConsumerInput,
  },
  guards: {
    isForThisChannel: ({ context, event }) => event.type === 'message.delivered' && event.delivery.channel === context.channel,
    isCurrentChannel: ({ context, event }) => event.type === 'connection.closed' && event.channel === context.channel,
    isLastOp: ({ event }) => event.type === 'op.completed' && (event.skip || event.done),
    isAutoAck: ({ context }) => context.autoAck,
  },
  actions: {
    announceReady: assign(({ context }) => ({
      outbox: [{ kind: 'send', to: 'broker', payload: { kind: 'ready', channel: context.channel } }] as Output[],
    })),
    startHandling: assign(({ event }) => {
      assertEvent(event, 'message.delivered');
      return { current: event.delivery, pc: 0, effectDone: false, lastAcked: false, history: [] };
    }),
    advance: assign(({ context, event }) => {
      assertEvent(event, 'op.completed');
      return { ...afterOp(context, event), pc: context.pc + 1, history: event.record ? [...context.history, event.record] : context.history };
    }),
    finishHandler: assign(({ context, event }) => {
      assertEvent(event, 'op.completed');
      return afterOp(context, event);
    }),
    acknowledge: assign(({ context }) => {
      if (!context.current) return {};
      const outbox: Output[] = [];
      if (!context.autoAck) {
        outbox.push({
          kind: 'send',
          to: 'broker',
          payload: { kind: 'ack', tag: deliveryTag(context.current), channel: context.current.channel },
        });
      }
      // Then ask for the next message (a pull, one at a time): the broker never pushes to a busy consumer.
      outbox.push({ kind: 'send', to: 'broker', payload: { kind: 'ready', channel: context.channel } });
      return { ...noDelivery, lastAcked: true, outbox };
    }),
    reconnect: assign(({ context }) => ({ channel: context.channel + 1 })),
    crash: assign(({ context }) => ({
      ...noDelivery,
      channel: context.channel + 1,
      lastAcked: false,
      memo: [],
      outbox: [
        { kind: 'send', to: 'broker', payload: { kind: 'closed', channel: context.channel } },
        { kind: 'startTimer', name: 'restart', after: context.restartDelay },
      ] as Output[],
    })),
  },
}).createMachine({
  id: 'consumer',
  context: ({ input }) => ({ ...input, ...noDelivery, channel: 1, lastAcked: false, memo: [], outbox: [] }),
  initial: 'idle',
  entry: 'announceReady',
  // A crash is the same from every state but `crashed`, which ignores it.
  on: { 'fault.crashConsumer': { target: '.crashed', actions: 'crash' } },
  states: {
    idle: {
      on: {
        'message.delivered': { guard: 'isForThisChannel', target: 'processing', actions: 'startHandling' },
        'connection.closed': { guard: 'isCurrentChannel', actions: ['reconnect', 'announceReady'] },
      },
    },
    processing: {
      on: {
        'op.completed': [{ guard: 'isLastOp', target: 'acking', actions: 'finishHandler' }, { actions: 'advance' }],
        // The connection died under us: keep working; the ack will carry the old channel and be
        // ignored, and the broker has already requeued the message for someone else.
        'connection.closed': { guard: 'isCurrentChannel', actions: 'reconnect' },
      },
    },
    // The handler has returned; the ack (or, with auto-ack, the request for more) is the next step,
    // and a crash here is the classic "after the side effect, before the ack".
    acking: {
      on: {
        'handler.returned': { target: 'idle', actions: 'acknowledge' },
        'connection.closed': { guard: 'isCurrentChannel', actions: 'reconnect' },
      },
    },
    crashed: {
      on: { 'consumer.restarted': { target: 'idle', actions: 'announceReady' }, 'fault.crashConsumer': {} },
    },
  },
});
