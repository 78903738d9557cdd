import { assertEvent, assign, setup } from 'xstate';
import { deliveryTag, type ActorId, type Delivery, type Message, type Output } from '../../core/types';
import type { RabbitSettings } from './rabbitmq.settings';

/** Broker settings a scenario chooses. */
export interface RabbitBrokerInput extends RabbitSettings {
  autoAck: boolean;
}

/** A message copy in the queue. `count` is deliveries so far; `since` is when it was enqueued (for TTL). */
export interface RabbitStored {
  msgId: string;
  key: string;
  copy: number;
  count: number;
  since: number;
}

/** A delivery on a consumer's channel, not yet acked. `at` is when it was sent (for consumer_timeout). */
export interface RabbitUnacked extends RabbitStored {
  consumer: ActorId;
  channel: number;
  at: number;
}

/** Why a message left the queue without being acked. */
export interface RabbitDead {
  msgId: string;
  key: string;
  copy: number;
  reason: 'delivery_limit' | 'expired' | 'rejected';
  /** Dead-lettered to the DLX (true) or dropped (false). */
  dlx: boolean;
}

/** The broker's memory. */
export interface RabbitBrokerContext extends RabbitBrokerInput {
  ready: RabbitStored[];
  unacked: RabbitUnacked[];
  copies: Record<string, number>;
  /** Channels with a `basic.consume` on the queue, in subscription order. */
  subs: { consumer: ActorId; channel: number }[];
  dead: RabbitDead[];
  outbox: Output[];
}

/** Events the broker reacts to. `now` is the simulated clock, passed in by the engine. */
export type RabbitBrokerEvent =
  | { type: 'message.published'; msg: Message; from: ActorId; now: number }
  | { type: 'consumer.subscribed'; consumer: ActorId; channel: number; now: number }
  | { type: 'ack.received'; consumer: ActorId; channel: number; tag: string; now: number }
  | { type: 'nack.received'; consumer: ActorId; channel: number; tag: string; requeue: boolean; now: number }
  | { type: 'connection.closed'; consumer: ActorId; channel: number; now: number }
  | { type: 'consumerTimeout.expired'; tag: string; now: number }
  | { type: 'ttl.expired'; msgId: string; copy: number };

type Ctx = Omit<RabbitBrokerContext, 'outbox'>;
const storedTag = (s: { msgId: string; copy: number }) => `${s.msgId}/${s.copy}`;
/** The broker's timers: a stored copy's TTL (which copy), a delivery's consumer_timeout (which delivery tag). */
export type RabbitTimer = { kind: 'ttl'; msgId: string; copy: number } | { kind: 'timeout'; tag: string };

/** TTL timer for a message entering the queue: it expires `messageTtl` after it was first enqueued. */
function armTtl(ctx: Ctx, s: RabbitStored, now: number, outbox: Output[]) {
  if (ctx.messageTtl === null) return;
  const data: RabbitTimer = { kind: 'ttl', msgId: s.msgId, copy: s.copy };
  outbox.push({ kind: 'startTimer', name: `ttl:${storedTag(s)}`, after: Math.max(0, s.since + ctx.messageTtl - now), data });
}

/**
 * Hands queued messages to subscribed channels, round robin, while each has fewer unacked
 * deliveries than its prefetch. With automatic acks a delivery is forgotten as it is sent.
 * Round robin as RabbitMQ does it: the next message goes to the first channel in line that can take
 * one, and that channel goes to the back of the line (a full one keeps its place and is skipped).
 * The line is data, never an order of names, so two consumers are interchangeable.
 */
function dispatch(ctx: Ctx, now: number, outbox: Output[]): Partial<RabbitBrokerContext> {
  const ready = [...ctx.ready];
  const unacked = [...ctx.unacked];
  let subs = ctx.subs;
  const free = (sub: Ctx['subs'][number]) =>
    ctx.autoAck || unacked.filter((u) => u.consumer === sub.consumer && u.channel === sub.channel).length < ctx.prefetch;
  for (let sub = subs.find(free); ready.length > 0 && sub; sub = subs.find(free)) {
    const stored = ready.shift()!;
    const count = stored.count + 1;
    const delivery: Delivery = {
      msgId: stored.msgId,
      key: stored.key,
      copy: stored.copy,
      count,
      redelivered: count > 1,
      channel: sub.channel,
      ...(ctx.queueType === 'quorum' && count > 1 ? { where: `x-delivery-count ${count - 1}` } : {}),
    };
    if (ctx.messageTtl !== null) outbox.push({ kind: 'cancelTimer', name: `ttl:${storedTag(stored)}` });
    outbox.push({ kind: 'send', to: sub.consumer, payload: { kind: 'deliver', delivery } });
    if (!ctx.autoAck) {
      unacked.push({ ...stored, count, consumer: sub.consumer, channel: sub.channel, at: now });
      const tag = deliveryTag(delivery);
      outbox.push({ kind: 'startTimer', name: `timeout:${tag}`, after: ctx.consumerTimeout, data: { kind: 'timeout', tag } satisfies RabbitTimer });
    }
    const served = sub;
    subs = [...subs.filter((s) => s !== served), served];
  }
  return subs === ctx.subs ? { ready, unacked, outbox } : { ready, unacked, subs, outbox };
}

/**
 * Returns unacked deliveries to the head of the queue, flagged for redelivery. A quorum queue with a
 * delivery limit dead-letters a message once its failed deliveries exceed the limit (up to 4.2 every
 * return counts; since 4.3 a nack with requeue and a consumer timeout no longer do —
 * https://www.rabbitmq.com/docs/quorum-queues#poison-message-handling).
 */
function giveBack(ctx: Ctx, which: (u: RabbitUnacked) => boolean, now: number, outbox: Output[]) {
  const back = ctx.unacked.filter(which);
  const returned: RabbitStored[] = [];
  const dead = [...ctx.dead];
  for (const u of back) {
    outbox.push({ kind: 'cancelTimer', name: `timeout:${deliveryTag(u)}` });
    const stored: RabbitStored = { msgId: u.msgId, key: u.key, copy: u.copy, count: u.count, since: u.since };
    if (ctx.queueType === 'quorum' && ctx.deliveryLimit !== null && u.count > ctx.deliveryLimit) {
      dead.push({ msgId: u.msgId, key: u.key, copy: u.copy, reason: 'delivery_limit', dlx: ctx.deadLetterExchange !== null });
    } else {
      returned.push(stored);
      armTtl(ctx, stored, now, outbox);
    }
  }
  return { ready: [...returned, ...ctx.ready], unacked: ctx.unacked.filter((u) => !which(u)), dead };
}

/**
 * A RabbitMQ queue (AMQP 0-9-1) with its channels.
 * - Manual acks: a delivery stays unacked until `basic.ack`; when its channel or connection closes,
 *   every unacked delivery on it is requeued and delivered again with `redelivered=true`
 *   (https://www.rabbitmq.com/docs/confirms#automatic-requeueing).
 * - `consumer_timeout` (30 min by default): a delivery unacked that long closes its channel with
 *   PRECONDITION_FAILED (up to 4.2), requeueing everything on it; the slow consumer's later ack is
 *   refused (https://www.rabbitmq.com/docs/consumers#acknowledgement-timeout).
 * - `basic.nack`/`basic.reject` with requeue=true put the message back; requeue=false drops or
 *   dead-letters it.
 * - No deduplication: a republished message is a second copy (https://www.rabbitmq.com/docs/confirms#publisher-confirms).
 * - `x-message-ttl` expires a message that waits in the queue longer than the TTL (drop or DLX); it
 *   never looks at duplicates (https://www.rabbitmq.com/docs/ttl).
 */
export const rabbitBrokerMachine = setup({
  types: { context: {} as RabbitBrokerContext, events: {} as RabbitBrokerEvent, input: {} as RabbitBrokerInput },
  actions: {
    store: assign(({ context, event }) => {
      assertEvent(event, 'message.published');
      const { msg } = event;
      const copy = (context.copies[msg.id] ?? 0) + 1;
      const stored: RabbitStored = { msgId: msg.id, key: msg.key, copy, count: 0, since: event.now };
      const outbox: Output[] = [{ kind: 'send', to: event.from, payload: { kind: 'confirm', msgId: msg.id } }];
      armTtl(context, stored, event.now, outbox);
      const next = { ...context, ready: [...context.ready, stored], copies: { ...context.copies, [msg.id]: copy } };
      return { ...next, ...dispatch(next, event.now, outbox) };
    }),
    subscribe: assign(({ context, event }) => {
      assertEvent(event, 'consumer.subscribed');
      const subs = [...context.subs.filter((s) => s.consumer !== event.consumer), { consumer: event.consumer, channel: event.channel }];
      const next = { ...context, subs };
      return { ...next, ...dispatch(next, event.now, []) };
    }),
    settle: assign(({ context, event }) => {
      assertEvent(event, ['ack.received', 'nack.received']);
      const match = (u: RabbitUnacked) => deliveryTag(u) === event.tag && u.channel === event.channel && u.consumer === event.consumer;
      const u = context.unacked.find(match);
      if (!u) return {}; // unknown tag: that channel was closed and its deliveries requeued
      const outbox: Output[] = [];
      let next: Ctx;
      if (event.type === 'nack.received' && event.requeue) {
        next = { ...context, ...giveBack(context, match, event.now, outbox) };
      } else if (event.type === 'nack.received') {
        // requeue=false: dead-lettered through the DLX, or dropped without one.
        outbox.push({ kind: 'cancelTimer', name: `timeout:${event.tag}` });
        const dead = { msgId: u.msgId, key: u.key, copy: u.copy, reason: 'rejected' as const, dlx: context.deadLetterExchange !== null };
        next = { ...context, unacked: context.unacked.filter((x) => !match(x)), dead: [...context.dead, dead] };
      } else {
        outbox.push({ kind: 'cancelTimer', name: `timeout:${event.tag}` });
        next = { ...context, unacked: context.unacked.filter((x) => !match(x)) };
      }
      return { ...next, ...dispatch(next, event.now, outbox) };
    }),
    closeChannel: assign(({ context, event }) => {
      assertEvent(event, 'connection.closed');
      const outbox: Output[] = [];
      const next = {
        ...context,
        ...giveBack(context, (u) => u.consumer === event.consumer && u.channel === event.channel, event.now, outbox),
        subs: context.subs.filter((s) => !(s.consumer === event.consumer && s.channel === event.channel)),
      };
      return { ...next, ...dispatch(next, event.now, outbox) };
    }),
    timeOut: assign(({ context, event }) => {
      assertEvent(event, 'consumerTimeout.expired');
      const u = context.unacked.find((x) => deliveryTag(x) === event.tag);
      if (!u) return {};
      // The whole channel is closed with PRECONDITION_FAILED, not only the late delivery.
      const onChannel = (x: RabbitUnacked) => x.consumer === u.consumer && x.channel === u.channel;
      const outbox: Output[] = [{ kind: 'send', to: u.consumer, payload: { kind: 'closed', channel: u.channel } }];
      const next = {
        ...context,
        ...giveBack(context, onChannel, event.now, outbox),
        subs: context.subs.filter((s) => !(s.consumer === u.consumer && s.channel === u.channel)),
      };
      return { ...next, ...dispatch(next, event.now, outbox) };
    }),
    expire: assign(({ context, event }) => {
      assertEvent(event, 'ttl.expired');
      const s = context.ready.find((x) => x.msgId === event.msgId && x.copy === event.copy);
      if (!s) return {};
      return {
        ready: context.ready.filter((x) => x !== s),
        dead: [...context.dead, { msgId: s.msgId, key: s.key, copy: s.copy, reason: 'expired' as const, dlx: context.deadLetterExchange !== null }],
      };
    }),
  },
}).createMachine({
  id: 'rabbitmq-broker',
  context: ({ input }) => ({ ...input, ready: [], unacked: [], copies: {}, subs: [], dead: [], outbox: [] }),
  initial: 'running',
  states: {
    running: {
      on: {
        'message.published': { actions: 'store' },
        'consumer.subscribed': { actions: 'subscribe' },
        'ack.received': { actions: 'settle' },
        'nack.received': { actions: 'settle' },
        'connection.closed': { actions: 'closeChannel' },
        'consumerTimeout.expired': { actions: 'timeOut' },
        'ttl.expired': { actions: 'expire' },
      },
    },
  },
});
