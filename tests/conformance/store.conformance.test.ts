/**
 * The database and cache model (src/sim/store/pg.ts, src/sim/store/redis.ts) against a real
 * PostgreSQL 15 (through `pg`) and a real Redis 7 (through `redis`). Each rule is a script of
 * statements on two connections, A and B, played twice: on two real connections, and through the
 * model with transaction ids 'A' and 'B'. What is compared, line by line: per statement, which
 * connection ran it and what it got (rows returned or changed, a wait on a lock, or an SQLSTATE),
 * then what the tables hold once the script is over. Start the servers with `bash scripts/brokers.sh`.
 *
 * A wait is observed, not timed: the statement is sent without awaiting it, and PostgreSQL's own
 * `pg_stat_activity` is asked until it either finishes or its backend waits on a lock. When a
 * statement waits, its connection runs nothing else until the other connection's transaction ends;
 * then the waiting statement's outcome is compared (the model runs it again at that point).
 */
import pg from 'pg';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stmt } from '../../src/sim/store/pg';
import { labScripts } from './lab-scripts';
import { record, type Words } from './results';
import {
  finalLine,
  other,
  redisLabel as label,
  redisReply as reply,
  redisRule,
  rowText,
  rows,
  rules,
  runModel,
  runRedisModel,
  sql,
  stepText,
  tablesOf,
  type Conn,
  type PgRule,
} from './store-rules';

const pgUrl = process.env.PG_URL ?? 'postgres://lab:lab@127.0.0.1:5432/lab';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A URL as printed in a failure: without its password. */
const shown = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

/** How long a condition is polled for before the test gives up (a bound, never an assertion on duration). */
const BOUND_MS = 5_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The real side

let monitor: pg.Client;
let pgVersion = 'unknown';

async function connectPg(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined); // a connection we drop on purpose reports it here
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${shown(pgUrl)} (${String(error)}). Start it with \`bash scripts/brokers.sh\` ` +
        '(installs postgresql with apt, starts the 15/main cluster and creates the role and database lab), or set PG_URL.',
    );
  }
  return client;
}

async function freshTables(db: pg.Client) {
  await db.query('DROP TABLE IF EXISTS inbox, processed, orders, charges, payments');
  await db.query(`
    CREATE TABLE inbox (key text PRIMARY KEY);
    CREATE TABLE processed (key text);
    CREATE TABLE orders (key text PRIMARY KEY, status text, version int, amount int);
    CREATE TABLE charges (key text, amount int);
    CREATE TABLE payments (key text PRIMARY KEY, amount int);
  `);
}

type Settled = { ok: pg.QueryResult } | { error: { code?: string; message: string } };
const settle = (p: Promise<pg.QueryResult>): Promise<Settled> =>
  p.then(
    (ok) => ({ ok }),
    (error: { code?: string; message: string }) => ({ error }),
  );

/** Whether a sent statement finishes by itself, or its backend waits on a lock (asked of pg_stat_activity, bounded). */
async function finishesOrWaits(p: Promise<Settled>, pid: number, what: string): Promise<Settled | 'waits'> {
  let done: Settled | undefined;
  void p.then((r) => (done = r));
  const deadline = Date.now() + BOUND_MS;
  for (;;) {
    await sleep(0);
    if (done) return done;
    const r = await monitor.query<{ wait_event_type: string | null }>('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (done) return done;
    if (r.rows[0]?.wait_event_type === 'Lock') return 'waits';
    if (Date.now() > deadline) throw new Error(`${what}: neither finished nor waited on a lock within ${BOUND_MS} ms`);
    await sleep(5);
  }
}

/** The promise's value, or 'waits' if it has not settled within `ms`. */
async function within<T>(p: Promise<T>, ms: number): Promise<T | 'waits'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<'waits'>((r) => (timer = setTimeout(() => r('waits'), ms)));
  try {
    return await Promise.race([p, bound]);
  } finally {
    clearTimeout(timer);
  }
}

async function backendGone(pid: number): Promise<boolean> {
  const deadline = Date.now() + BOUND_MS;
  while (Date.now() <= deadline) {
    const r = await monitor.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (r.rowCount === 0) return true;
    await sleep(10);
  }
  return false;
}

function realOutcome(stmt: Stmt, r: Settled): string {
  if ('error' in r) return `error ${r.error.code ?? r.error.message}`;
  if (stmt.op === 'select') return r.ok.rows.length === 0 ? 'ok none' : `ok ${r.ok.rows.map((row) => rowText(row as { key: string })).join('; ')}`;
  return rows(r.ok.rowCount ?? 0);
}

/** Plays a script on two real connections. */
async function runReal(rule: PgRule): Promise<string[]> {
  await freshTables(monitor);
  for (const r of rule.seed) await monitor.query(sql({ op: 'insert', table: r.table, key: r.key, ...(r.cols ? { values: r.cols } : {}) }));
  const conns = {} as Record<
    Conn,
    { client: pg.Client; pid: number; open: boolean; dropped: boolean; waiting?: { stmt: Stmt; result: Promise<Settled> } | undefined }
  >;
  for (const c of ['A', 'B'] as const) {
    const client = await connectPg();
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    conns[c] = { client, pid, open: false, dropped: false };
  }
  const out: string[] = [];
  try {
    for (const step of rule.script) {
      const c = step.on;
      const conn = conns[c];
      if (conn.waiting) {
        out.push(`${c}: ${stepText(step)} → not sent: ${c} is still waiting`);
        continue;
      }
      if ('stmt' in step) {
        if (conn.dropped) {
          // The consumer restarted after its crash: a new connection.
          conn.client = await connectPg();
          conn.pid = (await conn.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
          conn.dropped = false;
        }
        if (!conn.open) {
          await conn.client.query('BEGIN');
          conn.open = true;
        }
        const text = sql(step.stmt);
        const result = settle(conn.client.query(text));
        const r = await finishesOrWaits(result, conn.pid, `${rule.id}, ${c}: ${text}`);
        if (r === 'waits') {
          conn.waiting = { stmt: step.stmt, result };
          out.push(`${c}: ${text} → waits`);
        } else out.push(`${c}: ${text} → ${realOutcome(step.stmt, r)}`);
        continue;
      }
      if (step.end === 'drop') {
        // Close the socket under the client, as a crashed process would: no ROLLBACK, no Terminate message.
        (conn.client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        conn.dropped = true;
        out.push(`${c}: connection dropped before COMMIT → ${(await backendGone(conn.pid)) ? 'backend gone' : `backend still there after ${BOUND_MS} ms`}`);
      } else {
        const r = await settle(conn.client.query(step.end === 'commit' ? 'COMMIT' : 'ROLLBACK'));
        out.push(`${c}: ${step.end.toUpperCase()} → ${'ok' in r ? r.ok.command : `error ${r.error.code}`}`);
      }
      conn.open = false;
      const them = conns[other(c)];
      if (them.waiting) {
        const { stmt, result } = them.waiting;
        them.waiting = undefined;
        // Its lock is released now; pg_stat_activity may still show the wait for a moment, so the
        // reply itself is awaited (bounded).
        const r = await within(result, BOUND_MS);
        if (r === 'waits') them.waiting = { stmt, result };
        out.push(`${other(c)}: after the wait, ${sql(stmt)} → ${r === 'waits' ? 'still waits' : realOutcome(stmt, r)}`);
      }
    }
  } finally {
    // The connection that is not waiting ends first, so the waiting one's lock is released.
    for (const conn of Object.values(conns).sort((x, y) => Number(!!x.waiting) - Number(!!y.waiting))) {
      if (conn.dropped) continue;
      // A statement still waiting (a script that went differently than the model said) ends with its socket.
      if (conn.waiting) (conn.client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      else await conn.client.end();
      await backendGone(conn.pid);
    }
  }
  for (const table of tablesOf(rule)) {
    const r = await monitor.query(`SELECT * FROM ${table}`);
    out.push(
      finalLine(
        table,
        r.rows.map((row) => rowText(row as { key: string })),
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** The model's transcript and the real server's, in two columns, `≠` marking the lines that differ. */
function twoColumns(model: string[], real: string[], server: string): string {
  const width = Math.max(5, ...model.map((l) => l.length));
  const lines = Array.from({ length: Math.max(model.length, real.length) }, (_, i) => {
    const m = model[i] ?? '';
    const r = real[i] ?? '';
    return `${m === r ? ' ' : '≠'} ${m.padEnd(width)} | ${r}`;
  });
  return [`  ${'model'.padEnd(width)} | real ${server}`, ...lines].join('\n');
}

function judge(scenario: string, broker: string, version: string, title: Words, model: string[], real: string[], note: Words) {
  const same = model.length === real.length && model.every((l, i) => l === real[i]);
  record({ scenario, broker, version, outcome: same ? 'same' : 'different', compared: real, note, title });
  expect(same, `${scenario}: the model and the real ${broker} disagree:\n${twoColumns(model, real, broker)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------

describe('PostgreSQL', () => {
  beforeAll(async () => {
    monitor = await connectPg();
    pgVersion = String((await monitor.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? 'unknown').split(' ')[0]!;
  });
  afterAll(async () => {
    if (!monitor) return;
    await monitor.query('DROP TABLE IF EXISTS inbox, processed, orders, charges, payments');
    await monitor.end();
  });

  // The store rules, then every code lab's counterexample in which both consumers reach the database.
  const labRules = labScripts().filter((r): r is PgRule => !('none' in r));
  for (const rule of [...rules, ...labRules]) {
    it(`${rule.id}: ${rule.title.en}`, async () => {
      const model = runModel(rule);
      const real = await runReal(rule);
      judge(rule.id, 'PostgreSQL', pgVersion, rule.title, model, real, rule.note);
    });
  }
});

describe('Redis', () => {
  type RedisClient = ReturnType<typeof createClient>;
  let redis: RedisClient;
  let redisVersion = 'unknown';

  beforeAll(async () => {
    redis = createClient({ url: redisUrl, socket: { connectTimeout: 3_000, reconnectStrategy: false } });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
    } catch (error) {
      throw new Error(
        `Redis is not reachable at ${shown(redisUrl)} (${String(error)}). Start it with \`bash scripts/brokers.sh\` ` +
          '(installs redis-server with apt and starts it), or set REDIS_URL.',
      );
    }
    redisVersion = /redis_version:([^\r\n]+)/.exec(String(await redis.sendCommand(['INFO', 'server'])))?.[1] ?? 'unknown';
  });
  afterAll(async () => {
    if (redis?.isOpen) await redis.close();
  });

  it('redis-set-nx-px-expiry: SET NX PX takes the key once, until it expires; DEL removes it once', async () => {
    const { key, script } = redisRule;

    // The model, on a simulated clock (tests/conformance/store-rules.ts).
    const model = runRedisModel();

    // The real server: expiry is waited for (EXISTS polled until 0, bounded), never timed.
    await redis.sendCommand(['DEL', key]);
    const real: string[] = [];
    for (const c of script) {
      if ('cmd' in c) {
        real.push(`${label(c)} → ${reply(await redis.sendCommand(c.cmd))}`);
        continue;
      }
      const deadline = Date.now() + BOUND_MS;
      let gone = false;
      while (!gone && Date.now() <= deadline) {
        gone = Number(await redis.sendCommand(['EXISTS', key])) === 0;
        if (!gone) await sleep(20);
      }
      real.push(`${label(c)} → ${gone ? 'gone' : 'still there'}`);
    }
    await redis.sendCommand(['DEL', key]);

    judge(redisRule.id, 'Redis', redisVersion, redisRule.title, model, real, redisRule.note);
  });
});
