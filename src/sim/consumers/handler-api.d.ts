/**
 * The API a reader's handler is written against in the code labs. These are global declarations so
 * that the same file types the labs in this repository and is fed to the in-browser editor.
 *
 * Every call on `ctx` (and on `tx`) is one step: the checker may run another consumer's statement,
 * or crash this consumer, between any two of them. The database behaves like PostgreSQL 15 at its
 * default isolation level, READ COMMITTED; the cache like Redis 7; nothing is atomic across the two.
 */

/** What the producer wrote: the order to charge and its amount. */
interface OrderBody {
  /** The business key, e.g. "order-42": the same on every re-send of the same order. */
  readonly order: string;
  /** The amount to charge, in yuan. */
  readonly amount: number;
}

/**
 * Each broker's message type, by protocol id: each declares its own in its folder
 * (`src/sim/protocols/<id>/<id>.handler-api.d.ts`). In the editor only the lab's own broker's file is
 * loaded (see CodeLab/monaco.ts), so there `HandlerMessage` is that broker's message alone.
 */
interface HandlerMessages {}

/** Any lab's message: one of the brokers' message types. */
type HandlerMessage = HandlerMessages[keyof HandlerMessages];

/** Tables: `inbox` has a unique key on `key`; `processed` has none; `orders` holds one row per order (status 'UNPAID' or 'PAID', version, amount). */
type TableName = 'inbox' | 'processed' | 'orders';

/** The typed columns a row may carry. */
interface RowColumns {
  status?: string;
  version?: number;
  amount?: number;
}

/** A row as a SELECT returns it. */
interface DbRow extends RowColumns {
  readonly table: TableName;
  readonly key: string;
}

/** An error the database raised. `code` is PostgreSQL's SQLSTATE: 23505 unique violation, 25P02 transaction aborted, 40P01 deadlock, 08006 connection lost. */
interface DbError extends Error {
  readonly code: string;
}

/** The business writes that reach the ledger. */
interface HandlerEffects {
  /** Charges the order: `INSERT INTO charges` (no unique key), so twice is charged twice. */
  addToBalance(order: string, amount: number): void;
  /** `INSERT INTO payments … ON CONFLICT (order) DO NOTHING`: idempotent, a second call changes nothing. */
  recordPayment(order: string, amount: number): void;
}

/** Statements inside a transaction. Each is one step; none is visible to others before COMMIT. */
interface HandlerTx {
  /** `SELECT`: rows committed before this statement began, plus this transaction's own writes. */
  select(table: TableName, key: string): DbRow | null;
  /** `SELECT … FOR UPDATE`: waits for a transaction that locked the row, then locks it. A missing row locks nothing. */
  selectForUpdate(table: TableName, key: string): DbRow | null;
  /** `SELECT` that only says whether a row exists. */
  exists(table: TableName, key: string): boolean;
  /** `INSERT`. On a unique key held by another open transaction it waits; a duplicate throws a DbError 23505 and aborts the transaction. */
  insert(table: TableName, key: string, values?: RowColumns): void;
  /** `INSERT … ON CONFLICT DO NOTHING`: true if it inserted. */
  insertIfAbsent(table: TableName, key: string, values?: RowColumns): boolean;
  /**
   * `UPDATE table SET … WHERE key = $key AND <where>`: the number of rows changed (0 or 1). Waits for a row lock, then
   * re-checks the WHERE on the newest version.
   */
  update(table: TableName, key: string, set: RowColumns, where?: RowColumns): number;
  effects: HandlerEffects;
}

/** Everything a handler may touch. */
interface HandlerContext {
  db: {
    /** One statement on its own (auto-commit). One step each. */
    select(table: TableName, key: string): DbRow | null;
    exists(table: TableName, key: string): boolean;
    insert(table: TableName, key: string, values?: RowColumns): void;
    insertIfAbsent(table: TableName, key: string, values?: RowColumns): boolean;
    update(table: TableName, key: string, set: RowColumns, where?: RowColumns): number;
    /**
     * Runs `work` as one transaction (BEGIN … COMMIT): each statement is a step, COMMIT is a step,
     * and a throw out of `work` rolls back (a step) and is rethrown as it was. After an error inside
     * the transaction, further statements fail and COMMIT rolls back. A crash rolls back.
     */
    transaction<T>(work: (tx: HandlerTx) => T): T;
    /** True for the error an insert throws on a duplicate key (SQLSTATE 23505). */
    isUniqueViolation(error: unknown): boolean;
  };
  cache: {
    /** Redis GET. One step. */
    get(key: string): string | null;
    /** Redis SET [NX] [PX ms]; returns whether it was set. One step. Not atomic with the database. */
    set(key: string, value: string, options?: { nx?: boolean; px?: number }): boolean;
    /** Redis DEL: how many keys it removed. One step. */
    del(key: string): number;
  };
  /** Business writes outside a transaction (auto-commit). One step each. */
  effects: HandlerEffects;
  /** This consumer process's memory: lost when it crashes, not shared with other consumers. */
  memory: {
    has(key: string): boolean;
    add(key: string): void;
  };
}
