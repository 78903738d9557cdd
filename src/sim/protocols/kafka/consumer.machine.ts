import { assertEvent, assign, setup } from 'xstate';
import type { CallRecord } from '../../consumers/handler';
import type { ActorId, Delivery, LogRecord, Output } from '../../core/types';
import { emit, noDelivery, recordOp, toBroker, type OpCompleted } from '../../engine/kit';
import type { KafkaSettings } from './kafka.settings';

/** Consumer settings a scenario chooses. */
export interface KafkaConsumerInput {
  id: ActorId;
  commit: KafkaSettings['commit'];
  commitOnRevoke: boolean;
  autoCommitIntervalMs: number;
  restartDelay: number;
  /** A standby consumer starts without joining (the scenario starts it with a fault). */
  standby: boolean;
}

/** The consumer's memory. Everything but `inc` is lost in a crash. */
export interface KafkaConsumerContext extends KafkaConsumerInput {
  /** Process incarnation; the member id is `<id>#<inc>`. */
  inc: number;
  generation: number;
  owns: boolean;
  /** Offset of the next record to process. */
  position: number;
  /** Processed past the last commit. */
  dirty: boolean;
  /** Still a member of the group (false once it left after max.poll.interval.ms). */
  member: boolean;
  batch: LogRecord[];
  /** The group is rebalancing: rejoin at the next poll (after this batch). */
  rejoinPending: boolean;
  current: Delivery | null;
  pc: number;
  effectDone: boolean;
  memo: string[];
  history: CallRecord[];
  outbox: Output[];
}

/** Events the consumer reacts to. */
export type KafkaConsumerEvent =
  | { type: 'partition.assigned'; generation: number; offset: number | null }
  | { type: 'rebalance.started' }
  | { type: 'records.fetched'; generation: number; records: LogRecord[] }
  | OpCompleted
  | { type: 'handler.returned' }
  | { type: 'transaction.committing' }
  | { type: 'commit.answered'; ok: boolean; offset: number }
  | { type: 'autoCommit.due' }
  | { type: 'fault.crashConsumer' }
  | { type: 'fault.leaveGroup' }
  | { type: 'fault.close' }
  | { type: 'consumer.started' }
  | { type: 'consumer.restarted' };

type Ctx = KafkaConsumerContext;
const deliveryOf = (r: LogRecord, generation: number): Delivery => ({
  msgId: r.msgId,
  key: r.key,
  copy: r.copy,
  count: r.reads,
  redelivered: r.reads > 1,
  channel: generation,
  where: `p0@${r.offset}`,
  offset: r.offset,
});
const fetchFrom = (ctx: Pick<Ctx, 'generation' | 'position'>) => toBroker({ kind: 'fetch', generation: ctx.generation, offset: ctx.position });
const commitNow = (ctx: Pick<Ctx, 'generation' | 'position' | 'inc'>) =>
  toBroker({ kind: 'commit', generation: ctx.generation, offset: ctx.position, inc: ctx.inc });
/** Whether giving up the partition commits first: auto-commit does (before a rebalance or close), and so does a revoke listener. */
const commitsOnRevoke = (ctx: Ctx) => ctx.dirty && (ctx.commit === 'auto' || ctx.commitOnRevoke);

/** Takes an assignment: start fetching from the committed offset, or wait with no partition. */
function takeAssignment(a: { generation: number; offset: number | null }): Partial<Ctx> {
  if (a.offset === null) return { generation: a.generation, owns: false, batch: [], outbox: [] };
  const next = { generation: a.generation, position: a.offset };
  return { ...next, owns: true, batch: [], outbox: [fetchFrom(next)] };
}

/**
 * Answers a rebalance at the top of the poll loop: give up the partition (onPartitionsRevoked —
 * auto-commit commits here, and so does a listener that commits), then rejoin with the same member id.
 */
function revokeAndRejoin(ctx: Ctx): Partial<Ctx> {
  const commit = ctx.owns && commitsOnRevoke(ctx) ? [commitNow(ctx)] : [];
  const outbox = emit(ctx.outbox, ...commit, toBroker({ kind: 'join', inc: ctx.inc }), { kind: 'cancelTimer', name: 'autoCommit' });
  return { ...noDelivery, owns: false, batch: [], dirty: false, rejoinPending: false, outbox };
}

/**
 * A Kafka consumer in group `billing`, running the poll loop: join, get p0 with the committed offset,
 * fetch, run the handler on each record in turn, and commit as the scenario says — automatically
 * every `auto.commit.interval.ms`, with commitSync() after each record, or on the application's own
 * timer. Rebalances reach the loop at its next poll, as in the real client
 * (https://kafka.apache.org/documentation/#consumerconfigs).
 */
export const kafkaConsumerMachine = setup({
  types: { context: {} as KafkaConsumerContext, events: {} as KafkaConsumerEvent, input: {} as KafkaConsumerInput },
  guards: {
    isStandby: ({ context }) => context.standby,
    isLastOp: ({ event }) => event.type === 'op.completed' && (event.skip || event.done),
    isSync: ({ context }) => context.commit === 'sync',
    isTransactional: ({ context }) => context.commit === 'transaction',
    hasOffset: ({ event }) => event.type === 'partition.assigned' && event.offset !== null,
    isCurrentGeneration: ({ context, event }) =>
      event.type === 'records.fetched' && event.generation === context.generation && event.records.some((r) => r.offset >= context.position),
    isCommitOk: ({ event }) => event.type === 'commit.answered' && event.ok,
    notMember: ({ context }) => !context.member,
    mustRejoin: ({ context }) => context.rejoinPending,
    hasMoreRecords: ({ context }) => context.batch.length > 0,
    canAutoCommit: ({ context }) => context.owns && context.member && context.dirty,
  },
  actions: {
    join: assign(({ context }) => ({ outbox: [toBroker({ kind: 'join', inc: context.inc })] })),
    assignPartition: assign(({ event }) => {
      assertEvent(event, 'partition.assigned');
      return takeAssignment(event);
    }),
    noteRebalance: assign({ rejoinPending: true }),
    rejoinNow: assign(({ context }) => revokeAndRejoin(context)),
    takeBatch: assign(({ context, event }) => {
      assertEvent(event, 'records.fetched');
      const batch = event.records.filter((r) => r.offset >= context.position);
      return { ...noDelivery, current: deliveryOf(batch[0]!, context.generation), batch: batch.slice(1) };
    }),
    takeNextRecord: assign(({ context }) => ({ ...noDelivery, current: deliveryOf(context.batch[0]!, context.generation), batch: context.batch.slice(1) })),
    advance: assign(({ context, event }) => {
      assertEvent(event, 'op.completed');
      return recordOp(context, event);
    }),
    // Consume-transform-produce: the receipt goes out inside the open transaction (KIP-98); the
    // offset and the commit follow as the next step, so a crash can fall between the two.
    produceInTransaction: assign(({ context }) => ({
      outbox: context.current ? [toBroker({ kind: 'txnProduce', msgId: context.current.msgId, key: context.current.key, inc: context.inc })] : [],
    })),
    commitTransaction: assign(({ context }) => {
      const position = context.current ? (context.current.offset ?? context.position) + 1 : context.position;
      return { ...noDelivery, position, outbox: [toBroker({ kind: 'txnCommit', generation: context.generation, offset: position, inc: context.inc })] };
    }),
    // The record is done: the position moves past it; what happens to the offset depends on the commit mode.
    finishRecord: assign(({ context }) => {
      const position = context.current ? (context.current.offset ?? context.position) + 1 : context.position;
      if (context.commit === 'sync') return { ...noDelivery, position, outbox: [commitNow({ ...context, position })] };
      const outbox: Output[] = context.dirty ? [] : [{ kind: 'startTimer', name: 'autoCommit', after: context.autoCommitIntervalMs }];
      return { ...noDelivery, position, dirty: true, outbox };
    }),
    markCommitted: assign({ dirty: false }),
    autoCommit: assign(({ context }) => ({ dirty: false, outbox: [commitNow(context)] })),
    // Actions chained through `continuing` add to the outbox the transition has built so far.
    poll: assign(({ context }) => ({ outbox: emit(context.outbox, fetchFrom(context)) })),
    // CommitFailedException, or a poll after being expelled: rejoin as a new member, forget the batch.
    rejoin: assign(({ context }) => ({
      ...noDelivery,
      inc: context.inc + 1,
      member: true,
      owns: false,
      batch: [],
      dirty: false,
      rejoinPending: false,
      outbox: emit(context.outbox, toBroker({ kind: 'join', inc: context.inc + 1 }), { kind: 'cancelTimer', name: 'autoCommit' }),
    })),
    leaveGroup: assign(({ context }) => ({ member: false, outbox: [toBroker({ kind: 'leave', inc: context.inc })] })),
    close: assign(({ context }) => ({
      owns: false,
      dirty: false,
      outbox: [
        ...(commitsOnRevoke(context) ? [commitNow(context)] : []),
        toBroker({ kind: 'leave', inc: context.inc }),
        { kind: 'cancelTimer', name: 'autoCommit' } as Output,
      ],
    })),
    crash: assign(({ context }) => ({
      ...noDelivery,
      batch: [],
      owns: false,
      dirty: false,
      memo: [],
      rejoinPending: false,
      outbox: [
        { kind: 'cancelTimer', name: 'autoCommit' },
        { kind: 'startTimer', name: 'restart', after: context.restartDelay },
      ] as Output[],
    })),
    restart: assign(({ context }) => ({ inc: context.inc + 1, member: true, outbox: [toBroker({ kind: 'join', inc: context.inc + 1 })] })),
  },
}).createMachine({
  id: 'kafka-consumer',
  context: ({ input }) => ({
    ...input,
    ...noDelivery,
    inc: 1,
    generation: 0,
    owns: false,
    position: 0,
    dirty: false,
    member: true,
    batch: [],
    rejoinPending: false,
    memo: [],
    outbox: [],
  }),
  initial: 'starting',
  // Handled the same way in every state that can receive them; the states where they do something
  // else (or nothing) say so, and their own handler wins.
  on: {
    // A rebalance reaching a consumer in the middle of a record is answered at its next poll.
    'rebalance.started': { actions: 'noteRebalance' },
    'fault.crashConsumer': { target: '.crashed', actions: 'crash' },
  },
  states: {
    starting: {
      always: [
        { guard: 'isStandby', target: 'stopped' },
        { target: 'joining', actions: 'join' },
      ],
    },
    stopped: { on: { 'consumer.started': { target: 'joining', actions: 'join' }, 'rebalance.started': {}, 'fault.crashConsumer': {} } },
    joining: {
      on: {
        'partition.assigned': [
          { guard: 'hasOffset', target: 'polling', actions: 'assignPartition' },
          { target: 'idle', actions: 'assignPartition' },
        ],
        'rebalance.started': {},
      },
    },
    // In the group without a partition: poll() returns nothing until a rebalance brings one.
    idle: { on: { 'rebalance.started': { target: 'joining', actions: 'rejoinNow' } } },
    polling: {
      on: {
        'records.fetched': { guard: 'isCurrentGeneration', target: 'processing', actions: 'takeBatch' },
        'rebalance.started': { target: 'joining', actions: 'rejoinNow' },
        'autoCommit.due': { guard: 'canAutoCommit', actions: 'autoCommit' },
        'fault.close': { target: 'closed', actions: 'close' },
      },
    },
    processing: {
      on: {
        'op.completed': [{ guard: 'isLastOp', target: 'finishing', actions: 'advance' }, { actions: 'advance' }],
        'fault.leaveGroup': { actions: 'leaveGroup' },
      },
    },
    // The handler returned; the next step moves the position past the record (and commits, in sync mode).
    finishing: {
      on: {
        'handler.returned': [
          { guard: 'isTransactional', target: 'inTransaction', actions: 'produceInTransaction' },
          { guard: 'isSync', target: 'committing', actions: 'finishRecord' },
          { target: 'continuing', actions: 'finishRecord' },
        ],
        'fault.leaveGroup': { actions: 'leaveGroup' },
      },
    },
    // The receipt is written but not committed: read_committed readers do not see it yet.
    inTransaction: {
      on: {
        'transaction.committing': { target: 'committing', actions: 'commitTransaction' },
        'fault.leaveGroup': { actions: 'leaveGroup' },
      },
    },
    committing: {
      on: {
        'commit.answered': [
          { guard: 'isCommitOk', target: 'continuing', actions: 'markCommitted' },
          { target: 'joining', actions: 'rejoin' },
        ],
      },
    },
    // Back at the top of the loop: the next record of the batch, or the next poll.
    continuing: {
      always: [
        { guard: 'notMember', target: 'joining', actions: 'rejoin' },
        { guard: 'mustRejoin', target: 'joining', actions: 'rejoinNow' },
        { guard: 'hasMoreRecords', target: 'processing', actions: 'takeNextRecord' },
        { target: 'polling', actions: 'poll' },
      ],
    },
    // Final, yet still handed what was already on its way to it (a rebalance sent before it left): it ignores that.
    closed: { type: 'final', on: { 'rebalance.started': {}, 'fault.crashConsumer': {} } },
    crashed: { on: { 'consumer.restarted': { target: 'joining', actions: 'restart' }, 'rebalance.started': {}, 'fault.crashConsumer': {} } },
  },
});
