import { assertEvent, assign, setup } from 'xstate';
import type { ActorId, LogRecord, Message, Output } from '../../core/types';

/** A record in partition p0 of topic `orders`. */
export interface KafkaRecord {
  offset: number;
  msgId: string;
  key: string;
  copy: number;
  pid: number;
  seq: number;
  /** Times the group has fetched it. */
  reads: number;
}

/** A fetch waiting for records (long poll). */
interface PendingFetch {
  consumer: ActorId;
  generation: number;
  offset: number;
}

/** The broker's memory: the partition's log, the idempotence table, and the group coordinator's state. */
export interface KafkaBrokerContext {
  log: KafkaRecord[];
  /** Last sequence number appended per producer id (idempotent producers only). */
  producers: Record<string, number>;
  /** Group `billing`'s committed offset for p0: the offset of the next record to read. */
  committed: number;
  /** Live members, `c1#1` = consumer 1, first incarnation; sorted. */
  members: string[];
  generation: number;
  /** The member that owns p0, or null. */
  owner: string | null;
  /** During a rebalance: members that still have to rejoin before the new assignment is handed out. */
  awaiting: string[];
  pending: PendingFetch[];
  /** Topic `receipts`, written in transactions by consumers' transactional producers (`transactional.id` = consumer id). */
  receipts: { msgId: string; key: string; txn: string; state: 'open' | 'committed' | 'aborted' }[];
  outbox: Output[];
}

/** Events the broker reacts to. */
export type KafkaBrokerEvent =
  | { type: 'produce.received'; msg: Message; pid: number; seq: number }
  | { type: 'member.joined'; consumer: ActorId; inc: number }
  | { type: 'member.left'; consumer: ActorId; inc: number }
  | { type: 'member.expired'; member: string }
  | { type: 'fetch.received'; consumer: ActorId; generation: number; offset: number }
  | { type: 'commit.received'; consumer: ActorId; inc: number; generation: number; offset: number }
  | { type: 'txn.produced'; consumer: ActorId; msgId: string; key: string }
  | { type: 'txn.committed'; consumer: ActorId; inc: number; generation: number; offset: number };

type Ctx = Omit<KafkaBrokerContext, 'outbox'>;
const consumerOf = (member: string) => member.split('#')[0] as ActorId;

/** Answers a fetch with every record from its offset, counting the reads. */
function answer(ctx: Ctx, f: PendingFetch, outbox: Output[]): KafkaRecord[] {
  const log = ctx.log.map((r) => (r.offset >= f.offset ? { ...r, reads: r.reads + 1 } : r));
  const records: LogRecord[] = log.filter((r) => r.offset >= f.offset).map(({ offset, msgId, key, copy, reads }) => ({ offset, msgId, key, copy, reads }));
  outbox.push({ kind: 'send', to: f.consumer, payload: { kind: 'records', generation: f.generation, records } });
  return log;
}

/**
 * Membership changed. The classic (eager) protocol stops the world: every other member must rejoin,
 * which it does at its next poll(), before anyone gets an assignment. A dead member never rejoins;
 * the group waits for its session to time out.
 */
function startRebalance(ctx: Ctx, members: string[], joiner: string | null, outbox: Output[]): Partial<KafkaBrokerContext> {
  const awaiting = members.filter((m) => m !== joiner);
  // A dead incarnation (`c1#1` while `c1#2` is joining) cannot be told anything.
  const superseded = (m: string) => members.some((x) => x !== m && consumerOf(x) === consumerOf(m) && x > m);
  for (const m of awaiting) if (!superseded(m)) outbox.push({ kind: 'send', to: consumerOf(m), payload: { kind: 'rebalance' } });
  return maybeComplete({ ...ctx, members, awaiting, owner: null, pending: [] }, outbox);
}

/**
 * Everyone has rejoined: a new generation, p0 to the first member (the range assignor with one
 * partition), the owner told to start from the committed offset, the others that they have nothing.
 */
function maybeComplete(ctx: Ctx, outbox: Output[]): Partial<KafkaBrokerContext> {
  if (ctx.awaiting.length > 0) return { members: ctx.members, awaiting: ctx.awaiting, owner: null, pending: [] };
  const generation = ctx.generation + 1;
  const owner = ctx.members[0] ?? null;
  for (const m of ctx.members)
    outbox.push({ kind: 'send', to: consumerOf(m), payload: { kind: 'assign', generation, offset: m === owner ? ctx.committed : null } });
  return { members: ctx.members, awaiting: [], generation, owner, pending: [] };
}

/**
 * One Kafka partition (`orders`-p0) and the group coordinator of group `billing`.
 * - Progress is one committed offset per partition. After a crash or a rebalance the new owner reads
 *   from it, so everything processed after the last commit is read again — the Kafka duplicate
 *   (https://kafka.apache.org/documentation/#semantics).
 * - A member that stops heartbeating is removed after `session.timeout.ms` (45 s since 3.0, KIP-735);
 *   one that leaves (close, or max.poll.interval.ms exceeded) is removed at once. Either way p0 moves.
 * - A commit from a member that is no longer in the group is refused: CommitFailedException.
 * - With an idempotent producer, a retry whose sequence number was already appended is answered
 *   without appending (KIP-98). Non-idempotent producers (pid -1) are never deduplicated.
 */
export const kafkaBrokerMachine = setup({
  types: { context: {} as KafkaBrokerContext, events: {} as KafkaBrokerEvent, input: {} as Record<string, never> },
  actions: {
    append: assign(({ context, event }) => {
      assertEvent(event, 'produce.received');
      const { msg, pid, seq } = event;
      const outbox: Output[] = [];
      const last = context.producers[String(pid)];
      const duplicate = pid >= 0 && last !== undefined && seq <= last;
      outbox.push({ kind: 'send', to: 'producer', payload: { kind: 'produceResponse', msgId: msg.id, duplicate } });
      if (duplicate) return { outbox };
      const copy = context.log.filter((r) => r.msgId === msg.id).length + 1;
      let log = [...context.log, { offset: context.log.length, msgId: msg.id, key: msg.key, copy, pid, seq, reads: 0 }];
      const producers = pid >= 0 ? { ...context.producers, [String(pid)]: seq } : context.producers;
      for (const f of context.pending) log = answer({ ...context, log }, f, outbox);
      return { log, producers, pending: [], outbox };
    }),
    join: assign(({ context, event }) => {
      assertEvent(event, 'member.joined');
      const member = `${event.consumer}#${event.inc}`;
      const outbox: Output[] = [];
      // A member answering the rebalance: one fewer to wait for.
      if (context.members.includes(member)) {
        if (!context.awaiting.includes(member)) return {};
        return { ...maybeComplete({ ...context, awaiting: context.awaiting.filter((m) => m !== member) }, outbox), outbox };
      }
      // A restarted instance with the same transactional.id fences the old one: its open
      // transaction is aborted, and read_committed readers never see what it wrote (KIP-98).
      const receipts = context.receipts.map((r) => (r.txn === event.consumer && r.state === 'open' ? { ...r, state: 'aborted' as const } : r));
      context = { ...context, receipts };
      const members = [...context.members, member].sort();
      // Joining a rebalance already under way: wait for the same members as before.
      if (context.awaiting.length > 0) return { ...maybeComplete({ ...context, members }, outbox), receipts: context.receipts, outbox };
      return { ...startRebalance(context, members, member, outbox), receipts: context.receipts, outbox };
    }),
    leave: assign(({ context, event }) => {
      assertEvent(event, ['member.left', 'member.expired']);
      const member = event.type === 'member.left' ? `${event.consumer}#${event.inc}` : event.member;
      if (!context.members.includes(member)) return {};
      const outbox: Output[] = [];
      const members = context.members.filter((m) => m !== member);
      if (context.awaiting.length > 0)
        return { ...maybeComplete({ ...context, members, awaiting: context.awaiting.filter((m) => m !== member) }, outbox), outbox };
      return { ...startRebalance(context, members, null, outbox), outbox };
    }),
    fetch: assign(({ context, event }) => {
      assertEvent(event, 'fetch.received');
      const f = { consumer: event.consumer, generation: event.generation, offset: event.offset };
      if (event.generation !== context.generation || context.awaiting.length > 0) return {};
      if (context.log.length <= event.offset) return { pending: [...context.pending.filter((p) => p.consumer !== event.consumer), f] };
      const outbox: Output[] = [];
      return { log: answer(context, f, outbox), outbox };
    }),
    commit: assign(({ context, event }) => {
      assertEvent(event, 'commit.received');
      // Accepted from a member of the current generation, also while a rebalance is being prepared
      // (that is when onPartitionsRevoked commits).
      const ok = context.members.includes(`${event.consumer}#${event.inc}`) && event.generation === context.generation;
      const outbox: Output[] = [{ kind: 'send', to: event.consumer, payload: { kind: 'commitResponse', ok, offset: event.offset } }];
      return ok ? { committed: event.offset, outbox } : { outbox };
    }),
    produceInTxn: assign(({ context, event }) => {
      assertEvent(event, 'txn.produced');
      return { receipts: [...context.receipts, { msgId: event.msgId, key: event.key, txn: event.consumer, state: 'open' as const }] };
    }),
    // sendOffsetsToTransaction + commitTransaction: the receipt and the offset commit together or not at all.
    commitTxn: assign(({ context, event }) => {
      assertEvent(event, 'txn.committed');
      const ok = context.members.includes(`${event.consumer}#${event.inc}`) && event.generation === context.generation;
      const state = ok ? ('committed' as const) : ('aborted' as const);
      const receipts = context.receipts.map((r) => (r.txn === event.consumer && r.state === 'open' ? { ...r, state } : r));
      const outbox: Output[] = [{ kind: 'send', to: event.consumer, payload: { kind: 'commitResponse', ok, offset: event.offset } }];
      return ok ? { receipts, committed: event.offset, outbox } : { receipts, outbox };
    }),
  },
}).createMachine({
  id: 'kafka-broker',
  context: () => ({ log: [], producers: {}, committed: 0, members: [], generation: 0, owner: null, awaiting: [], pending: [], receipts: [], outbox: [] }),
  initial: 'running',
  states: {
    running: {
      on: {
        'produce.received': { actions: 'append' },
        'member.joined': { actions: 'join' },
        'member.left': { actions: 'leave' },
        'member.expired': { actions: 'leave' },
        'fetch.received': { actions: 'fetch' },
        'commit.received': { actions: 'commit' },
        'txn.produced': { actions: 'produceInTxn' },
        'txn.committed': { actions: 'commitTxn' },
      },
    },
  },
});
