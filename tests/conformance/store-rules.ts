/**
 * The store rules the conformance test plays on a real PostgreSQL / Redis, and how each is played
 * through the model (src/sim/store). Shared by tests/conformance/store.conformance.test.ts (model
 * against the real servers) and tests/unit/store.test.ts (model against the recorded transcripts in
 * content/conformance/results.json, without servers). Pure: no connections, no file access.
 */
import { begin, commit, execute, rollback, seeded, txOf, type Columns, type Db, type Row, type Stmt, type TableName } from '../../src/sim/store/pg';
import { del as cacheDel, get as cacheGet, set as cacheSet, type Cache } from '../../src/sim/store/redis';
import type { Words } from './results';

// ---------------------------------------------------------------------------------------------
// Scripts

export type Conn = 'A' | 'B';
export type AnyTable = TableName | 'charges' | 'payments';
/** One step of a script: a statement, or the end of that connection's transaction. */
export type Step = { on: Conn; stmt: Stmt } | { on: Conn; end: 'commit' | 'rollback' | 'drop' };

export interface PgRule {
  id: string;
  title: Words;
  /** Committed rows before the script starts. */
  seed: { table: TableName; key: string; cols?: Columns }[];
  script: Step[];
  note: Words;
}

export const K = 'order-42';
const on = (c: Conn) => ({
  select: (table: TableName, key = K): Step => ({ on: c, stmt: { op: 'select', table, key } }),
  selectForUpdate: (table: TableName, key = K): Step => ({ on: c, stmt: { op: 'select', table, key, forUpdate: true } }),
  insert: (table: TableName, key = K, values?: Columns): Step => ({ on: c, stmt: { op: 'insert', table, key, ...(values ? { values } : {}) } }),
  update: (table: TableName, set: Columns, where?: Columns, key = K): Step => ({ on: c, stmt: { op: 'update', table, key, set, ...(where ? { where } : {}) } }),
  charge: (amount = 100, key = K): Step => ({ on: c, stmt: { op: 'charge', key, amount } }),
  pay: (amount = 100, key = K): Step => ({ on: c, stmt: { op: 'pay', key, amount } }),
  commit: (): Step => ({ on: c, end: 'commit' }),
  rollback: (): Step => ({ on: c, end: 'rollback' }),
  drop: (): Step => ({ on: c, end: 'drop' }),
});
export const A = on('A');
export const B = on('B');
export const unpaid = { table: 'orders' as const, key: K, cols: { status: 'UNPAID', version: 0, amount: 100 } };

export const rules: PgRule[] = [
  {
    id: 'pg-read-committed-visibility',
    title: { en: 'Each statement sees what was committed before it began', 'zh-cn': '每条语句看到的是它开始前已提交的数据' },
    seed: [],
    script: [
      A.select('inbox'),
      B.insert('inbox'),
      B.commit(),
      A.select('inbox'),
      A.insert('inbox', 'order-43'),
      B.select('inbox', 'order-43'),
      A.commit(),
      B.select('inbox', 'order-43'),
      B.commit(),
    ],
    note: {
      en:
        'READ COMMITTED: A’s second SELECT, in the same transaction, sees the row B committed ' +
        'after A’s first one; A’s own uncommitted insert is invisible to B until A commits',
      'zh-cn': 'READ COMMITTED：A 在同一个事务里的第二条 SELECT 能看到 B 在它第一条 SELECT 之后提交的行；A 自己还没提交的插入，B 在 A 提交之前看不到',
    },
  },
  {
    id: 'pg-check-then-insert-race',
    title: { en: 'Check, then insert, on a table without a unique key', 'zh-cn': '没有唯一键的表上先查后插' },
    seed: [],
    script: [A.select('processed'), B.select('processed'), A.insert('processed'), B.insert('processed'), A.charge(), B.charge(), A.commit(), B.commit()],
    note: {
      en: 'table processed has no unique key: both transactions find nothing, both insert, both charge, both commit; two rows and two charges',
      'zh-cn': 'processed 表没有唯一键：两个事务都没查到，都插入、都扣款、都提交；结果是两行记录、两笔扣款',
    },
  },
  {
    id: 'pg-unique-insert-waits-commit',
    title: { en: 'A unique insert waits for an uncommitted one; it commits', 'zh-cn': '唯一键插入等待未提交的同键插入：对方提交' },
    seed: [],
    script: [A.insert('inbox'), B.insert('inbox'), A.commit(), B.select('inbox'), B.commit()],
    note: {
      en:
        'inbox(key primary key): B’s INSERT of the same key waits for A; A commits, ' +
        'so B gets 23505, B’s transaction is aborted (25P02) and its COMMIT rolls back',
      'zh-cn': 'inbox(key 为主键)：B 插入同一个键时等待 A；A 提交后 B 得到 23505，B 的事务随之中止（25P02），它的 COMMIT 实际是回滚',
    },
  },
  {
    id: 'pg-unique-insert-waits-rollback',
    title: { en: 'A unique insert waits for an uncommitted one; it rolls back', 'zh-cn': '唯一键插入等待未提交的同键插入：对方回滚' },
    seed: [],
    script: [A.insert('inbox'), B.insert('inbox'), A.rollback(), B.commit()],
    note: {
      en: 'the same wait, but A rolls back: B’s insert then succeeds and commits',
      'zh-cn': '同样的等待，但 A 回滚了：B 的插入随即成功并提交',
    },
  },
  {
    id: 'pg-aborted-transaction',
    title: { en: 'After an error the transaction is aborted', 'zh-cn': '出错之后事务处于中止状态' },
    seed: [{ table: 'inbox', key: 'order-41' }],
    script: [A.insert('inbox'), A.insert('inbox', 'order-41'), A.select('inbox'), A.commit()],
    note: {
      en: 'A inserts order-42, then a duplicate order-41 (23505); its next statement gets 25P02, and COMMIT answers ROLLBACK: order-42 is gone too',
      'zh-cn': 'A 先插入 order-42，再插入重复的 order-41（23505）；之后的语句得到 25P02，COMMIT 的回复是 ROLLBACK：order-42 也没有留下',
    },
  },
  {
    id: 'pg-select-for-update-waits',
    title: { en: 'SELECT … FOR UPDATE waits for the row’s lock, then reads the new version', 'zh-cn': 'SELECT … FOR UPDATE 等待行锁，然后读到新版本' },
    seed: [unpaid],
    script: [A.selectForUpdate('orders'), B.selectForUpdate('orders'), A.update('orders', { status: 'PAID' }), A.commit(), B.commit()],
    note: {
      en: 'A locks the order row; B’s FOR UPDATE on it waits; A sets status PAID and commits; B’s statement then returns the row as PAID',
      'zh-cn': 'A 锁住订单行；B 对同一行的 FOR UPDATE 开始等待；A 把状态改成 PAID 并提交；B 的语句随后返回的行已是 PAID',
    },
  },
  {
    id: 'pg-for-update-missing-row',
    title: { en: 'FOR UPDATE on a missing row locks nothing', 'zh-cn': '对不存在的行 FOR UPDATE 什么也锁不住' },
    seed: [],
    script: [A.selectForUpdate('inbox'), B.selectForUpdate('inbox'), A.insert('inbox'), B.insert('inbox'), A.commit(), B.commit()],
    note: {
      en: 'both FOR UPDATE on a key not in inbox return nothing and neither waits; only the unique key then makes B wait and fail with 23505',
      'zh-cn': '两边对 inbox 里不存在的键做 FOR UPDATE，都返回空，谁也不等谁；之后真正让 B 等待并以 23505 失败的是唯一键',
    },
  },
  {
    id: 'pg-conditional-update-recheck',
    title: { en: 'A conditional UPDATE re-checks its WHERE after waiting', 'zh-cn': '带条件的 UPDATE 等待之后重新检查 WHERE' },
    seed: [unpaid],
    script: [
      A.update('orders', { status: 'PAID' }, { status: 'UNPAID' }),
      B.update('orders', { status: 'PAID' }, { status: 'UNPAID' }),
      A.commit(),
      B.commit(),
    ],
    note: {
      en: 'both run UPDATE … SET status = PAID WHERE status = UNPAID; B waits for A, then evaluates its WHERE on the row A committed and changes 0 rows',
      'zh-cn': '两边都执行 UPDATE … SET status = PAID WHERE status = UNPAID；B 等待 A，然后在 A 提交的新行上重新判断 WHERE，改动 0 行',
    },
  },
  {
    id: 'pg-update-where-false-no-wait',
    title: { en: 'An UPDATE whose WHERE is false on the committed row does not wait', 'zh-cn': 'WHERE 对已提交版本不成立的 UPDATE 不会等待' },
    seed: [unpaid],
    script: [
      A.update('orders', { status: 'PAID' }, { status: 'UNPAID' }),
      B.update('orders', { status: 'SHIPPED' }, { status: 'PAID' }),
      A.commit(),
      B.commit(),
    ],
    note: {
      en:
        'A sets PAID where UNPAID, uncommitted; B’s UPDATE … WHERE status = PAID filters ' +
        'on the committed row (UNPAID), so it changes 0 rows at once, without waiting for A',
      'zh-cn': 'A 把 UNPAID 改成 PAID，尚未提交；B 的 UPDATE … WHERE status = PAID 按已提交的行（UNPAID）过滤，立即改动 0 行，不等 A',
    },
  },
  {
    id: 'pg-optimistic-version',
    title: { en: 'Optimistic locking with a version column', 'zh-cn': '用版本号列做乐观锁' },
    seed: [unpaid],
    script: [
      A.select('orders'),
      B.select('orders'),
      A.update('orders', { status: 'PAID', version: 1 }, { version: 0 }),
      A.commit(),
      B.update('orders', { status: 'PAID', version: 1 }, { version: 0 }),
      B.commit(),
    ],
    note: {
      en: 'both read version 0; A’s UPDATE … SET version = 1 WHERE version = 0 changes 1 row and commits; B’s same UPDATE changes 0 rows',
      'zh-cn': '两边都读到版本 0；A 的 UPDATE … SET version = 1 WHERE version = 0 改动 1 行并提交；B 同样的 UPDATE 改动 0 行',
    },
  },
  {
    id: 'pg-on-conflict-do-nothing-waits',
    title: { en: 'INSERT … ON CONFLICT DO NOTHING waits, then inserts nothing', 'zh-cn': 'INSERT … ON CONFLICT DO NOTHING 先等待，然后什么也不插入' },
    seed: [],
    script: [A.pay(), B.pay(), A.commit(), B.commit()],
    note: {
      en: 'payments(key primary key): B’s INSERT … ON CONFLICT DO NOTHING of the same key waits for A; A commits, so B inserts 0 rows, without an error',
      'zh-cn': 'payments(key 为主键)：B 对同一个键的 INSERT … ON CONFLICT DO NOTHING 等待 A；A 提交后 B 插入 0 行，不报错',
    },
  },
  {
    id: 'pg-insert-waits-on-updated-row',
    title: { en: 'A unique insert also waits for a row another transaction has updated', 'zh-cn': '唯一键插入也会等待被其他事务更新、尚未提交的行' },
    seed: [unpaid],
    script: [A.update('orders', { status: 'PAID' }), B.insert('orders', K, { status: 'UNPAID', version: 0, amount: 100 }), A.commit(), B.commit()],
    note: {
      en: 'the order row exists; A updates it, uncommitted; B’s INSERT of the same key does not fail at once but waits for A, and gets 23505 when A commits',
      'zh-cn': '订单行已存在；A 更新了它但还没提交；B 插入同一个键时不是立即失败，而是等待 A，A 提交后得到 23505',
    },
  },
  {
    id: 'pg-insert-do-nothing-waits-on-updated-row',
    title: { en: 'ON CONFLICT DO NOTHING waits for an updated row too', 'zh-cn': 'ON CONFLICT DO NOTHING 同样会等待被更新的行' },
    seed: [unpaid],
    script: [
      A.update('orders', { status: 'PAID' }),
      { on: 'B', stmt: { op: 'insert', table: 'orders', key: K, values: { status: 'UNPAID', version: 0, amount: 100 }, onConflictDoNothing: true } },
      A.commit(),
      B.commit(),
    ],
    note: {
      en: 'as above, with INSERT … ON CONFLICT DO NOTHING: B waits for A’s update, then inserts 0 rows without an error',
      'zh-cn': '同上，但改用 INSERT … ON CONFLICT DO NOTHING：B 等待 A 的更新结束，然后插入 0 行，不报错',
    },
  },
  {
    id: 'pg-insert-on-locked-row-no-wait',
    title: { en: 'A row only locked FOR UPDATE does not make an insert wait', 'zh-cn': '只被 FOR UPDATE 锁住的行不会让插入等待' },
    seed: [unpaid],
    script: [
      A.selectForUpdate('orders'),
      { on: 'B', stmt: { op: 'insert', table: 'orders', key: K, values: { status: 'UNPAID' }, onConflictDoNothing: true } },
      B.insert('orders', K, { status: 'UNPAID' }),
      A.commit(),
      B.commit(),
    ],
    note: {
      en:
        'A holds the order row FOR UPDATE without changing it; B’s INSERT … ' +
        'ON CONFLICT DO NOTHING of that key returns 0 rows at once, and a plain INSERT fails with 23505 at once',
      'zh-cn': 'A 以 FOR UPDATE 锁住订单行但没有修改；B 对同一个键的 INSERT … ON CONFLICT DO NOTHING 立即返回 0 行，普通 INSERT 立即以 23505 失败',
    },
  },
  {
    id: 'pg-dropped-connection-rolls-back',
    title: { en: 'A dropped connection rolls its transaction back', 'zh-cn': '连接断开会回滚其中的事务' },
    seed: [],
    script: [A.insert('inbox'), A.charge(), A.drop(), B.select('inbox'), B.insert('inbox'), B.charge(), B.commit()],
    note: {
      en:
        'A inserts into inbox and charges, then its socket is closed before COMMIT; once A’s backend is gone, ' +
        'B sees nothing of it, and B’s insert of the same key succeeds: one row, one charge',
      'zh-cn': 'A 插入 inbox 并扣款，然后在 COMMIT 之前套接字被关闭；等 A 的后端进程退出后，B 看不到 A 写的任何东西，B 插入同一个键成功：一行记录、一笔扣款',
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Statements as SQL, and outcomes as lines

const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
export const COLUMNS: readonly (keyof Columns)[] = ['status', 'version', 'amount'];
const colsOf = (c: Columns) => COLUMNS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]!] as const);

/** The SQL a statement is, exactly as it is sent to PostgreSQL and shown in the transcript. */
export function sql(stmt: Stmt): string {
  switch (stmt.op) {
    case 'select':
      return `SELECT * FROM ${stmt.table} WHERE key = ${literal(stmt.key)}${stmt.forUpdate ? ' FOR UPDATE' : ''}`;
    case 'insert': {
      const cols = colsOf(stmt.values ?? {});
      const names = ['key', ...cols.map(([k]) => k)].join(', ');
      const values = [literal(stmt.key), ...cols.map(([, v]) => literal(v))].join(', ');
      return `INSERT INTO ${stmt.table} (${names}) VALUES (${values})${stmt.onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : ''}`;
    }
    case 'update': {
      const set = colsOf(stmt.set).map(([k, v]) => `${k} = ${literal(v)}`);
      const where = [`key = ${literal(stmt.key)}`, ...colsOf(stmt.where ?? {}).map(([k, v]) => `${k} = ${literal(v)}`)];
      return `UPDATE ${stmt.table} SET ${set.join(', ')} WHERE ${where.join(' AND ')}`;
    }
    case 'charge':
      return `INSERT INTO charges (key, amount) VALUES (${literal(stmt.key)}, ${stmt.amount})`;
    case 'pay':
      return `INSERT INTO payments (key, amount) VALUES (${literal(stmt.key)}, ${stmt.amount}) ON CONFLICT DO NOTHING`;
  }
}

export const stepText = (s: Step) => ('stmt' in s ? sql(s.stmt) : s.end === 'drop' ? 'connection dropped before COMMIT' : s.end.toUpperCase());

/** A row as `key col=value …`, nulls left out (the same form for a real row and a model row). */
export function rowText(row: { key: string } & Partial<Record<keyof Columns, unknown>>): string {
  return [row.key, ...COLUMNS.filter((c) => row[c] !== null && row[c] !== undefined).map((c) => `${c}=${String(row[c])}`)].join(' ');
}

export const rows = (n: number) => `ok ${n} ${n === 1 ? 'row' : 'rows'}`;
export const other = (c: Conn): Conn => (c === 'A' ? 'B' : 'A');
export const tablesOf = (rule: PgRule): AnyTable[] => {
  const used = new Set<AnyTable>(rule.seed.map((r) => r.table));
  for (const s of rule.script) if ('stmt' in s) used.add(s.stmt.op === 'charge' ? 'charges' : s.stmt.op === 'pay' ? 'payments' : s.stmt.table);
  return (['inbox', 'processed', 'orders', 'payments', 'charges'] as const).filter((t) => used.has(t));
};
export const finalLine = (table: AnyTable, lines: string[]) => `after: ${table} = ${lines.length ? [...lines].sort().join('; ') : '(empty)'}`;

// ---------------------------------------------------------------------------------------------
// The model side

/** Plays a script through src/sim/store/pg.ts with transaction ids 'A' and 'B'. */
export function runModel(rule: PgRule): string[] {
  let db: Db = seeded(rule.seed);
  const open = new Set<Conn>();
  const waiting = new Map<Conn, Stmt>();
  const charges: string[] = [];
  const out: string[] = [];

  const outcome = (stmt: Stmt, value: Row | null | number | boolean): string => {
    if (stmt.op === 'select') return value && typeof value === 'object' ? `ok ${rowText(value)}` : 'ok none';
    if (stmt.op === 'update') return rows(value as number);
    if (stmt.op === 'charge') return rows(1); // INSERT INTO charges always adds its row
    return rows(value === false ? 0 : 1); // insert / pay: true, or false when ON CONFLICT DO NOTHING skipped it
  };
  const run = (c: Conn, stmt: Stmt, resumed: boolean) => {
    const r = execute(db, c, stmt);
    const prefix = `${c}: ${resumed ? 'after the wait, ' : ''}${sql(stmt)} →`;
    if (r.kind === 'wait') {
      waiting.set(c, stmt);
      out.push(`${prefix} ${resumed ? 'still waits' : 'waits'}`);
    } else if (r.kind === 'error') {
      db = r.db;
      out.push(`${prefix} error ${r.code}`);
    } else {
      db = r.db;
      out.push(`${prefix} ${outcome(stmt, r.value)}`);
    }
  };

  for (const step of rule.script) {
    const c = step.on;
    if (waiting.has(c)) {
      out.push(`${c}: ${stepText(step)} → not sent: ${c} is still waiting`);
      continue;
    }
    if ('stmt' in step) {
      if (!open.has(c)) {
        db = begin(db, c);
        open.add(c);
      }
      run(c, step.stmt, false);
      continue;
    }
    if (step.end === 'commit') {
      const own = (txOf(db, c)?.writes ?? []).flatMap((w) => (w.kind === 'charge' ? [rowText({ key: w.key, amount: w.amount })] : []));
      const done = commit(db, c);
      db = done.db;
      if (done.committed) charges.push(...own);
      out.push(`${c}: COMMIT → ${done.committed ? 'COMMIT' : 'ROLLBACK'}`);
    } else {
      db = rollback(db, c);
      out.push(step.end === 'rollback' ? `${c}: ROLLBACK → ROLLBACK` : `${c}: connection dropped before COMMIT → backend gone`);
    }
    open.delete(c);
    // The other connection's waiting statement goes on now that this transaction has ended.
    const held = waiting.get(other(c));
    if (held) {
      waiting.delete(other(c));
      run(other(c), held, true);
    }
  }
  for (const c of [...open]) db = rollback(db, c);

  for (const table of tablesOf(rule)) {
    if (table === 'charges') out.push(finalLine(table, charges));
    else
      out.push(
        finalLine(
          table,
          db.rows.filter((id) => id.startsWith(`${table}:`)).map((id) => rowText({ key: id.slice(table.length + 1), ...db.cols[id] })),
        ),
      );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Redis: one script of commands, and how the model plays it on a simulated clock

/** One step of the Redis script: a command as sent, or waiting until the key has expired. */
export type RedisCmd = { cmd: string[] } | { expire: true };

const lockKey = 'conformance:lock:order-42';
const lockPx = 300;

export const redisRule = {
  id: 'redis-set-nx-px-expiry',
  key: lockKey,
  /** The PX of the first SETs, in ms: the real server's clock, the model's simulated one. */
  px: lockPx,
  script: [
    { cmd: ['SET', lockKey, 'c1', 'NX', 'PX', String(lockPx)] },
    { cmd: ['SET', lockKey, 'c2', 'NX', 'PX', String(lockPx)] },
    { cmd: ['GET', lockKey] },
    { expire: true },
    { cmd: ['GET', lockKey] },
    { cmd: ['SET', lockKey, 'c2', 'NX', 'PX', String(lockPx * 100)] }, // long enough that DEL below finds it
    { cmd: ['GET', lockKey] },
    { cmd: ['DEL', lockKey] },
    { cmd: ['DEL', lockKey] },
  ] as RedisCmd[],
  title: { en: 'SET NX PX: one owner until the key expires', 'zh-cn': 'SET NX PX：键过期之前只有一个持有者' } as Words,
  note: {
    en:
      `SET … NX PX ${lockPx} succeeds once and returns nil while the key lives; once it has expired (EXISTS ` +
      `polled until 0; the model’s clock moved past ${lockPx} ms) SET NX succeeds again; DEL returns 1, then 0`,
    'zh-cn':
      `SET … NX PX ${lockPx} 只成功一次，键还在时再次 SET 返回 nil；键过期之后（反复查询 ` +
      `EXISTS 直到为 0；模型则把时钟拨过 ${lockPx} 毫秒）SET NX 又能成功；DEL 先返回 1，再返回 0`,
  } as Words,
};

/** A Redis reply as redis-cli prints it. */
export const redisReply = (v: unknown) => (v === null ? '(nil)' : typeof v === 'number' ? `(integer) ${v}` : v === 'OK' ? 'OK' : `"${String(v)}"`);
/** A script step as shown in the transcript. */
export const redisLabel = (c: RedisCmd) => ('cmd' in c ? c.cmd.join(' ') : `wait until ${redisRule.key} has expired`);

/** Plays the Redis script through src/sim/store/redis.ts: every command at `now`; expiry is the clock moved past PX. */
export function runRedisModel(script: RedisCmd[] = redisRule.script, px = redisRule.px): string[] {
  const out: string[] = [];
  let cache: Cache = {};
  let now = 0;
  for (const c of script) {
    if (!('cmd' in c)) {
      now += px + 1;
      out.push(`${redisLabel(c)} → ${cacheGet(cache, redisRule.key, now) === null ? 'gone' : 'still there'}`);
      continue;
    }
    const [name, key, value, ...opts] = c.cmd;
    if (name === 'SET') {
      const r = cacheSet(cache, key!, value!, { nx: opts.includes('NX'), px: Number(opts[opts.indexOf('PX') + 1]) }, now);
      cache = r.cache;
      out.push(`${redisLabel(c)} → ${redisReply(r.ok ? 'OK' : null)}`);
    } else if (name === 'GET') out.push(`${redisLabel(c)} → ${redisReply(cacheGet(cache, key!, now))}`);
    else {
      const r = cacheDel(cache, key!, now);
      cache = r.cache;
      out.push(`${redisLabel(c)} → ${redisReply(r.removed)}`);
    }
  }
  return out;
}
