import { assign, setup } from 'xstate';
import type { Message, Output } from '../../core/types';

/** Producer settings a scenario chooses. */
export interface KafkaProducerInput {
  messages: Message[];
  requestTimeoutMs: number;
  maxAttempts: number;
  enableIdempotence: boolean;
  restartDelay: number;
}

/** The producer's memory: what it is sending, with its producer id and sequence number. */
export interface KafkaProducerContext extends KafkaProducerInput {
  next: number;
  attempt: number;
  /** Producer id from InitProducerId (a new one after each restart); -1 when idempotence is off. */
  pid: number;
  /** Process incarnation: the next producer id to ask for. */
  inc: number;
  /** Sequence number of the record being sent (per partition, from 0). */
  seq: number;
  outbox: Output[];
}

/** Events the producer reacts to. */
export type KafkaProducerEvent =
  | { type: 'response.received'; msgId: string }
  | { type: 'request.timedOut' }
  | { type: 'fault.crashProducer' }
  | { type: 'producer.restarted' }
  | { type: 'producer.started' };

const produce = (ctx: Pick<KafkaProducerContext, 'messages' | 'next' | 'pid' | 'seq' | 'requestTimeoutMs'>): Output[] => {
  const msg = ctx.messages[ctx.next];
  if (!msg) return [];
  return [
    { kind: 'send', to: 'broker', payload: { kind: 'produce', msg, pid: ctx.pid, seq: ctx.seq } },
    { kind: 'startTimer', name: 'request', after: ctx.requestTimeoutMs },
  ];
};

/**
 * A Kafka producer with `acks=all`: sends one record, waits for the response, retries after
 * `request.timeout.ms`. With `enable.idempotence` each record carries (producer id, sequence), and the
 * broker drops a retry it already appended — within this producer session only. A restarted process
 * gets a new producer id (no `transactional.id`), so the application's re-send is a new record
 * (KIP-98, https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging).
 */
export const kafkaProducerMachine = setup({
  types: { context: {} as KafkaProducerContext, events: {} as KafkaProducerEvent, input: {} as KafkaProducerInput },
  guards: {
    isForCurrent: ({ context, event }) => event.type === 'response.received' && context.messages[context.next]?.id === event.msgId,
    isLast: ({ context }) => context.next + 1 >= context.messages.length,
    hasAttemptsLeft: ({ context }) => context.attempt < context.maxAttempts,
  },
  actions: {
    sendFirst: assign(({ context }) => {
      const pid = context.enableIdempotence ? context.inc : -1;
      return { pid, seq: 0, attempt: 1, outbox: produce({ ...context, pid, seq: 0 }) };
    }),
    sendNext: assign(({ context }) => {
      const next = { ...context, next: context.next + 1, seq: context.enableIdempotence ? context.seq + 1 : 0 };
      return { next: next.next, seq: next.seq, attempt: 1, outbox: [{ kind: 'cancelTimer', name: 'request' } as Output, ...produce(next)] };
    }),
    retry: assign(({ context }) => ({ attempt: context.attempt + 1, outbox: produce(context) })),
    stop: assign({ outbox: [{ kind: 'cancelTimer', name: 'request' }] as Output[] }),
    crash: assign(({ context }) => ({
      inc: context.inc + 1,
      outbox: [
        { kind: 'cancelTimer', name: 'request' },
        { kind: 'startTimer', name: 'restart', after: context.restartDelay },
      ] as Output[],
    })),
    forget: assign({ outbox: [] as Output[] }),
  },
}).createMachine({
  id: 'kafka-producer',
  context: ({ input }) => ({ ...input, next: 0, attempt: 0, pid: -1, inc: 1, seq: 0, outbox: [] }),
  // The application starts producing once its consumers are up (a timer at 0 that fires when the
  // group has settled), so the start of a scenario is not itself a rebalance race.
  initial: 'starting',
  states: {
    starting: { on: { 'producer.started': { target: 'awaitingResponse', actions: 'sendFirst' } } },
    awaitingResponse: {
      on: {
        'response.received': [{ guard: 'isForCurrent', target: 'acked' }, { actions: 'forget' }],
        'request.timedOut': [
          { guard: 'hasAttemptsLeft', actions: 'retry' },
          { target: 'gaveUp', actions: 'forget' },
        ],
        'fault.crashProducer': { target: 'crashed', actions: 'crash' },
      },
    },
    acked: {
      always: [
        { guard: 'isLast', target: 'finished', actions: 'stop' },
        { target: 'awaitingResponse', actions: 'sendNext' },
      ],
    },
    // The process is gone; on restart the application sends the unconfirmed event again.
    crashed: { on: { 'producer.restarted': { target: 'awaitingResponse', actions: 'sendFirst' }, 'response.received': { actions: 'forget' } } },
    finished: { on: { 'response.received': { actions: 'forget' }, 'request.timedOut': { actions: 'forget' } } },
    gaveUp: { on: { 'response.received': { actions: 'forget' } } },
  },
});
