/**
 * The handler operations consumer strategies are built from, and what each does to the world's
 * stores. Each operation is atomic; the checker may crash the consumer, or run another consumer,
 * between any two of them — which is exactly where check-then-act patterns break.
 */

import type { Db } from '../store/pg';
import { get, type Cache } from '../store/redis';

/** One atomic step of a handler. */
export type OpKind =
  | 'effect' //            the business write: charge the order (an increment)
  | 'upsert' //            the business write made idempotent: set the order's state to PAID
  | 'memoCheck' //         skip if the in-memory processed set has the key
  | 'memoAdd' //           add the key to the in-memory processed set
  | 'setnx' //             Redis SET key NX EX ttl: skip if the key already exists
  | 'cacheCheck' //        Redis GET key: skip if present
  | 'cacheSet' //          Redis SET key EX ttl
  | 'dbCheck' //           SELECT from the processed table: skip if a row exists
  | 'dbInsertWithEffect' // one transaction: INSERT processed row (no unique key) + business write
  | 'inboxTx' //           one transaction: INSERT inbox row (unique key) + business write; a duplicate key rolls back
  | 'inboxTxByMsgId'; //   the same, keyed on the broker's message id instead of the business key

/** Shared state outside the consumers: a database, a cache, and the ledger of business effects. */
export interface Stores {
  /**
   * The database (PostgreSQL at READ COMMITTED, see store/pg.ts): committed rows as `<table>:<key>`,
   * sorted, and the open transactions. The `inbox` table has a unique key on `key`; the `processed`
   * table has none, so it can hold the same key twice.
   */
  db: Db;
  /** The cache (Redis, see store/redis.ts). */
  cache: Cache;
  /** Committed business effects that changed something, per business key. A value above 1 is a duplicate. */
  ledger: Record<string, number>;
  /** The committed amounts charged per business key (labs check the amount, not only the count). */
  charged: Record<string, number>;
  /** Business keys parked in a dead-letter queue (sorted). */
  dead: string[];
  /** Per stored copy (`msgId/copy`) a reader's handler worked on: how its last attempt ended. */
  attempts?: Record<string, 'ok' | 'failed'>;
  /** Consumers whose next handler call waits for another transaction to end, and which (derived after every step). */
  waits?: Record<string, string>;
  /** Consumers whose next handler call is COMMIT (derived after every step). */
  committing?: string[];
  /** Consumers waiting in a cycle: PostgreSQL's deadlock detector aborts one of them (derived). */
  deadlocked?: string[];
}

/** The stores' own fields, in their canonical order (the look-ahead derives the others from the world). */
export const ownStoreFields = ['db', 'cache', 'ledger', 'charged', 'dead', 'attempts'] as const;
/** The fields derived after every step (who waits, who is about to COMMIT, who is in a deadlock), in their canonical order. */
export const derivedStoreFields = ['waits', 'committing', 'deadlocked'] as const;

/** Stores before anything happened. */
export const emptyStores = (db: Db = { rows: [], cols: {}, txs: [] }): Stores => ({ db, cache: {}, ledger: {}, charged: {}, dead: [] });

/** What running one operation did. */
export interface OpOutcome {
  stores: Stores;
  /** The handler decided the message was already processed and goes straight to the ack. */
  skip: boolean;
  /** The business write ran in this operation (whether or not it changed anything). */
  effect: boolean;
  /** A key to add to the consumer's in-memory set. */
  remember: string | null;
  /** A cache key whose TTL timer must (re)start. */
  ttlKey: string | null;
  /** Log sentence key describing what happened. */
  explain: string;
}

/** A database row's name: `<table>:<key>`. */
export const row = (table: string, key: string): string => `${table}:${key}`;

const count = (ledger: Record<string, number>, key: string) => ({ ...ledger, [key]: (ledger[key] ?? 0) + 1 });

/** Runs one operation for the message with business key `key` (and broker message id `msgId`). Pure. */
export function runOp(op: OpKind, key: string, stores: Stores, memo: readonly string[], now: number, ttl: number, msgId: string = key): OpOutcome {
  const base = { stores, skip: false, effect: false, remember: null, ttlKey: null };
  switch (op) {
    case 'effect':
      return { ...base, stores: { ...stores, ledger: count(stores.ledger, key) }, effect: true, explain: 'op.effect' };
    case 'upsert': {
      // Setting a state is idempotent: only the first write changes anything.
      const changed = (stores.ledger[key] ?? 0) === 0;
      return {
        ...base,
        stores: changed ? { ...stores, ledger: count(stores.ledger, key) } : stores,
        effect: true,
        explain: changed ? 'op.upsert' : 'op.upsertNoChange',
      };
    }
    case 'memoCheck':
      return memo.includes(key) ? { ...base, skip: true, explain: 'op.memoHit' } : { ...base, explain: 'op.memoMiss' };
    case 'memoAdd':
      return { ...base, remember: key, explain: 'op.memoAdd' };
    case 'setnx':
      if (isCached(stores, key, now)) return { ...base, skip: true, explain: 'op.setnxExists' };
      return { ...base, stores: { ...stores, cache: { ...stores.cache, [key]: { value: '1', expires: now + ttl } } }, ttlKey: key, explain: 'op.setnxSet' };
    case 'cacheCheck':
      return isCached(stores, key, now) ? { ...base, skip: true, explain: 'op.cacheHit' } : { ...base, explain: 'op.cacheMiss' };
    case 'cacheSet':
      return { ...base, stores: { ...stores, cache: { ...stores.cache, [key]: { value: '1', expires: now + ttl } } }, ttlKey: key, explain: 'op.cacheSet' };
    case 'dbCheck':
      return stores.db.rows.includes(row('processed', key)) ? { ...base, skip: true, explain: 'op.dbHit' } : { ...base, explain: 'op.dbMiss' };
    case 'dbInsertWithEffect':
      return {
        ...base,
        stores: { ...stores, db: { ...stores.db, rows: [...stores.db.rows, row('processed', key)].sort() }, ledger: count(stores.ledger, key) },
        effect: true,
        explain: 'op.dbInsert',
      };
    case 'inboxTx':
      if (stores.db.rows.includes(row('inbox', key))) return { ...base, skip: true, explain: 'op.inboxDuplicate' };
      return {
        ...base,
        stores: { ...stores, db: { ...stores.db, rows: [...stores.db.rows, row('inbox', key)].sort() }, ledger: count(stores.ledger, key) },
        effect: true,
        explain: 'op.inboxInsert',
      };
    case 'inboxTxByMsgId':
      if (stores.db.rows.includes(row('inbox', msgId))) return { ...base, skip: true, explain: 'op.inboxDuplicateMsgId' };
      return {
        ...base,
        stores: { ...stores, db: { ...stores.db, rows: [...stores.db.rows, row('inbox', msgId)].sort() }, ledger: count(stores.ledger, key) },
        effect: true,
        explain: 'op.inboxInsertMsgId',
      };
  }
}

function isCached(stores: Stores, key: string, now: number): boolean {
  return get(stores.cache, key, now) !== null;
}
