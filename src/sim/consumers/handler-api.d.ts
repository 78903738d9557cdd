/**
 * The API a reader's handler is written against in the code labs. These are global declarations so
 * that the same file types the labs in this repository and is fed to the in-browser editor.
 * Every method call on `ctx` is one atomic step: the checker may crash the consumer between two of them.
 */

/** What a handler sees of the message. */
interface HandlerMessage {
  /** The producer's message id (the same on every retry of the same publish). */
  readonly id: string;
  /** The business key, e.g. "order-42": what deduplication should use. */
  readonly key: string;
  /** Amount to charge, in yuan. */
  readonly amount: number;
  /** The broker's hint that this may have been delivered before (not proof it was processed). */
  readonly redelivered: boolean;
  /** 1 for the first delivery, 2 for the next, … */
  readonly deliveryCount: number;
}

/** Database tables: "inbox" has a unique key on the row's key; "processed" has none. */
type TableName = 'inbox' | 'processed';

/** The business writes that reach the ledger. */
interface HandlerEffects {
  /** balance += amount for the order: NOT idempotent (twice is charged twice). */
  addToBalance(key: string, amount: number): void;
  /** Upserts the payment row for the order: idempotent (a second call changes nothing). */
  recordPayment(key: string, amount: number): void;
}

/** A transaction: its writes commit together when the callback returns, or not at all if it throws. */
interface HandlerTx {
  exists(table: TableName, key: string): boolean;
  /** Inserts a row; in "inbox" a duplicate key throws a unique violation (and rolls the transaction back). */
  insert(table: TableName, key: string): void;
  effects: HandlerEffects;
}

/** Everything a handler may touch. */
interface HandlerContext {
  db: {
    /** Does the table have a row for this key? One step. */
    exists(table: TableName, key: string): boolean;
    /** Inserts a row on its own (auto-commit). One step. */
    insert(table: TableName, key: string): void;
    /** Runs the callback as one transaction. One step. */
    transaction(work: (tx: HandlerTx) => void): void;
    /** True for the error an insert throws on a duplicate key. */
    isUniqueViolation(error: unknown): boolean;
  };
  cache: {
    /** Redis GET. One step. */
    get(key: string): string | null;
    /** Redis SET [NX] [PX ttlMs]; returns whether it was set. One step. Not atomic with the database. */
    set(key: string, value: string, options?: { nx?: boolean; ttlMs?: number }): boolean;
  };
  /** Business writes outside a transaction. One step each. */
  effects: HandlerEffects;
  /** This consumer process's memory: lost when it crashes, not shared with other consumers. */
  memory: {
    has(key: string): boolean;
    add(key: string): void;
  };
}
