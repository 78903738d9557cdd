/**
 * Readers' handlers (code labs) as consumer strategies. A handler is ordinary synchronous code that
 * talks to the world only through `ctx`; every `ctx` (and `tx`) call is one step, and the checker
 * may crash the consumer, or run another consumer's statement, between any two of them.
 *
 * To stop a handler between calls without threads or continuations, the engine re-runs it from the
 * start for each step, answering the calls it already made from a recorded history and suspending
 * at the first new call (deterministic replay). Handlers must therefore be deterministic: the sandbox
 * gives them no clock, no randomness and no I/O besides `ctx`, and runs each step on a fresh
 * instance of the reader's module, so module-level variables cannot leak between steps, consumers
 * or explored branches (grade.ts refuses a handler whose results depend on them).
 *
 * The database is store/pg.ts (PostgreSQL at READ COMMITTED), the cache store/redis.ts (Redis).
 */
import {
  autocommit,
  begin,
  commit,
  execute,
  rollback,
  type Columns,
  type Outcome,
  type Row,
  type SqlState,
  type Stmt,
  type TableName as Table,
} from '../store/pg';
import { del as cacheDel, get as cacheGet, set as cacheSet } from '../store/redis';
import type { Stores } from './ops';

/// <reference path="./handler-api.d.ts" />
// The handler API types (HandlerMessage, HandlerContext, …) are global declarations in
// handler-api.d.ts, so the editor and this engine read the same file.
/** The message a handler receives (alias of the global `HandlerMessage`). */
export type HandlerMessageT = HandlerMessage;
/** The context a handler receives (alias of the global `HandlerContext`). */
export type HandlerContextT = HandlerContext;

/**
 * A reader's handler. Returning means "done": the consumer acks (or commits its offset). Throwing
 * means failure: the broker's own failure path follows (requeue, retry later, nak…). The message
 * parameter is the lab's broker's message type.
 */
export type Handler = (message: never, ctx: HandlerContext) => unknown;

/** An error the database raised, with PostgreSQL's SQLSTATE. Rebuilt with the same class on every replay. */
export class DatabaseError extends Error {
  readonly code: SqlState;
  constructor(code: SqlState, message: string) {
    super(message);
    this.code = code;
    // defineProperty, not assignment: the sandbox freezes Error.prototype, and assigning over a
    // frozen inherited property throws in strict mode.
    Object.defineProperty(this, 'name', { value: NAMES[code] });
  }
}

/** The error an insert throws on a duplicate key (23505). */
export class UniqueViolation extends DatabaseError {
  constructor(message = 'duplicate key value violates unique constraint') {
    super('23505', message);
  }
}

const NAMES: Record<SqlState, string> = { '23505': 'UniqueViolation', '25P02': 'TransactionAborted', '40P01': 'DeadlockDetected', '08006': 'ConnectionLost' };

/**
 * The reader's module keeps state between calls of `handle` (a module-level Set, counter…): the same
 * step gave another result on an instance of the module that had run other steps before. Such state
 * would be shared by every explored branch and both consumers and survive crashes, so the proof
 * would not hold; the sandbox refuses it and points to `ctx.memory`.
 */
export class ModuleStateError extends Error {
  constructor(
    readonly fresh: string,
    readonly shared: string,
  ) {
    super(
      `handle keeps state in a module-level variable: the same step did "${shared}" on a module that had handled other messages, ` +
        `and "${fresh}" on a fresh one. Keep what one consumer process remembers in ctx.memory (lost when it crashes), ` +
        'and what must survive in the database.',
    );
    Object.defineProperty(this, 'name', { value: 'ModuleStateError' });
  }
}

/** A recorded result of one ctx call, replayed on later steps. */
export type CallRecord = { value: unknown } | { error: { code: SqlState; message: string } };

/** Thrown to stop a handler at its first new call. Never reaches reader code's catch (see below). */
class Suspend {
  constructor(readonly outcome: StepOutcome) {}
}

/** What one new call did to the stores, and what the engine must do about it. */
export interface CallEffect {
  stores: Stores;
  record: CallRecord;
  /** A business write became durable (committed) in this call. */
  effect: boolean;
  /** It changed the ledger (a charge, or a payment that was not there yet). */
  applied: boolean;
  /** A key to add to the consumer's in-memory set. */
  remember: string | null;
  /** A cache key whose expiry timer must (re)start. */
  ttlKey: string | null;
}

/** What running one step of a handler did. */
export type StepOutcome =
  | ({ kind: 'call'; name: string; args: string } & CallEffect)
  | { kind: 'blocked'; name: string; args: string; on: string }
  | { kind: 'returned' }
  | { kind: 'threw'; error: unknown; message: string };

/** Everything one step needs: the handler instance, the message, the history, the world's stores. */
export interface StepInput {
  handler: Handler;
  message: unknown;
  history: readonly CallRecord[];
  stores: Stores;
  memo: readonly string[];
  now: number;
  /** Who runs it (`c1`) and which delivery (its tag): they name the transactions. */
  actor: string;
  tag: string;
  /** The fault "the reply to COMMIT is lost": the commit happens, the handler gets a connection error. */
  loseCommitReply?: boolean;
}

/** The name PostgreSQL's error class has in the handler API (UniqueViolation, TransactionAborted…). */
export const errorName = (code: SqlState): string => NAMES[code];

/**
 * The error a recorded failure stands for, with its class. Built once per record (building an Error
 * captures a stack, a large share of the checker's time when every step replays the history) and
 * frozen, so a handler cannot carry state from one replay to the next on it.
 */
const rebuilt = new WeakMap<object, DatabaseError>();
export function rebuildError(e: { code: SqlState; message: string }): DatabaseError {
  let error = rebuilt.get(e);
  if (!error) {
    error = Object.freeze(e.code === '23505' ? new UniqueViolation(e.message) : new DatabaseError(e.code, e.message));
    rebuilt.set(e, error);
  }
  return error;
}

const freezeRow = (value: unknown) => (value && typeof value === 'object' ? Object.freeze({ ...(value as object) }) : value);
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : v === undefined ? '' : JSON.stringify(v));

/** Adds committed charges to the ledger and the amounts charged. */
function book(stores: Stores, charges: { key: string; amount: number }[] | undefined): Stores {
  if (!charges || charges.length === 0) return stores;
  const ledger = { ...stores.ledger };
  const charged = { ...stores.charged };
  for (const c of charges) {
    ledger[c.key] = (ledger[c.key] ?? 0) + 1;
    charged[c.key] = (charged[c.key] ?? 0) + c.amount;
  }
  return { ...stores, ledger, charged };
}

/** Runs the handler until its next new call (replaying earlier calls from `history`), executes that call, and stops. */
export function stepHandler(input: StepInput): StepOutcome {
  const { history, stores, memo, now, actor, tag } = input;
  let index = 0;
  const pc = history.length;
  // Once suspended, stay suspended: a handler that catches everything cannot swallow the stop.
  let suspended: StepOutcome | null = null;
  /** The open transaction's id while `work` runs, and whether a statement has opened it in the database. */
  let txId: string | null = null;
  let txOpened = false;

  const base = (): CallEffect => ({ stores, record: { value: null }, effect: false, applied: false, remember: null, ttlKey: null });

  /** One ctx call: replayed if recorded, executed and suspended if it is the next one. */
  const call = (name: string, args: unknown[], run: () => CallEffect | { blocked: string }): unknown => {
    if (suspended) throw new Suspend(suspended);
    const i = index++;
    if (i < pc) {
      const rec = history[i]!;
      if ('error' in rec) throw rebuildError(rec.error);
      return freezeRow(rec.value);
    }
    const given = args.slice(
      0,
      args.reduce<number>((n, a, i) => (a === undefined ? n : i + 1), 0),
    );
    const argText = given.map(show).join(', ');
    const r = run();
    suspended = 'blocked' in r ? { kind: 'blocked', name, args: argText, on: r.blocked } : { kind: 'call', name, args: argText, ...r };
    throw new Suspend(suspended);
  };

  /** A statement's outcome as a call effect: a value, an error, or a wait on another transaction. */
  const statement = (
    out: Outcome & { charges?: { key: string; amount: number }[] },
    map: (v: unknown) => unknown = (v) => v,
  ): CallEffect | { blocked: string } => {
    if (out.kind === 'wait') return { blocked: out.on };
    if (out.kind === 'error') return { ...base(), stores: { ...stores, db: out.db }, record: { error: { code: out.code, message: out.message } } };
    const next = book({ ...stores, db: out.db }, out.charges);
    const applied = (out.charges?.length ?? 0) > 0;
    return { ...base(), stores: next, record: { value: map(out.value) }, effect: applied, applied };
  };

  /** Runs a statement in the open transaction (opening it in the database first), or on its own. */
  const sql = (name: string, args: unknown[], stmt: Stmt, map?: (v: unknown) => unknown) =>
    call(name, args, () => {
      if (txId) {
        const db = txOpened ? stores.db : begin(stores.db, txId);
        return statement(execute(db, txId, stmt), map);
      }
      return statement(autocommit(stores.db, `${actor}/auto`, stmt), map);
    });
  const inTx = (name: string, args: unknown[], stmt: Stmt, map?: (v: unknown) => unknown) => {
    const r = sql(name, args, stmt, map);
    txOpened = true;
    return r;
  };

  const asBool = (v: unknown) => v !== null && v !== undefined && v !== false;
  const tables: readonly Table[] = ['inbox', 'processed', 'orders'];
  const checkTable = (t: unknown) => {
    if (!tables.includes(t as Table)) throw new TypeError(`unknown table ${JSON.stringify(t)}: use 'inbox', 'processed' or 'orders'`);
    return t as Table;
  };
  const cols = (c: unknown): Columns => {
    const out: Columns = {};
    if (c && typeof c === 'object') {
      const o = c as Record<string, unknown>;
      if (typeof o.status === 'string') out.status = o.status;
      if (typeof o.version === 'number') out.version = o.version;
      if (typeof o.amount === 'number') out.amount = o.amount;
    }
    return out;
  };
  const effects = (prefix: string, run: typeof sql): HandlerEffects => ({
    addToBalance: (order, amount) => void run(`${prefix}.addToBalance`, [order, amount], { op: 'charge', key: String(order), amount: Number(amount) }),
    recordPayment: (order, amount) => void run(`${prefix}.recordPayment`, [order, amount], { op: 'pay', key: String(order), amount: Number(amount) }),
  });

  // The statements both a transaction and the connection outside one can run, in one place.
  const select = (t: unknown, key: unknown): Extract<Stmt, { op: 'select' }> => ({ op: 'select', table: checkTable(t), key: String(key) });
  const insert = (t: unknown, key: unknown, values: unknown, onConflictDoNothing = false): Stmt => ({
    op: 'insert',
    table: checkTable(t),
    key: String(key),
    values: cols(values),
    ...(onConflictDoNothing ? { onConflictDoNothing } : {}),
  });
  const update = (t: unknown, key: unknown, set: unknown, where: unknown): Stmt => ({
    op: 'update',
    table: checkTable(t),
    key: String(key),
    set: cols(set),
    ...(where ? { where: cols(where) } : {}),
  });

  const tx: HandlerTx = {
    select: (t, key) => inTx('tx.select', [t, key], select(t, key)) as Row | null,
    selectForUpdate: (t, key) => inTx('tx.selectForUpdate', [t, key], { ...select(t, key), forUpdate: true }) as Row | null,
    exists: (t, key) => inTx('tx.exists', [t, key], select(t, key), asBool) as boolean,
    insert: (t, key, values) => void inTx('tx.insert', [t, key, values], insert(t, key, values)),
    insertIfAbsent: (t, key, values) => inTx('tx.insertIfAbsent', [t, key, values], insert(t, key, values, true)) as boolean,
    update: (t, key, set, where) => inTx('tx.update', [t, key, set, where], update(t, key, set, where)) as number,
    effects: effects('tx.effects', inTx),
  };
  const outsideTx = (name: string) => {
    if (txId) throw new Error(`ctx.db.${name} inside a transaction runs on another connection here: use tx.${name}`);
  };
  const own = (name: string, args: unknown[], stmt: Stmt, map?: (v: unknown) => unknown) => {
    outsideTx(name.slice(3));
    return sql(name, args, stmt, map);
  };

  const ctx: HandlerContext = {
    db: {
      select: (t, key) => own('db.select', [t, key], select(t, key)) as Row | null,
      exists: (t, key) => own('db.exists', [t, key], select(t, key), asBool) as boolean,
      insert: (t, key, values) => void own('db.insert', [t, key, values], insert(t, key, values)),
      insertIfAbsent: (t, key, values) => own('db.insertIfAbsent', [t, key, values], insert(t, key, values, true)) as boolean,
      update: (t, key, set, where) => own('db.update', [t, key, set, where], update(t, key, set, where)) as number,
      transaction: <T>(work: (tx: HandlerTx) => T): T => {
        if (txId) throw new Error('ctx.db.transaction inside a transaction: PostgreSQL has no nested transactions');
        txId = `${actor}/${tag}/${index}`;
        txOpened = false;
        const id = txId;
        let value: T;
        try {
          value = work(tx);
        } catch (error) {
          if (error instanceof Suspend) throw error;
          txId = null;
          // ROLLBACK is its own step; the reader's error then leaves transaction() as it was thrown.
          if (txOpened) call('db.rollback', [], () => ({ ...base(), stores: { ...stores, db: rollback(stores.db, id) } }));
          throw error;
        }
        txId = null;
        if (txOpened) {
          call('db.commit', [], () => {
            const done = commit(stores.db, id);
            const next = book({ ...stores, db: done.db }, done.charges);
            const applied = done.charges.length > 0;
            const record: CallRecord = input.loseCommitReply
              ? { error: { code: '08006', message: 'connection lost before the reply to COMMIT: it may or may not have committed' } }
              : { value: done.committed ? 'COMMIT' : 'ROLLBACK' };
            return { ...base(), stores: next, record, effect: applied, applied };
          });
        }
        return value;
      },
      isUniqueViolation: (error) => error instanceof UniqueViolation,
    },
    cache: {
      get: (key) => call('cache.get', [key], () => ({ ...base(), record: { value: cacheGet(stores.cache, String(key), now) } })) as string | null,
      set: (key, value, options = {}) =>
        call('cache.set', [key, value, options], () => {
          const px = typeof options.px === 'number' ? options.px : 0;
          const r = cacheSet(stores.cache, String(key), String(value), { nx: options.nx === true, px }, now);
          return { ...base(), stores: { ...stores, cache: r.cache }, record: { value: r.ok }, ttlKey: r.ok && px > 0 ? String(key) : null };
        }) as boolean,
      del: (key) =>
        call('cache.del', [key], () => {
          const r = cacheDel(stores.cache, String(key), now);
          return { ...base(), stores: { ...stores, cache: r.cache }, record: { value: r.removed } };
        }) as number,
    },
    effects: {
      addToBalance: (order, amount) => void own('db.addToBalance', [order, amount], { op: 'charge', key: String(order), amount: Number(amount) }),
      recordPayment: (order, amount) => void own('db.recordPayment', [order, amount], { op: 'pay', key: String(order), amount: Number(amount) }),
    },
    memory: {
      has: (key) => call('memory.has', [key], () => ({ ...base(), record: { value: memo.includes(String(key)) } })) as boolean,
      add: (key) => void call('memory.add', [key], () => ({ ...base(), remember: String(key) })),
    },
  };

  let thrown: unknown = null;
  let threw = false;
  try {
    (input.handler as (m: unknown, c: HandlerContext) => unknown)(input.message, ctx);
  } catch (error) {
    thrown = error;
    threw = true;
  }
  if (suspended) return suspended;
  if (threw) return { kind: 'threw', error: thrown, message: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown) };
  return { kind: 'returned' };
}
