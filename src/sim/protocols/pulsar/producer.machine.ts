import { assertEvent, assign, setup } from 'xstate';
import type { Message, Output } from '../../core/types';
import { fixedProducerName, generatedProducerName, type PulsarSettings } from './pulsar.settings';

/** Producer settings a scenario chooses. */
export interface PulsarProducerInput extends Pick<PulsarSettings, 'producerName' | 'sequenceIds'> {
  messages: Message[];
  restartDelay: number;
}

/** The producer's memory. Its process restarts with `incarnation` + 1 and the messages not yet confirmed (its outbox). */
export interface PulsarProducerContext extends PulsarProducerInput {
  incarnation: number;
  /** The name it connected under. */
  name: string;
  /** Index of the message being sent (the outbox row). */
  next: number;
  /** Sends of that message so far. */
  attempt: number;
  /** The client's sequence id counter. */
  nextSeq: number;
  /** The sequence id of the message waiting for its receipt, if one is. */
  pendingSeq: number | null;
  outbox: Output[];
}

/** Events the producer reacts to. */
export type PulsarProducerEvent =
  | { type: 'producer.started' }
  | { type: 'producer.connected'; lastSequenceId: number }
  | { type: 'receipt.received'; seq: number }
  | { type: 'connection.dropped' }
  | { type: 'fault.crashProducer' }
  | { type: 'producer.restarted' };

type Ctx = PulsarProducerContext;
const nameOf = (ctx: Pick<Ctx, 'producerName' | 'incarnation'>) => (ctx.producerName === 'fixed' ? fixedProducerName : generatedProducerName(ctx.incarnation));
const connect = (name: string): Output => ({ kind: 'send', to: 'broker', payload: { kind: 'producerCommand', name } });

/** Sends the current message: a pending one again with its sequence id, else with a new one (the counter's, or its outbox row id). */
function sendCurrent(ctx: Ctx): Partial<Ctx> {
  const msg = ctx.messages[ctx.next];
  if (!msg) return { pendingSeq: null, outbox: [] };
  const seq = ctx.pendingSeq ?? (ctx.sequenceIds === 'outboxRow' ? ctx.next : ctx.nextSeq);
  return {
    pendingSeq: seq,
    nextSeq: ctx.pendingSeq === null && ctx.sequenceIds === 'client' ? ctx.nextSeq + 1 : ctx.nextSeq,
    attempt: ctx.attempt + 1,
    outbox: [{ kind: 'send', to: 'broker', payload: { kind: 'sendCommand', msg, producer: ctx.name, seq } }],
  };
}

/**
 * A Pulsar producer with an outbox: it connects under its name (set by the application, or generated
 * by the broker), learns the last sequence id the broker has for that name, and sends one message at
 * a time. When the connection drops it reconnects and resends the pending message with the same
 * sequence id (ProducerImpl.resendMessages). When the process restarts, the application sends again
 * every outbox row not yet confirmed, as new messages: the client numbers them on from the broker's
 * last sequence id, unless the application sets each one's sequence id itself.
 */
export const pulsarProducerMachine = setup({
  types: { context: {} as PulsarProducerContext, events: {} as PulsarProducerEvent, input: {} as PulsarProducerInput },
  guards: {
    isForPending: ({ context, event }) => event.type === 'receipt.received' && event.seq === context.pendingSeq,
    isLast: ({ context }) => context.next + 1 >= context.messages.length,
  },
  actions: {
    connect: assign(({ context }) => ({ outbox: [connect(context.name)] })),
    // Without a sequence id of its own, the client continues from the last one the broker has for its name.
    connected: assign(({ context, event }) => {
      assertEvent(event, 'producer.connected');
      return sendCurrent({ ...context, nextSeq: Math.max(context.nextSeq, event.lastSequenceId + 1) });
    }),
    sendNext: assign(({ context }) => ({ next: context.next + 1, ...sendCurrent({ ...context, next: context.next + 1, attempt: 0, pendingSeq: null }) })),
    done: assign({ pendingSeq: null, outbox: [] as Output[] }),
    forget: assign({ outbox: [] as Output[] }),
    crash: assign(({ context }) => ({ pendingSeq: null, outbox: [{ kind: 'startTimer', name: 'restart', after: context.restartDelay }] as Output[] })),
    // A new process: a new connection, a generated name is a new name, and the client's counter starts over.
    restart: assign(({ context }) => {
      const incarnation = context.incarnation + 1;
      const name = nameOf({ ...context, incarnation });
      return { incarnation, name, nextSeq: 0, attempt: 0, outbox: [connect(name)] };
    }),
  },
}).createMachine({
  id: 'pulsar-producer',
  context: ({ input }) => ({
    ...input,
    incarnation: 1,
    name: nameOf({ ...input, incarnation: 1 }),
    next: 0,
    attempt: 0,
    nextSeq: 0,
    pendingSeq: null,
    outbox: [],
  }),
  // The application starts once its consumers are up (a timer at 0 that fires when their subscriptions have settled).
  initial: 'starting',
  states: {
    starting: { on: { 'producer.started': { target: 'connecting', actions: 'connect' } } },
    connecting: { on: { 'producer.connected': { target: 'sending', actions: 'connected' }, 'fault.crashProducer': { target: 'crashed', actions: 'crash' } } },
    sending: {
      on: {
        'receipt.received': [{ guard: 'isForPending', target: 'sent' }, { actions: 'forget' }],
        'connection.dropped': { target: 'connecting', actions: 'connect' },
        'fault.crashProducer': { target: 'crashed', actions: 'crash' },
      },
    },
    sent: {
      always: [
        { guard: 'isLast', target: 'finished', actions: 'done' },
        { target: 'sending', actions: 'sendNext' },
      ],
    },
    crashed: { on: { 'producer.restarted': { target: 'connecting', actions: 'restart' }, 'receipt.received': { actions: 'forget' } } },
    finished: { on: { 'receipt.received': { actions: 'forget' } } },
  },
});
