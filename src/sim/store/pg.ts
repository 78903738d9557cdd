/**
 * The database a consumer dedups with, modelled on PostgreSQL 15 at its default isolation level,
 * READ COMMITTED (https://www.postgresql.org/docs/15/transaction-iso.html). Pure functions over
 * plain data: a transaction is a sequence of statements, each one step the checker can interleave
 * with another consumer's, and crash between.
 *
 * The rules, each checked against a real PostgreSQL in tests/conformance/store.conformance.test.ts:
 * - A statement sees the rows committed before it began, plus its own transaction's writes. Two
 *   statements of one transaction can see different data; `SELECT; INSERT` is not atomic.
 * - A unique-key INSERT that meets another open transaction's uncommitted insert of the same key
 *   waits for it: commit → unique violation (23505); rollback → the insert succeeds
 *   (https://www.postgresql.org/docs/15/index-unique-checks.html). It also waits for a transaction
 *   that has updated the existing row (not for one that only locked it FOR UPDATE), then fails.
 * - UPDATE and SELECT … FOR UPDATE on a row another open transaction has updated or locked wait for
 *   it to end, then re-evaluate their WHERE on the newly committed row version. An UPDATE whose WHERE
 *   does not match the version it sees does not wait. FOR UPDATE locks only rows that exist: on a
 *   missing row it locks nothing.
 * - After an error, every statement fails with 25P02 until the transaction ends; COMMIT then rolls
 *   back. A dropped connection rolls back the open transaction.
 */

/** Tables a handler can use: `inbox` has a unique key, `processed` has none, `orders` is keyed by order. */
export type TableName = 'inbox' | 'processed' | 'orders';

/** The typed columns a row may carry (enough for the state-machine and optimistic-version patterns). */
export interface Columns {
  status?: string;
  version?: number;
  amount?: number;
}

/** A row as a statement returns it. */
export interface Row extends Columns {
  table: TableName;
  key: string;
}

/** SQLSTATE codes the model can return. */
export type SqlState = '23505' | '25P02' | '08006' | '40P01';

/** One statement. `charge` is `INSERT INTO charges` (no unique key); `pay` is `INSERT INTO payments … ON CONFLICT DO NOTHING`. */
export type Stmt =
  | { op: 'select'; table: TableName; key: string; forUpdate?: boolean }
  | { op: 'insert'; table: TableName; key: string; values?: Columns; onConflictDoNothing?: boolean }
  | { op: 'update'; table: TableName; key: string; set: Columns; where?: Columns }
  | { op: 'charge'; key: string; amount: number }
  | { op: 'pay'; key: string; amount: number };

/** A write a transaction holds until it ends. */
export type Write =
  { kind: 'insert'; id: string; cols: Columns } | { kind: 'update'; id: string; cols: Columns } | { kind: 'charge'; key: string; amount: number };

/** An open transaction: its writes, the rows it has locked (updated, inserted, or selected FOR UPDATE), and whether an error aborted it. */
export interface Tx {
  id: string;
  writes: Write[];
  locks: string[];
  aborted: boolean;
}

/** The database: committed rows (`table:key`, sorted; `processed` may hold a key twice), their columns, and the open transactions. */
export interface Db {
  rows: string[];
  cols: Record<string, Columns>;
  txs: Tx[];
}

/** What a statement did: a result, a wait on another transaction, or an error (which aborts the transaction). */
export type Outcome =
  | { kind: 'ok'; db: Db; value: Row | null | number | boolean | null }
  | { kind: 'wait'; on: string }
  | { kind: 'error'; db: Db; code: SqlState; message: string };

/** Charges and payments a commit made durable, for the ledger. */
export interface Committed {
  db: Db;
  committed: boolean;
  charges: { key: string; amount: number }[];
}

const UNIQUE: ReadonlySet<string> = new Set(['inbox', 'orders', 'payments']);

/** `table:key`, the name of a row. */
export const rowId = (table: string, key: string) => `${table}:${key}`;
const tableOf = (id: string) => id.slice(0, id.indexOf(':'));
const keyOf = (id: string) => id.slice(id.indexOf(':') + 1);

/** An empty database. */
export const emptyDb = (): Db => ({ rows: [], cols: {}, txs: [] });

/** A database with committed rows already in it (the orders a lab starts from). */
export function seeded(rows: { table: TableName; key: string; cols?: Columns }[]): Db {
  const db = emptyDb();
  for (const r of rows) {
    const id = rowId(r.table, r.key);
    db.rows.push(id);
    if (r.cols) db.cols[id] = { ...r.cols };
  }
  db.rows.sort();
  return db;
}

/** The open transaction with this id, if any. */
export const txOf = (db: Db, id: string) => db.txs.find((t) => t.id === id);

/** Opens a transaction (BEGIN takes no snapshot at READ COMMITTED; its first statement does the work). */
export function begin(db: Db, id: string): Db {
  if (txOf(db, id)) return db;
  return { ...db, txs: [...db.txs, { id, writes: [], locks: [], aborted: false }].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** What transaction `txId` sees of row `id`: the committed version overlaid with its own writes; undefined if absent. */
function visible(db: Db, tx: Tx, id: string): Columns | undefined {
  let cols: Columns | undefined = db.rows.includes(id) ? (db.cols[id] ?? {}) : undefined;
  for (const w of tx.writes) {
    if (w.kind === 'insert' && w.id === id && cols === undefined) cols = w.cols;
    else if (w.kind === 'update' && w.id === id && cols !== undefined) cols = { ...cols, ...w.cols };
  }
  return cols;
}

/** Another open transaction that has locked row `id`. */
const lockedBy = (db: Db, me: string, id: string) => db.txs.find((t) => t.id !== me && t.locks.includes(id));

const matches = (cols: Columns, where: Columns | undefined) => !where || (Object.keys(where) as (keyof Columns)[]).every((c) => cols[c] === where[c]);

const withTx = (db: Db, tx: Tx): Db => ({ ...db, txs: db.txs.map((t) => (t.id === tx.id ? tx : t)) });
const lock = (tx: Tx, id: string): Tx => (tx.locks.includes(id) ? tx : { ...tx, locks: [...tx.locks, id].sort() });
const asRow = (id: string, cols: Columns): Row => ({ table: tableOf(id) as TableName, key: keyOf(id), ...cols });

/** The error a statement raises; it aborts the transaction. */
function fail(db: Db, tx: Tx, code: SqlState, message: string): Outcome {
  return { kind: 'error', db: withTx(db, { ...tx, aborted: true }), code, message };
}

/** Runs one statement in open transaction `txId`. Pure: returns the new database, a wait, or an error. */
export function execute(db: Db, txId: string, stmt: Stmt): Outcome {
  const tx = txOf(db, txId);
  if (!tx) throw new Error(`no open transaction ${txId}`);
  if (tx.aborted) return { kind: 'error', db, code: '25P02', message: 'current transaction is aborted, commands ignored until end of transaction block' };
  switch (stmt.op) {
    case 'select': {
      const id = rowId(stmt.table, stmt.key);
      const cols = visible(db, tx, id);
      if (cols === undefined || !stmt.forUpdate) return { kind: 'ok', db, value: cols === undefined ? null : asRow(id, cols) };
      // FOR UPDATE: wait for the row's lock holder, then read the latest committed version.
      const holder = lockedBy(db, txId, id);
      if (holder) return { kind: 'wait', on: holder.id };
      const latest = visible(db, tx, id);
      return { kind: 'ok', db: withTx(db, lock(tx, id)), value: latest === undefined ? null : asRow(id, latest) };
    }
    case 'insert':
    case 'pay': {
      const table = stmt.op === 'pay' ? 'payments' : stmt.table;
      const id = rowId(table, stmt.key);
      const cols: Columns = stmt.op === 'pay' ? { amount: stmt.amount } : { ...stmt.values };
      const doNothing = stmt.op === 'pay' || stmt.onConflictDoNothing === true;
      if (UNIQUE.has(table)) {
        // Someone else's uncommitted insert of the same key: wait to learn whether it commits.
        const claimant = db.txs.find((t) => t.id !== txId && t.writes.some((w) => w.kind === 'insert' && w.id === id));
        if (claimant && !db.rows.includes(id)) return { kind: 'wait', on: claimant.id };
        // A committed row that another open transaction has updated (not merely locked FOR UPDATE):
        // the unique check waits for that transaction too, then finds the row.
        const updater = db.txs.find((t) => t.id !== txId && t.writes.some((w) => w.kind === 'update' && w.id === id));
        if (updater && db.rows.includes(id)) return { kind: 'wait', on: updater.id };
        if (visible(db, tx, id) !== undefined) {
          if (doNothing) return { kind: 'ok', db, value: false };
          return fail(db, tx, '23505', `duplicate key value violates unique constraint "${table}_pkey"`);
        }
      }
      const next: Tx = { ...tx, writes: [...tx.writes, { kind: 'insert', id, cols }] };
      return { kind: 'ok', db: withTx(db, UNIQUE.has(table) ? lock(next, id) : next), value: true };
    }
    case 'update': {
      const id = rowId(stmt.table, stmt.key);
      const seen = visible(db, tx, id);
      // The WHERE filters the version this statement sees first: a row it does not match is not waited for.
      if (seen === undefined || !matches(seen, stmt.where)) return { kind: 'ok', db, value: 0 };
      const holder = lockedBy(db, txId, id);
      if (holder) return { kind: 'wait', on: holder.id };
      // After any wait, the WHERE is evaluated again on the newest committed version of the row.
      const cols = visible(db, tx, id)!;
      if (!matches(cols, stmt.where)) return { kind: 'ok', db, value: 0 };
      const next = lock({ ...tx, writes: [...tx.writes, { kind: 'update', id, cols: { ...stmt.set } }] }, id);
      return { kind: 'ok', db: withTx(db, next), value: 1 };
    }
    case 'charge': {
      const next: Tx = { ...tx, writes: [...tx.writes, { kind: 'charge', key: stmt.key, amount: stmt.amount }] };
      return { kind: 'ok', db: withTx(db, next), value: null };
    }
  }
}

/** Ends a transaction with COMMIT: its writes become visible together. An aborted transaction rolls back instead. */
export function commit(db: Db, txId: string): Committed {
  const tx = txOf(db, txId);
  if (!tx) throw new Error(`no open transaction ${txId}`);
  const rest = db.txs.filter((t) => t.id !== txId);
  if (tx.aborted) return { db: { ...db, txs: rest }, committed: false, charges: [] };
  const rows = [...db.rows];
  const cols = { ...db.cols };
  const charges: Committed['charges'] = [];
  for (const w of tx.writes) {
    if (w.kind === 'charge') charges.push({ key: w.key, amount: w.amount });
    else if (w.kind === 'insert') {
      rows.push(w.id);
      if (Object.keys(w.cols).length > 0) cols[w.id] = { ...w.cols };
      if (tableOf(w.id) === 'payments') charges.push({ key: keyOf(w.id), amount: w.cols.amount ?? 0 });
    } else cols[w.id] = { ...cols[w.id], ...w.cols };
  }
  rows.sort();
  return { db: { rows, cols, txs: rest }, committed: true, charges };
}

/** Ends a transaction with ROLLBACK (or a dropped connection): nothing it wrote survives, its locks are released. */
export function rollback(db: Db, txId: string): Db {
  return txOf(db, txId) ? { ...db, txs: db.txs.filter((t) => t.id !== txId) } : db;
}

/**
 * One statement outside a transaction (auto-commit): the statement and its COMMIT as one step. It
 * waits like any statement; on an error nothing is written.
 */
export function autocommit(db: Db, txId: string, stmt: Stmt): Outcome & { charges?: Committed['charges'] } {
  const out = execute(begin(db, txId), txId, stmt);
  if (out.kind === 'wait') return out;
  if (out.kind === 'error') return { ...out, db: rollback(out.db, txId) };
  const done = commit(out.db, txId);
  return { ...out, db: done.db, charges: done.charges };
}
