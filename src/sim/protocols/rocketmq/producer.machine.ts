import { assign, setup } from 'xstate';
import type { Message, Output } from '../../core/types';

/** Producer settings a scenario chooses. */
export interface RocketProducerInput {
  messages: Message[];
  sendMsgTimeout: number;
  maxAttempts: number;
}

/** The producer's memory. */
export interface RocketProducerContext extends RocketProducerInput {
  next: number;
  attempt: number;
  outbox: Output[];
}

/** Events the producer reacts to. */
export type RocketProducerEvent = { type: 'sendResult.received'; msgId: string } | { type: 'send.timedOut' } | { type: 'producer.started' };

/** The msgId of one send: a new Message object gets a new id (`order-42@m2` for the second). */
export const sendMsgId = (msg: Message, attempt: number) => `${msg.id}@m${attempt}`;

const sendCurrent = (ctx: Pick<RocketProducerContext, 'messages' | 'next' | 'sendMsgTimeout'>, attempt: number): Output[] => {
  const msg = ctx.messages[ctx.next];
  if (!msg) return [];
  return [
    { kind: 'send', to: 'broker', payload: { kind: 'send', msg: { ...msg, id: sendMsgId(msg, attempt) } } },
    { kind: 'startTimer', name: 'send', after: ctx.sendMsgTimeout },
  ];
};

/**
 * A RocketMQ producer's sync `send()`: the business key goes in `keys`; when a send times out the
 * application sends the event again as a new Message, which gets a new msgId — so the same order can
 * arrive under two msgIds (https://rocketmq.apache.org/docs/4.x/bestPractice/01bestpractice).
 */
export const rocketProducerMachine = setup({
  types: { context: {} as RocketProducerContext, events: {} as RocketProducerEvent, input: {} as RocketProducerInput },
  guards: {
    isForCurrent: ({ context, event }) => event.type === 'sendResult.received' && event.msgId.split('@')[0] === context.messages[context.next]?.id,
    isLast: ({ context }) => context.next + 1 >= context.messages.length,
    hasAttemptsLeft: ({ context }) => context.attempt < context.maxAttempts,
  },
  actions: {
    sendFirst: assign(({ context }) => ({ attempt: 1, outbox: sendCurrent(context, 1) })),
    sendNext: assign(({ context }) => ({
      next: context.next + 1,
      attempt: 1,
      outbox: [{ kind: 'cancelTimer', name: 'send' } as Output, ...sendCurrent({ ...context, next: context.next + 1 }, 1)],
    })),
    resend: assign(({ context }) => ({ attempt: context.attempt + 1, outbox: sendCurrent(context, context.attempt + 1) })),
    stop: assign({ outbox: [{ kind: 'cancelTimer', name: 'send' }] as Output[] }),
    forget: assign({ outbox: [] as Output[] }),
  },
}).createMachine({
  id: 'rocketmq-producer',
  context: ({ input }) => ({ ...input, next: 0, attempt: 0, outbox: [] }),
  // The application starts sending once its consumers are up (a timer at 0 that fires when the
  // consumers' registration has settled), so a scenario's start is not itself a rebalance race.
  initial: 'starting',
  states: {
    starting: { on: { 'producer.started': { target: 'sending', actions: 'sendFirst' } } },
    sending: {
      on: {
        'sendResult.received': [{ guard: 'isForCurrent', target: 'sent' }, { actions: 'forget' }],
        'send.timedOut': [
          { guard: 'hasAttemptsLeft', actions: 'resend' },
          { target: 'gaveUp', actions: 'forget' },
        ],
      },
    },
    sent: {
      always: [
        { guard: 'isLast', target: 'finished', actions: 'stop' },
        { target: 'sending', actions: 'sendNext' },
      ],
    },
    finished: { on: { 'sendResult.received': { actions: 'forget' }, 'send.timedOut': { actions: 'forget' } } },
    gaveUp: { on: { 'sendResult.received': { actions: 'forget' } } },
  },
});
