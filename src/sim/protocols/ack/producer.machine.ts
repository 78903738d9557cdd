import { assign, setup } from 'xstate';
import type { Message, Output } from '../../core/types';

/** Producer settings a scenario chooses. */
export interface ProducerInput {
  messages: Message[];
  /** How long to wait for a publisher confirm before publishing again (ms). */
  confirmTimeout: number;
  /** Publishes per message, the first included. */
  maxAttempts: number;
}

/** The producer's memory: what is left to send, what is in flight, and the outbox for the engine. */
export interface ProducerContext extends ProducerInput {
  next: number;
  attempt: number;
  outbox: Output[];
}

/** Events the producer reacts to. */
export type ProducerEvent = { type: 'confirm.received'; msgId: string } | { type: 'confirm.timedOut' };

const publish = (ctx: ProducerContext): Output[] => {
  const msg = ctx.messages[ctx.next];
  if (!msg) return [];
  return [
    { kind: 'send', to: 'broker', payload: { kind: 'publish', msg } },
    { kind: 'startTimer', name: 'confirm', after: ctx.confirmTimeout },
  ];
};

/**
 * Publishes messages one at a time and waits for the broker's confirm. No confirm within
 * `confirmTimeout` → publish the same message (same id) again. Why: a publisher cannot tell a lost
 * message from a lost confirm, so at-least-once publishing must retry, and a retry after a lost
 * confirm stores a second copy unless the broker deduplicates
 * (https://www.rabbitmq.com/docs/confirms#publisher-confirms).
 */
export const producerMachine = setup({
  types: {
    context: {} as ProducerContext,
    events: {} as ProducerEvent,
    input: {} as ProducerInput,
  },
  guards: {
    isConfirmForCurrent: ({ context, event }) => event.type === 'confirm.received' && context.messages[context.next]?.id === event.msgId,
    isLastMessage: ({ context }) => context.next + 1 >= context.messages.length,
    hasAttemptsLeft: ({ context }) => context.attempt < context.maxAttempts,
  },
  actions: {
    publishCurrent: assign(({ context }) => ({ attempt: 1, outbox: publish(context) })),
    publishNext: assign(({ context }) => {
      const next = { ...context, next: context.next + 1 };
      return { next: next.next, attempt: 1, outbox: [{ kind: 'cancelTimer', name: 'confirm' } as Output, ...publish(next)] };
    }),
    republish: assign(({ context }) => ({ attempt: context.attempt + 1, outbox: publish(context) })),
    stopWaiting: assign({ outbox: [{ kind: 'cancelTimer', name: 'confirm' }] as Output[] }),
    forget: assign({ outbox: [] as Output[] }),
  },
}).createMachine({
  id: 'producer',
  context: ({ input }) => ({ ...input, next: 0, attempt: 0, outbox: [] }),
  initial: 'awaitingConfirm',
  entry: 'publishCurrent',
  states: {
    awaitingConfirm: {
      on: {
        'confirm.received': [
          { guard: { type: 'isConfirmForCurrent' }, target: 'done', reenter: true },
          { actions: 'forget' }, // a late confirm for an earlier message
        ],
        'confirm.timedOut': [
          { guard: 'hasAttemptsLeft', actions: 'republish' },
          { target: 'gaveUp', actions: 'forget' },
        ],
      },
    },
    done: {
      always: [
        { guard: 'isLastMessage', target: 'finished', actions: 'stopWaiting' },
        { target: 'awaitingConfirm', actions: 'publishNext' },
      ],
    },
    finished: { on: { 'confirm.received': { actions: 'forget' }, 'confirm.timedOut': { actions: 'forget' } } },
    gaveUp: { on: { 'confirm.received': { actions: 'forget' } } },
  },
});
