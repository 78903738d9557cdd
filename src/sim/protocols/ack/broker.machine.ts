import { assertEvent, assign, setup } from 'xstate';
import { deliveryTag, type ActorId, type Delivery, type Message, type Output } from '../../core/types';

/** The ack timeout's timer: which delivery. */
export type AckTimer = { kind: 'ack'; tag: string };

/** Broker settings a scenario chooses. */
export interface BrokerInput {
  consumers: ActorId[];
  /** Automatic acknowledgement: a message counts as handled as soon as it is sent to a consumer. */
  autoAck: boolean;
  /** How long a delivery may stay unacknowledged before it is handed out again (ms). */
  ackTimeout: number;
  /** Broker-side deduplication by message id within this window (ms); null = none. */
  dedupWindow: number | null;
  /** `sync`: a message is on disk before its confirm leaves; `async`: a background flush writes it `flushInterval` ms later. */
  flush: 'sync' | 'async';
  flushInterval: number;
}

/** A stored message copy waiting in the queue. */
export interface Stored {
  msgId: string;
  key: string;
  copy: number;
  /** Deliveries so far. */
  count: number;
}

/** A delivery the broker handed out and has not seen acknowledged. */
export interface Unacked extends Stored {
  consumer: ActorId;
  channel: number;
}

/** The broker's memory. Identities are derived from content (no counters), so states merge. */
export interface BrokerContext extends BrokerInput {
  ready: Stored[];
  unacked: Unacked[];
  /** Copies stored per message id (a retry without dedup makes copy 2). */
  copies: Record<string, number>;
  /** When each message id was first stored, for the dedup window. */
  firstSeen: Record<string, number>;
  /** Consumers that can take a message now (prefetch 1), with their channel. */
  credit: { consumer: ActorId; channel: number }[];
  /** Stored copies (`msgId/copy`) still only in memory: with `flush: 'async'`, written but not yet flushed. */
  unflushed: string[];
  outbox: Output[];
}

/** Events the broker reacts to. `now` is the simulated clock, passed in by the engine. */
export type BrokerEvent =
  | { type: 'message.published'; msg: Message; from: ActorId; now: number }
  | { type: 'consumer.ready'; consumer: ActorId; channel: number }
  | { type: 'ack.received'; consumer: ActorId; channel: number; tag: string }
  | { type: 'connection.closed'; consumer: ActorId; channel: number }
  | { type: 'ackTimeout.expired'; tag: string }
  | { type: 'flush.due' }
  | { type: 'fault.restartBroker' };

/** A stored copy's name in `unflushed`. */
export const copyName = (m: { msgId: string; copy: number }) => `${m.msgId}/${m.copy}`;

/**
 * Hands queued messages to consumers that have credit. With manual acks each delivery is remembered
 * as unacked with a timer; with automatic acks it is forgotten at once (at-most-once).
 */
function dispatch(ctx: Omit<BrokerContext, 'outbox'>, outbox: Output[]): Partial<BrokerContext> {
  const ready = [...ctx.ready];
  const unacked = [...ctx.unacked];
  const credit = [...ctx.credit];
  while (ready.length > 0 && credit.length > 0) {
    const stored = ready.shift()!;
    const { consumer, channel } = credit.shift()!;
    const count = stored.count + 1;
    const delivery: Delivery = { msgId: stored.msgId, key: stored.key, copy: stored.copy, count, redelivered: count > 1, channel };
    outbox.push({ kind: 'send', to: consumer, payload: { kind: 'deliver', delivery } });
    if (!ctx.autoAck) {
      unacked.push({ ...stored, count, consumer, channel });
      const tag = deliveryTag(delivery);
      outbox.push({ kind: 'startTimer', name: `ack:${tag}`, after: ctx.ackTimeout, data: { kind: 'ack', tag } satisfies AckTimer });
    }
  }
  return { ready, unacked, credit, outbox };
}

/** Puts unacked deliveries back at the head of the queue, in their original order. */
function requeue(ctx: BrokerContext, which: (u: Unacked) => boolean, outbox: Output[]) {
  const back = ctx.unacked.filter(which);
  for (const u of back) outbox.push({ kind: 'cancelTimer', name: `ack:${deliveryTag(u)}` });
  const returned: Stored[] = back.map(({ msgId, key, copy, count }) => ({ msgId, key, copy, count }));
  return { ready: [...returned, ...ctx.ready], unacked: ctx.unacked.filter((u) => !which(u)) };
}

/**
 * A queue with at-least-once delivery, in the shape most brokers share.
 * - A consumer's connection closing (crash, network drop) returns all of its unacked deliveries to
 *   the queue, and they are delivered again, flagged as redelivered. Why: the broker cannot know
 *   whether the consumer processed them (https://www.rabbitmq.com/docs/confirms#automatic-requeueing).
 * - An unacked delivery whose ack timeout expires is handed out again while the first consumer may
 *   still be working on it, like an SQS visibility timeout or RabbitMQ's consumer_timeout
 *   (https://www.rabbitmq.com/docs/consumers#acknowledgement-timeout). A late ack for it is ignored.
 * - Optional dedup window: a publish whose message id was first stored less than `dedupWindow` ago is
 *   confirmed and dropped (JetStream's duplicate_window, SQS FIFO's 5-minute interval); after the
 *   window it is stored again (https://docs.nats.io/nats-concepts/jetstream).
 * - Flush: by default a message is on disk before its confirm leaves, so a restart keeps everything
 *   confirmed. With `flush: 'async'` the confirm leaves at once and a background flush follows, as
 *   with RocketMQ's default ASYNC_FLUSH (`flushIntervalCommitLog` 500 ms, `MessageStoreConfig`) or
 *   JetStream's default `sync_interval` (2 min, https://docs.nats.io/running-a-nats-service/configuration#jetstream):
 *   a machine crash before the flush loses messages the producer was told were stored.
 */
export const brokerMachine = setup({
  types: {
    context: {} as BrokerContext,
    events: {} as BrokerEvent,
    input: {} as BrokerInput,
  },
  guards: {
    isDuplicateWithinWindow: ({ context, event }) =>
      event.type === 'message.published' &&
      context.dedupWindow !== null &&
      context.firstSeen[event.msg.id] !== undefined &&
      event.now - context.firstSeen[event.msg.id]! < context.dedupWindow,
  },
  actions: {
    confirmAndDrop: assign(({ event }) => {
      assertEvent(event, 'message.published');
      return { outbox: [{ kind: 'send', to: event.from, payload: { kind: 'confirm', msgId: event.msg.id } }] as Output[] };
    }),
    storeAndConfirm: assign(({ context, event }) => {
      assertEvent(event, 'message.published');
      const { msg } = event;
      const copy = (context.copies[msg.id] ?? 0) + 1;
      const outbox: Output[] = [{ kind: 'send', to: event.from, payload: { kind: 'confirm', msgId: msg.id } }];
      // Async flush: confirmed now, on disk only when the background flush runs.
      const unflushed = context.flush === 'async' ? [...context.unflushed, copyName({ msgId: msg.id, copy })] : context.unflushed;
      if (context.flush === 'async' && context.unflushed.length === 0) outbox.push({ kind: 'startTimer', name: 'flush', after: context.flushInterval });
      const next = {
        ...context,
        unflushed,
        ready: [...context.ready, { msgId: msg.id, key: msg.key, copy, count: 0 }],
        copies: { ...context.copies, [msg.id]: copy },
        firstSeen: context.firstSeen[msg.id] === undefined ? { ...context.firstSeen, [msg.id]: event.now } : context.firstSeen,
      };
      return { ...next, ...dispatch(next, outbox) };
    }),
    grantCredit: assign(({ context, event }) => {
      assertEvent(event, 'consumer.ready');
      const next = { ...context, credit: [...context.credit, { consumer: event.consumer, channel: event.channel }] };
      return dispatch(next, []);
    }),
    settle: assign(({ context, event }) => {
      assertEvent(event, 'ack.received');
      const match = (u: Unacked) => deliveryTag(u) === event.tag && u.channel === event.channel && u.consumer === event.consumer;
      if (!context.unacked.some(match)) return {}; // stale ack: the delivery already went back to the queue
      return {
        unacked: context.unacked.filter((u) => !match(u)),
        outbox: [{ kind: 'cancelTimer', name: `ack:${event.tag}` }] as Output[],
      };
    }),
    requeueConsumer: assign(({ context, event }) => {
      assertEvent(event, 'connection.closed');
      const outbox: Output[] = [];
      const next = {
        ...context,
        ...requeue(context, (u) => u.consumer === event.consumer && u.channel === event.channel, outbox),
        credit: context.credit.filter((c) => !(c.consumer === event.consumer && c.channel === event.channel)),
      };
      return { ...next, ...dispatch(next, outbox) };
    }),
    requeueExpired: assign(({ context, event }) => {
      assertEvent(event, 'ackTimeout.expired');
      const outbox: Output[] = [];
      const next = { ...context, ...requeue(context, (u) => deliveryTag(u) === event.tag, outbox) };
      return { ...next, ...dispatch(next, outbox) };
    }),
    flushToDisk: assign({ unflushed: [] as string[] }),
    requeueAll: assign(({ context }) => {
      // Every channel dies with the broker: unacked deliveries return, credit is gone, and each
      // consumer is told its connection closed so it reconnects. What was only in memory (not yet
      // flushed) is gone, queued or unacked alike.
      const outbox: Output[] = [];
      const inMemory = new Set(context.unflushed);
      const survives = (m: Stored) => !inMemory.has(copyName(m));
      for (const u of context.unacked) if (!survives(u)) outbox.push({ kind: 'cancelTimer', name: `ack:${deliveryTag(u)}` });
      if (context.unflushed.length > 0) outbox.push({ kind: 'cancelTimer', name: 'flush' });
      const kept = { ...context, ready: context.ready.filter(survives), unacked: context.unacked.filter(survives) };
      const back = requeue(kept, () => true, outbox);
      for (const consumer of context.consumers) {
        const channels = new Set(context.credit.filter((c) => c.consumer === consumer).map((c) => c.channel));
        for (const u of context.unacked) if (u.consumer === consumer) channels.add(u.channel);
        for (const channel of channels) outbox.push({ kind: 'send', to: consumer, payload: { kind: 'closed', channel } });
      }
      return { ...back, credit: [], unflushed: [], outbox };
    }),
  },
}).createMachine({
  id: 'broker',
  context: ({ input }) => ({ ...input, ready: [], unacked: [], copies: {}, firstSeen: {}, credit: [], unflushed: [], outbox: [] }),
  initial: 'running',
  states: {
    running: {
      on: {
        'message.published': [{ guard: 'isDuplicateWithinWindow', actions: 'confirmAndDrop' }, { actions: 'storeAndConfirm' }],
        'consumer.ready': { actions: 'grantCredit' },
        'ack.received': { actions: 'settle' },
        'connection.closed': { actions: 'requeueConsumer' },
        'ackTimeout.expired': { actions: 'requeueExpired' },
        'flush.due': { actions: 'flushToDisk' },
        'fault.restartBroker': { actions: 'requeueAll' },
      },
    },
  },
});
