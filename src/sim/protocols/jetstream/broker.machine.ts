import { assertEvent, assign, setup } from 'xstate';
import type { ActorId, Delivery, Message, Output } from '../../core/types';
import type { JetStreamSettings } from './jetstream.settings';

/** Server settings a scenario chooses (the consumer's own choices live in the consumer machine). */
export type JsBrokerInput = Pick<JetStreamSettings, 'duplicateWindow' | 'ackWait' | 'maxDeliver'>;

/** A message stored in the stream. `copy` counts stores of the same `Nats-Msg-Id` (2 after the window). */
export interface JsEntry {
  seq: number;
  msgId: string;
  key: string;
  copy: number;
}

/** A delivery the consumer is waiting to see acked. It stays pending while queued for redelivery, so a late ack still counts. */
export interface JsPending {
  seq: number;
  consumer: ActorId;
  channel: number;
  /** Deliveries so far (`num_delivered`). */
  count: number;
  /** When it was last delivered (for ack_wait). */
  at: number;
}

/** How a message left the consumer without an ack. */
export interface JsEnded {
  seq: number;
  reason: 'maxDeliver' | 'term';
}

/** The server's memory: the stream, its duplicate window, and one durable pull consumer. */
export interface JsBrokerContext extends JsBrokerInput {
  stream: JsEntry[];
  /** `Nats-Msg-Id`s inside the duplicate window, with the sequence they were stored at. */
  window: Record<string, number>;
  /** Index in `stream` of the next message the consumer has never delivered. */
  next: number;
  pending: JsPending[];
  /** Pending sequences due for redelivery, oldest first (redeliveries go before new messages). */
  redeliver: number[];
  acked: number[];
  ended: JsEnded[];
  /** Outstanding pull requests (batch 1), oldest first. */
  waiting: { consumer: ActorId; channel: number }[];
  outbox: Output[];
}

/** Events the server reacts to. `now` is the simulated clock, passed in by the engine. */
export type JsBrokerEvent =
  | { type: 'message.published'; msg: Message; from: ActorId; now: number }
  | { type: 'pull.requested'; consumer: ActorId; channel: number; now: number }
  | { type: 'ack.received'; consumer: ActorId; tag: string; sync: boolean }
  | { type: 'nak.received'; tag: string; delay: number; now: number }
  | { type: 'term.received'; tag: string }
  /** ack_wait ran out, or the delay a nak asked for. */
  | { type: 'ackWait.expired'; seq: number; now: number }
  | { type: 'window.expired'; msgId: string }
  | { type: 'consumer.gone'; consumer: ActorId; channel: number };

type Ctx = Omit<JsBrokerContext, 'outbox'>;

/** The stream entry an ack subject names (`order-42/1#2` → the entry of order-42's first store). */
export const entryOf = (ctx: Pick<JsBrokerContext, 'stream'>, tag: string) => {
  const [msgId, rest = ''] = tag.split('/');
  const copy = Number(rest.split('#')[0]);
  return ctx.stream.find((e) => e.msgId === msgId && e.copy === copy);
};
/** How many times a `Nats-Msg-Id` has been stored (the stream keeps every entry, so it says). */
export const storesOf = (ctx: Pick<JsBrokerContext, 'stream'>, msgId: string) => ctx.stream.filter((e) => e.msgId === msgId).length;
const ackWaitTimer = (seq: number) => `ackwait:${seq}`;
const nakTimer = (seq: number) => `nak:${seq}`;
/** The broker's timers: a delivery's AckWait or nak delay (which sequence), a message id's duplicate window. */
export type JsTimer = { kind: 'ackwait' | 'nak'; seq: number } | { kind: 'window'; msgId: string };
/** Stops both clocks a pending delivery can have running: ack_wait, and a delayed nak. */
const stopClocks = (seq: number): Output[] => [
  { kind: 'cancelTimer', name: ackWaitTimer(seq) },
  { kind: 'cancelTimer', name: nakTimer(seq) },
];

/** Answers waiting pull requests: redeliveries first, then messages never delivered. */
function dispatch(ctx: Ctx, now: number, outbox: Output[]): Partial<JsBrokerContext> {
  const waiting = [...ctx.waiting];
  const redeliver = [...ctx.redeliver];
  let next = ctx.next;
  let pending = ctx.pending;
  while (waiting.length > 0 && (redeliver.length > 0 || next < ctx.stream.length)) {
    const seq = redeliver.length > 0 ? redeliver.shift()! : ctx.stream[next++]!.seq;
    const entry = ctx.stream.find((e) => e.seq === seq)!;
    const { consumer, channel } = waiting.shift()!;
    const count = (pending.find((p) => p.seq === seq)?.count ?? 0) + 1;
    pending = [...pending.filter((p) => p.seq !== seq), { seq, consumer, channel, count, at: now }].sort((a, b) => a.seq - b.seq);
    const delivery: Delivery = {
      msgId: entry.msgId,
      key: entry.key,
      copy: entry.copy,
      count,
      redelivered: count > 1,
      channel,
      where: `seq ${seq}`,
      offset: seq,
    };
    outbox.push({ kind: 'send', to: consumer, payload: { kind: 'deliver', delivery } });
    outbox.push({ kind: 'startTimer', name: ackWaitTimer(seq), after: ctx.ackWait, data: { kind: 'ackwait', seq } satisfies JsTimer });
  }
  return { waiting, redeliver, next, pending, outbox };
}

/** A pending delivery's time is up (ack_wait, or an immediate nak): redeliver it, or stop at max_deliver. */
function expire(ctx: Ctx, seq: number, now: number, outbox: Output[]): Partial<JsBrokerContext> {
  const p = ctx.pending.find((x) => x.seq === seq);
  if (!p || ctx.redeliver.includes(seq)) return { outbox };
  if (ctx.maxDeliver !== -1 && p.count >= ctx.maxDeliver) {
    // The server gives up and publishes a MAX_DELIVERIES advisory; the message stays in the stream, unacked.
    return { pending: ctx.pending.filter((x) => x.seq !== seq), ended: [...ctx.ended, { seq, reason: 'maxDeliver' }], outbox };
  }
  const next = { ...ctx, redeliver: [...ctx.redeliver, seq] };
  return { ...next, ...dispatch(next, now, outbox) };
}

/**
 * A JetStream stream with one durable pull consumer (AckExplicit).
 * - A publish carrying a `Nats-Msg-Id` already stored inside `duplicate_window` is answered with a
 *   PubAck marked duplicate and not stored; after the window it is a new message
 *   (https://docs.nats.io/using-nats/developer/develop_jetstream/model_deep_dive#message-deduplication).
 * - Each delivery must be acked within `ack_wait` (30 s), or it is redelivered with `num_delivered`
 *   one higher, ahead of new messages; an ack that arrives late, even from the first receiver, still
 *   acks the message (https://docs.nats.io/nats-concepts/jetstream/consumers).
 * - `nak` asks for redelivery (now, or after a delay); `term` stops redelivery for good; at
 *   `max_deliver` the server stops and publishes an advisory, and the message stays unacked.
 * - An `AckSync` ("double ack") is answered, so the consumer knows its ack arrived.
 */
export const jsBrokerMachine = setup({
  types: { context: {} as JsBrokerContext, events: {} as JsBrokerEvent, input: {} as JsBrokerInput },
  guards: {
    isDuplicate: ({ context, event }) => event.type === 'message.published' && context.window[event.msg.id] !== undefined,
  },
  actions: {
    ackDuplicate: assign(({ event }) => {
      assertEvent(event, 'message.published');
      return { outbox: [{ kind: 'send', to: event.from, payload: { kind: 'confirm', msgId: event.msg.id, duplicate: true } }] as Output[] };
    }),
    store: assign(({ context, event }) => {
      assertEvent(event, 'message.published');
      const { msg } = event;
      const copy = storesOf(context, msg.id) + 1;
      const seq = context.stream.length + 1;
      const outbox: Output[] = [
        { kind: 'send', to: event.from, payload: { kind: 'confirm', msgId: msg.id } },
        { kind: 'startTimer', name: `window:${msg.id}`, after: context.duplicateWindow, data: { kind: 'window', msgId: msg.id } satisfies JsTimer },
      ];
      const next = { ...context, stream: [...context.stream, { seq, msgId: msg.id, key: msg.key, copy }], window: { ...context.window, [msg.id]: seq } };
      return { ...next, ...dispatch(next, event.now, outbox) };
    }),
    forgetId: assign(({ context, event }) => {
      assertEvent(event, 'window.expired');
      const window = { ...context.window };
      delete window[event.msgId];
      return { window, outbox: [] as Output[] };
    }),
    pull: assign(({ context, event }) => {
      assertEvent(event, 'pull.requested');
      const next = {
        ...context,
        waiting: [...context.waiting.filter((w) => w.consumer !== event.consumer), { consumer: event.consumer, channel: event.channel }],
      };
      return { ...next, ...dispatch(next, event.now, []) };
    }),
    ack: assign(({ context, event }) => {
      assertEvent(event, 'ack.received');
      const entry = entryOf(context, event.tag);
      const outbox: Output[] = event.sync ? [{ kind: 'send', to: event.consumer, payload: { kind: 'ackOk', tag: event.tag } }] : [];
      if (!entry || !context.pending.some((p) => p.seq === entry.seq)) return { outbox }; // already acked or given up
      outbox.push(...stopClocks(entry.seq));
      return {
        pending: context.pending.filter((p) => p.seq !== entry.seq),
        redeliver: context.redeliver.filter((s) => s !== entry.seq),
        acked: [...context.acked, entry.seq].sort((a, b) => a - b),
        outbox,
      };
    }),
    nak: assign(({ context, event }) => {
      assertEvent(event, 'nak.received');
      const entry = entryOf(context, event.tag);
      if (!entry || !context.pending.some((p) => p.seq === entry.seq)) return { outbox: [] as Output[] };
      if (event.delay > 0)
        return {
          outbox: [
            { kind: 'cancelTimer', name: ackWaitTimer(entry.seq) },
            { kind: 'startTimer', name: nakTimer(entry.seq), after: event.delay, data: { kind: 'nak', seq: entry.seq } satisfies JsTimer },
          ] as Output[],
        };
      return expire(context, entry.seq, event.now, stopClocks(entry.seq));
    }),
    term: assign(({ context, event }) => {
      assertEvent(event, 'term.received');
      const entry = entryOf(context, event.tag);
      if (!entry || !context.pending.some((p) => p.seq === entry.seq)) return { outbox: [] as Output[] };
      return {
        pending: context.pending.filter((p) => p.seq !== entry.seq),
        redeliver: context.redeliver.filter((s) => s !== entry.seq),
        ended: [...context.ended, { seq: entry.seq, reason: 'term' as const }],
        outbox: stopClocks(entry.seq),
      };
    }),
    expire: assign(({ context, event }) => {
      assertEvent(event, 'ackWait.expired');
      return expire(context, event.seq, event.now, []);
    }),
    drop: assign(({ context, event }) => {
      assertEvent(event, 'consumer.gone');
      return { waiting: context.waiting.filter((w) => !(w.consumer === event.consumer && w.channel === event.channel)), outbox: [] as Output[] };
    }),
  },
}).createMachine({
  id: 'jetstream-server',
  context: ({ input }) => ({ ...input, stream: [], window: {}, next: 0, pending: [], redeliver: [], acked: [], ended: [], waiting: [], outbox: [] }),
  initial: 'running',
  states: {
    running: {
      on: {
        'message.published': [{ guard: 'isDuplicate', actions: 'ackDuplicate' }, { actions: 'store' }],
        'window.expired': { actions: 'forgetId' },
        'pull.requested': { actions: 'pull' },
        'ack.received': { actions: 'ack' },
        'nak.received': { actions: 'nak' },
        'term.received': { actions: 'term' },
        'ackWait.expired': { actions: 'expire' },
        'consumer.gone': { actions: 'drop' },
      },
    },
  },
});
