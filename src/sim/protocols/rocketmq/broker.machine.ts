import { assertEvent, assign, setup } from 'xstate';
import type { ActorId, LogRecord, Message, Output } from '../../core/types';
import { sortRecord } from '../../core/records';
import { retryDelay, type RocketSettings } from './rocketmq.settings';

/** Broker settings a scenario chooses. */
export interface RocketBrokerInput {
  messageModel: RocketSettings['messageModel'];
  /** Retries before %DLQ% in concurrent mode (maxReconsumeTimes, -1 → 16). */
  maxRetries: number;
}

/** The topic's queues and the group's retry queue. */
export const topicQueues = ['q0', 'q1'] as const;
/** `%RETRY%billing`, the group's retry topic (one queue). */
export const retryQueue = 'retry';

/** The broker's memory. */
export interface RocketBrokerContext extends RocketBrokerInput {
  queues: Record<string, LogRecord[]>;
  /** Consume offsets the group persisted, per queue (clustering mode). */
  offsets: Record<string, number>;
  /** Live consumers of group billing, `c1#1`, sorted. */
  members: string[];
  /** Messages waiting out a retry delay. */
  delayed: LogRecord[];
  /** `%DLQ%billing`. */
  dlq: LogRecord[];
  /** Long polls waiting for a message, sorted by member and queue (one per member and queue). */
  pending: { member: string; queue: string; offset: number }[];
  outbox: Output[];
}

/** The broker's retry timer: which message, after how many retries. */
export type RocketRetryTimer = { kind: 'retry'; msgId: string; retries: number };

/** Events the broker reacts to. */
export type RocketBrokerEvent =
  | { type: 'message.sent'; msg: Message }
  | { type: 'member.joined'; consumer: ActorId; inc: number }
  | { type: 'member.gone'; consumer: ActorId; inc: number }
  | { type: 'pull.received'; consumer: ActorId; inc: number; queue: string; offset: number }
  | { type: 'offsets.persisted'; offsets: Record<string, number> }
  | { type: 'message.sentBack'; record: LogRecord; direct: boolean }
  | { type: 'retry.due'; msgId: string; retries: number };

type Ctx = Omit<RocketBrokerContext, 'outbox'>;
const consumerOf = (member: string) => member.split('#')[0] as ActorId;
type Poll = RocketBrokerContext['pending'][number];
const byPoll = (a: Poll, b: Poll) => (a.member < b.member ? -1 : a.member > b.member ? 1 : a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0);

/**
 * The queues the `i`-th of the sorted `members` gets. Clustering: each topic's queues are divided
 * among the sorted consumers (AllocateMessageQueueAveragely), the retry topic's single queue to the
 * first. Broadcasting: everyone gets every queue.
 */
export function queuesOf(messageModel: RocketSettings['messageModel'], members: readonly string[], i: number): string[] {
  if (messageModel === 'BROADCASTING') return [...topicQueues];
  const per = Math.floor(topicQueues.length / members.length);
  const extra = topicQueues.length % members.length;
  const start = i * per + Math.min(i, extra);
  const queues = topicQueues.slice(start, start + per + (i < extra ? 1 : 0));
  return i === 0 ? [...queues, retryQueue] : queues;
}

/** Whether `member` (`c1#3`) holds `queue` in the group as it is now. */
export const owns = (ctx: Pick<Ctx, 'messageModel' | 'members'>, member: string, queue: string) => {
  const i = ctx.members.indexOf(member);
  return i >= 0 && queuesOf(ctx.messageModel, ctx.members, i).includes(queue);
};

/**
 * Queue allocation (queuesOf); in clustering each consumer starts at the offset the group persisted,
 * in broadcasting it keeps its own offsets.
 */
function allocate(ctx: Ctx, members: string[], outbox: Output[]) {
  const owned = new Set<string>();
  members.forEach((m, i) => {
    const queues = queuesOf(ctx.messageModel, members, i);
    const offsets = ctx.messageModel === 'BROADCASTING' ? {} : Object.fromEntries(queues.map((q) => [q, ctx.offsets[q] ?? 0]));
    outbox.push({ kind: 'send', to: consumerOf(m), payload: { kind: 'allocate', queues, offsets } });
    for (const q of queues) owned.add(`${m}|${q}`);
  });
  // A long poll stays open while its consumer keeps the queue.
  return { members, pending: ctx.pending.filter((p) => owned.has(`${p.member}|${p.queue}`)) };
}

/** Appends a record to a queue and answers the pulls waiting on it. */
function append(ctx: Ctx, queue: string, r: Omit<LogRecord, 'offset' | 'reads'>, outbox: Output[]): Partial<Ctx> {
  const log = ctx.queues[queue] ?? [];
  const queues = { ...ctx.queues, [queue]: [...log, { ...r, offset: log.length, reads: 0 }] };
  return answerPending({ ...ctx, queues }, queue, outbox);
}

function answerPending(ctx: Ctx, queue: string, outbox: Output[]): Partial<Ctx> {
  let queues = ctx.queues;
  const waiting = ctx.pending.filter((p) => p.queue === queue && (queues[queue]?.length ?? 0) > p.offset);
  for (const p of waiting) queues = serve(queues, p, outbox);
  return { queues, pending: ctx.pending.filter((p) => !waiting.includes(p)) };
}

function serve(queues: Record<string, LogRecord[]>, p: { member: string; queue: string; offset: number }, outbox: Output[]) {
  const log = (queues[p.queue] ?? []).map((r) => (r.offset >= p.offset ? { ...r, reads: r.reads + 1 } : r));
  const records = log.filter((r) => r.offset >= p.offset);
  outbox.push({ kind: 'send', to: consumerOf(p.member), payload: { kind: 'pulled', queue: p.queue, records, inc: Number(p.member.split('#')[1]) } });
  return { ...queues, [p.queue]: log };
}

/**
 * A RocketMQ broker with topic `orders` (queues q0, q1) and consumer group `billing`.
 * - Consume progress is an offset per queue that the client persists every
 *   `persistConsumerOffsetInterval` (5 s); a consumer that takes over a queue starts there, so what was
 *   consumed since is consumed again (https://rocketmq.apache.org/docs/4.x/).
 * - A consumer leaving or joining re-divides the queues (rebalance).
 * - RECONSUME_LATER sends the message to `%RETRY%billing` after the delay of level 3 + (retry − 1):
 *   10 s, 30 s, 1 min … 2 h; after 16 retries to `%DLQ%billing`
 *   (https://rocketmq.apache.org/docs/featureBehavior/10consumerretrypolicy).
 * - No deduplication on send: a re-sent message is stored again.
 */
export const rocketBrokerMachine = setup({
  types: { context: {} as RocketBrokerContext, events: {} as RocketBrokerEvent, input: {} as RocketBrokerInput },
  actions: {
    store: assign(({ context, event }) => {
      assertEvent(event, 'message.sent');
      const { msg } = event;
      const queue = topicQueues[msg.partition ?? 0]!;
      const copy =
        Object.values(context.queues)
          .flat()
          .filter((r) => r.key === msg.key).length + 1;
      const outbox: Output[] = [{ kind: 'send', to: 'producer', payload: { kind: 'sendResult', msgId: msg.id } }];
      return { ...append(context, queue, { msgId: msg.id, key: msg.key, copy, retries: 0 }, outbox), outbox };
    }),
    join: assign(({ context, event }) => {
      assertEvent(event, 'member.joined');
      const outbox: Output[] = [];
      const members = [...context.members.filter((m) => !m.startsWith(`${event.consumer}#`)), `${event.consumer}#${event.inc}`].sort();
      return { ...allocate(context, members, outbox), outbox };
    }),
    drop: assign(({ context, event }) => {
      assertEvent(event, 'member.gone');
      if (!context.members.includes(`${event.consumer}#${event.inc}`)) return {};
      const outbox: Output[] = [];
      return {
        ...allocate(
          context,
          context.members.filter((m) => m !== `${event.consumer}#${event.inc}`),
          outbox,
        ),
        outbox,
      };
    }),
    pull: assign(({ context, event }) => {
      assertEvent(event, 'pull.received');
      const p = { member: `${event.consumer}#${event.inc}`, queue: event.queue, offset: event.offset };
      // A poll for a queue its sender no longer holds (a rebalance moved it, or the sender is a
      // process that has since died) is not served: RocketMQ's client marks the queue's ProcessQueue
      // dropped on a rebalance, and neither pulls for it nor consumes what it holds any more
      // (client: DefaultMQPushConsumerImpl#pullMessage, ConsumeMessageConcurrentlyService check
      // processQueue.isDropped()); a dead process has no connection.
      if (!owns(context, p.member, p.queue)) return {};
      // Long polls waiting are a set: kept in one order, whichever arrived first (answerPending serves
      // each to its own consumer, so the order never shows).
      if ((context.queues[p.queue]?.length ?? 0) <= p.offset)
        return { pending: [...context.pending.filter((x) => !(x.member === p.member && x.queue === p.queue)), p].sort(byPoll) };
      const outbox: Output[] = [];
      return { queues: serve(context.queues, p, outbox), outbox };
    }),
    // Queues in name order, whichever was persisted first (core/records.ts).
    persist: assign(({ context, event }) => {
      assertEvent(event, 'offsets.persisted');
      return { offsets: sortRecord({ ...context.offsets, ...event.offsets }) };
    }),
    sendBack: assign(({ context, event }) => {
      assertEvent(event, 'message.sentBack');
      const retries = (event.record.retries ?? 0) + 1;
      const record = { ...event.record, retries };
      // Orderly consumption past its maxReconsumeTimes sends the message straight to the DLQ.
      if (event.direct || retries > context.maxRetries) return { dlq: [...context.dlq, record] };
      return {
        delayed: [...context.delayed, record],
        outbox: [
          { kind: 'startTimer', name: `retry:${record.msgId}#${retries}`, after: retryDelay(retries), data: { kind: 'retry', msgId: record.msgId, retries } },
        ] as Output[],
      };
    }),
    redeliver: assign(({ context, event }) => {
      assertEvent(event, 'retry.due');
      const r = context.delayed.find((x) => x.msgId === event.msgId && x.retries === event.retries);
      if (!r) return {};
      const outbox: Output[] = [];
      const rest = { ...context, delayed: context.delayed.filter((x) => x !== r) };
      return { ...rest, ...append(rest, retryQueue, { msgId: r.msgId, key: r.key, copy: r.copy, retries: r.retries ?? 0 }, outbox), outbox };
    }),
  },
}).createMachine({
  id: 'rocketmq-broker',
  context: ({ input }) => ({ ...input, queues: { q0: [], q1: [], [retryQueue]: [] }, offsets: {}, members: [], delayed: [], dlq: [], pending: [], outbox: [] }),
  initial: 'running',
  states: {
    running: {
      on: {
        'message.sent': { actions: 'store' },
        'member.joined': { actions: 'join' },
        'member.gone': { actions: 'drop' },
        'pull.received': { actions: 'pull' },
        'offsets.persisted': { actions: 'persist' },
        'message.sentBack': { actions: 'sendBack' },
        'retry.due': { actions: 'redeliver' },
      },
    },
  },
});
