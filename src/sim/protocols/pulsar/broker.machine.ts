import { assertEvent, assign, setup } from 'xstate';
import type { ActorId, Delivery, Message, Output } from '../../core/types';
import type { PulsarSettings } from './pulsar.settings';

/** Broker settings a scenario chooses. */
export interface PulsarBrokerInput {
  subscriptionType: PulsarSettings['subscriptionType'];
  brokerDeduplicationEnabled: boolean;
}

/** An entry of topic `orders`, with what subscription `billing` knows of it. */
export interface PulsarEntry {
  entry: number;
  msgId: string;
  key: string;
  /** Which stored copy of this message id it is (a resend the broker did not recognise stores copy 2). */
  copy: number;
  /** How many times it was dispatched (the views and the log; the client is never told). */
  dispatched: number;
  /** The broker's in-memory count of redelivery requests for it (`getRedeliveryCount()`). */
  redeliveryCount: number;
  acked: boolean;
}

/** A dispatched entry not yet acked: in the receiving consumer's pending acks. */
export interface PulsarPending {
  entry: number;
  consumer: ActorId;
  channel: number;
}

/** A consumer attached to the subscription (one connection). */
export interface PulsarAttached {
  consumer: ActorId;
  channel: number;
}

/** The broker's memory: topic `orders`, its deduplication state, subscription `billing`. */
export interface PulsarBrokerContext extends PulsarBrokerInput {
  log: PulsarEntry[];
  /** Highest sequence id persisted per producer name (kept only with deduplication on). */
  highest: Record<string, number>;
  /** Consumers in the order they attached. */
  attached: PulsarAttached[];
  /** Shared: the index in `attached` of the consumer that gets the next message (round robin). */
  rr: number;
  /** The dispatcher's read position: the index of the next entry it has not read since the last rewind. */
  readPos: number;
  /** Entries to dispatch again before reading on, in entry order (the replay set). */
  replay: number[];
  pending: PulsarPending[];
  /** Messages the client published to `orders-billing-DLQ`. */
  dlq: { msgId: string; entry: number }[];
  outbox: Output[];
}

/** Events the broker reacts to. */
export type PulsarBrokerEvent =
  | { type: 'producer.connected'; name: string }
  | { type: 'message.sent'; msg: Message; producer: string; seq: number }
  | { type: 'consumer.subscribed'; consumer: ActorId; channel: number }
  | { type: 'consumer.gone'; consumer: ActorId; channel: number }
  | { type: 'ack.received'; entries: number[] }
  | { type: 'redeliver.requested'; consumer: ActorId; channel: number; entries: number[] }
  | { type: 'deadLetter.received'; msgId: string; entry: number };

type Ctx = Omit<PulsarBrokerContext, 'outbox'>;

/** Whether a sequence id is one the broker already persisted for this producer name (deduplication on). */
export const isDuplicateSend = (ctx: Pick<Ctx, 'brokerDeduplicationEnabled' | 'highest'>, producer: string, seq: number) =>
  ctx.brokerDeduplicationEnabled && seq <= (ctx.highest[producer] ?? -1);

/**
 * Key_Shared: which of `n` attached consumers a key's hash range belongs to. Pulsar hashes the key
 * with Murmur3 into 0..65535 and splits that range among the consumers (AUTO_SPLIT); this stands in a
 * simple sum of the key's characters for Murmur3, and equal ranges in attach order.
 */
export function keySlot(key: string, n: number): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h + key.charCodeAt(i)) % 65536;
  return Math.min(n - 1, Math.floor((h * n) / 65536));
}

const byEntry = (a: number, b: number) => a - b;

/**
 * Dispatches what it can: the replay set first, then entries not yet read. Each consumer has the
 * client's default 1,000 permits, more than a scenario ever sends, so every entry goes out at once.
 * Shared: round robin over the attached consumers. Key_Shared: a key goes to the consumer holding its
 * unacked messages if there is one (4.x: a key is unacked on one consumer at a time), else to the
 * owner of its hash range.
 */
function dispatch(ctx: Ctx, outbox: Output[]): Partial<Ctx> {
  const n = ctx.attached.length;
  if (n === 0) return {};
  let { rr, readPos, pending } = ctx;
  const log = [...ctx.log];
  const order = [...ctx.replay];
  while (readPos < log.length) order.push(readPos++);
  for (const i of order) {
    const e = log[i]!;
    if (e.acked || pending.some((p) => p.entry === e.entry)) continue;
    let to: PulsarAttached;
    if (ctx.subscriptionType === 'Shared') {
      to = ctx.attached[rr % n]!;
      rr = (rr + 1) % n;
    } else {
      const holder = pending.find((p) => log[p.entry]!.key === e.key);
      to = holder ? { consumer: holder.consumer, channel: holder.channel } : ctx.attached[keySlot(e.key, n)]!;
    }
    const next = { ...e, dispatched: e.dispatched + 1 };
    log[i] = next;
    pending = [...pending, { entry: e.entry, consumer: to.consumer, channel: to.channel }];
    const delivery: Delivery = {
      msgId: e.msgId,
      key: e.key,
      copy: e.copy,
      count: next.dispatched,
      redelivered: e.redeliveryCount > 0,
      channel: to.channel,
      where: `entry ${e.entry}`,
      offset: e.entry,
    };
    outbox.push({ kind: 'send', to: to.consumer, payload: { kind: 'messageCommand', delivery, entry: e.entry, redeliveryCount: e.redeliveryCount } });
  }
  return { log, rr, readPos, pending, replay: [] };
}

/**
 * An Apache Pulsar broker with topic `orders` and subscription `billing` (Shared or Key_Shared).
 * - Each dispatched message waits in its consumer's pending acks; an individual ack removes it. When a
 *   consumer disconnects, its pending messages go to the replay set and on to the others, their
 *   redelivery count unchanged. When the last one leaves, the replay set and the counts are cleared and
 *   the next consumer reads again from the first unacked entry
 *   (PersistentDispatcherMultipleConsumers: removeConsumer, addConsumer).
 * - A redeliver request (a negative ack or an ack timeout, sent by the client) puts those entries back
 *   and raises their redelivery count: the count lives only in the broker's memory.
 * - With deduplication on, it keeps the highest sequence id persisted per producer name; a send at or
 *   below it is answered as a success with id -1:-1 and not stored (MessageDeduplication, PersistentTopic).
 */
export const pulsarBrokerMachine = setup({
  types: { context: {} as PulsarBrokerContext, events: {} as PulsarBrokerEvent, input: {} as PulsarBrokerInput },
  actions: {
    connectProducer: assign(({ context, event }) => {
      assertEvent(event, 'producer.connected');
      const lastSequenceId = context.brokerDeduplicationEnabled ? (context.highest[event.name] ?? -1) : -1;
      return { outbox: [{ kind: 'send', to: 'producer', payload: { kind: 'producerSuccess', name: event.name, lastSequenceId } }] as Output[] };
    }),
    store: assign(({ context, event }) => {
      assertEvent(event, 'message.sent');
      const { msg, producer, seq } = event;
      if (isDuplicateSend(context, producer, seq))
        return { outbox: [{ kind: 'send', to: 'producer', payload: { kind: 'sendReceipt', msgId: msg.id, seq, entry: -1 } }] as Output[] };
      const entry = context.log.length;
      const copy = context.log.filter((e) => e.msgId === msg.id).length + 1;
      const outbox: Output[] = [{ kind: 'send', to: 'producer', payload: { kind: 'sendReceipt', msgId: msg.id, seq, entry } }];
      const next: Ctx = {
        ...context,
        log: [...context.log, { entry, msgId: msg.id, key: msg.key, copy, dispatched: 0, redeliveryCount: 0, acked: false }],
        highest: context.brokerDeduplicationEnabled ? { ...context.highest, [producer]: seq } : context.highest,
      };
      return { ...next, ...dispatch(next, outbox), outbox };
    }),
    subscribe: assign(({ context, event }) => {
      assertEvent(event, 'consumer.subscribed');
      const outbox: Output[] = [];
      const next: Ctx = {
        ...context,
        attached: [...context.attached.filter((a) => a.consumer !== event.consumer), { consumer: event.consumer, channel: event.channel }],
      };
      return { ...next, ...dispatch(next, outbox), outbox };
    }),
    unsubscribe: assign(({ context, event }) => {
      assertEvent(event, 'consumer.gone');
      const mine = (p: { consumer: ActorId; channel: number }) => p.consumer === event.consumer && p.channel === event.channel;
      if (!context.attached.some(mine)) return { outbox: [] as Output[] };
      const attached = context.attached.filter((a) => !mine(a));
      if (attached.length === 0) {
        // The last consumer left: the dispatcher forgets its replay set and redelivery counts, and rewinds.
        return {
          attached,
          rr: 0,
          readPos: 0,
          replay: [],
          pending: [],
          log: context.log.map((e) => (e.redeliveryCount === 0 ? e : { ...e, redeliveryCount: 0 })),
          outbox: [] as Output[],
        };
      }
      const back = context.pending.filter(mine).map((p) => p.entry);
      const outbox: Output[] = [];
      const next: Ctx = {
        ...context,
        attached,
        rr: context.rr % attached.length,
        pending: context.pending.filter((p) => !mine(p)),
        replay: [...new Set([...context.replay, ...back])].sort(byEntry),
      };
      return { ...next, ...dispatch(next, outbox), outbox };
    }),
    ack: assign(({ context, event }) => {
      assertEvent(event, 'ack.received');
      const done = new Set(event.entries);
      return {
        log: context.log.map((e) => (done.has(e.entry) && !e.acked ? { ...e, acked: true } : e)),
        pending: context.pending.filter((p) => !done.has(p.entry)),
        replay: context.replay.filter((x) => !done.has(x)),
        outbox: [] as Output[],
      };
    }),
    redeliver: assign(({ context, event }) => {
      assertEvent(event, 'redeliver.requested');
      const asked = context.pending.filter((p) => p.consumer === event.consumer && p.channel === event.channel && event.entries.includes(p.entry));
      if (asked.length === 0) return { outbox: [] as Output[] };
      const again = new Set(asked.map((p) => p.entry));
      const outbox: Output[] = [];
      const next: Ctx = {
        ...context,
        log: context.log.map((e) => (again.has(e.entry) ? { ...e, redeliveryCount: e.redeliveryCount + 1 } : e)),
        pending: context.pending.filter((p) => !asked.includes(p)),
        replay: [...new Set([...context.replay, ...again])].sort(byEntry),
      };
      return { ...next, ...dispatch(next, outbox), outbox };
    }),
    deadLetter: assign(({ context, event }) => {
      assertEvent(event, 'deadLetter.received');
      return { dlq: [...context.dlq, { msgId: event.msgId, entry: event.entry }], outbox: [] as Output[] };
    }),
  },
}).createMachine({
  id: 'pulsar-broker',
  context: ({ input }) => ({ ...input, log: [], highest: {}, attached: [], rr: 0, readPos: 0, replay: [], pending: [], dlq: [], outbox: [] }),
  initial: 'running',
  states: {
    running: {
      on: {
        'producer.connected': { actions: 'connectProducer' },
        'message.sent': { actions: 'store' },
        'consumer.subscribed': { actions: 'subscribe' },
        'consumer.gone': { actions: 'unsubscribe' },
        'ack.received': { actions: 'ack' },
        'redeliver.requested': { actions: 'redeliver' },
        'deadLetter.received': { actions: 'deadLetter' },
      },
    },
  },
});
