/**
 * The database and cache model (src/sim/store) without servers.
 *
 * First, every store rule recorded by the conformance run (content/conformance/results.json, broker
 * PostgreSQL or Redis) is played again through the model alone, and the model's transcript must be
 * the recorded real-server transcript, line for line. The scripts and the way the model plays them
 * are the conformance test's own (tests/conformance/store-rules.ts), so a change to pg.ts or
 * redis.ts that breaks a rule the real server was seen to follow fails here, with no server running.
 *
 * Then a few rules directly against the model's API, with readable names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { begin, commit, emptyDb, execute, rollback, seeded, type Db, type Outcome, type Stmt } from '../../src/sim/store/pg';
import { del, get, set, type Cache } from '../../src/sim/store/redis';
import type { ConformanceResult } from '../conformance/results';
import { labScripts } from '../conformance/lab-scripts';
import { redisRule, rules, runModel, runRedisModel, type PgRule } from '../conformance/store-rules';

const recorded: ConformanceResult[] = (
  JSON.parse(readFileSync(new URL('../../content/conformance/results.json', import.meta.url), 'utf8')) as { results: ConformanceResult[] }
).results.filter((r) => r.broker === 'PostgreSQL' || r.broker === 'Redis');

/** The model's transcript next to the recorded one, `≠` on the lines that differ. */
function sideBySide(model: string[], real: string[]): string {
  const width = Math.max(5, ...model.map((l) => l.length));
  const n = Math.max(model.length, real.length);
  const out = [`  ${'model'.padEnd(width)} | recorded`];
  for (let i = 0; i < n; i++) out.push(`${model[i] === real[i] ? ' ' : '≠'} ${(model[i] ?? '').padEnd(width)} | ${real[i] ?? ''}`);
  return out.join('\n');
}

describe('the store model replays the recorded real-server transcripts', () => {
  // The code labs' counterexamples as scripts (lab-scripts.ts): the statements Check's schedule sends today.
  const labRules = labScripts().filter((r): r is PgRule => !('none' in r));
  const all = [...rules, ...labRules];
  it('results.json holds store rules, and every one has a script here', () => {
    expect(recorded.length).toBeGreaterThan(0);
    const known = new Set([...all.map((r) => r.id), redisRule.id]);
    expect(recorded.map((r) => r.scenario).filter((id) => !known.has(id))).toEqual([]);
    // and every PostgreSQL rule was recorded at least once
    const seen = new Set(recorded.map((r) => r.scenario));
    expect(
      all.map((r) => r.id).filter((id) => !seen.has(id)),
      'run npm run test:conformance to record them',
    ).toEqual([]);
  });

  for (const entry of recorded) {
    it(`${entry.broker} ${entry.scenario}`, () => {
      const model = entry.broker === 'Redis' ? runRedisModel() : runModel(all.find((r) => r.id === entry.scenario)!);
      expect(entry.compared.length, 'recorded transcript is empty').toBeGreaterThan(0);
      expect(model, `${entry.scenario}: model and recorded ${entry.broker} transcripts differ:\n${sideBySide(model, entry.compared)}`).toEqual(entry.compared);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Direct rules

const K = 'order-7';
const insertInbox: Stmt = { op: 'insert', table: 'inbox', key: K };

/** Runs a statement and insists it did not wait; returns the outcome (ok or error). */
function run(db: Db, tx: string, stmt: Stmt): Exclude<Outcome, { kind: 'wait' }> {
  const out = execute(db, tx, stmt);
  if (out.kind === 'wait') throw new Error(`${tx}: ${stmt.op} unexpectedly waits on ${out.on}`);
  return out;
}

/** Runs a statement that must succeed at once (no wait, no error); returns its outcome. */
function ok(db: Db, tx: string, stmt: Stmt): Extract<Outcome, { kind: 'ok' }> {
  const out = run(db, tx, stmt);
  if (out.kind !== 'ok') throw new Error(`${tx}: ${stmt.op} failed with ${out.code}`);
  return out;
}

/** Two open transactions, T1 and T2, on a database. */
const twoTx = (db: Db = emptyDb()) => begin(begin(db, 'T1'), 'T2');

describe('PostgreSQL READ COMMITTED model', () => {
  it('a unique insert waits on an uncommitted insert of the same key, then fails with 23505 once that commits', () => {
    let db = run(twoTx(), 'T1', insertInbox).db;
    const blocked = execute(db, 'T2', insertInbox);
    expect(blocked).toEqual({ kind: 'wait', on: 'T1' });
    const done = commit(db, 'T1');
    expect(done.committed).toBe(true);
    db = done.db;
    const retried = execute(db, 'T2', insertInbox);
    expect(retried.kind).toBe('error');
    expect(retried.kind === 'error' && retried.code).toBe('23505');
  });

  it('a unique insert that waited succeeds when the other insert rolls back', () => {
    let db = run(twoTx(), 'T1', insertInbox).db;
    expect(execute(db, 'T2', insertInbox).kind).toBe('wait');
    db = rollback(db, 'T1');
    const retried = run(db, 'T2', insertInbox);
    expect(retried).toMatchObject({ kind: 'ok', value: true });
    const done = commit(retried.db, 'T2');
    expect(done.committed).toBe(true);
    expect(done.db.rows).toEqual([`inbox:${K}`]);
  });

  it('after an error every statement gets 25P02, and COMMIT rolls the whole transaction back', () => {
    let db = begin(seeded([{ table: 'inbox', key: 'dup' }]), 'T1');
    db = run(db, 'T1', insertInbox).db;
    db = run(db, 'T1', { op: 'charge', key: K, amount: 5 }).db;
    const dup = run(db, 'T1', { op: 'insert', table: 'inbox', key: 'dup' });
    expect(dup).toMatchObject({ kind: 'error', code: '23505' });
    db = dup.db;
    for (const stmt of [
      { op: 'select', table: 'inbox', key: K },
      { op: 'insert', table: 'inbox', key: 'fresh' },
      { op: 'charge', key: K, amount: 5 },
    ] as Stmt[]) {
      const r = run(db, 'T1', stmt);
      expect(r, `${stmt.op} after the error`).toMatchObject({ kind: 'error', code: '25P02' });
    }
    const done = commit(db, 'T1');
    expect(done.committed).toBe(false);
    expect(done.charges).toEqual([]);
    expect(done.db.rows).toEqual(['inbox:dup']); // order-7, inserted before the error, is gone too
    expect(done.db.txs).toEqual([]);
  });

  it('SELECT … FOR UPDATE on a missing row does not wait and locks nothing', () => {
    const forUpdate: Stmt = { op: 'select', table: 'inbox', key: K, forUpdate: true };
    let db = twoTx();
    const first = ok(db, 'T1', forUpdate);
    expect(first.value).toBeNull();
    db = first.db;
    const second = ok(db, 'T2', forUpdate);
    expect(second.value).toBeNull();
    expect(second.db.txs.map((t) => t.locks)).toEqual([[], []]);
  });

  it('SELECT … FOR UPDATE on an existing row waits for the lock holder', () => {
    const forUpdate: Stmt = { op: 'select', table: 'orders', key: K, forUpdate: true };
    const db = run(twoTx(seeded([{ table: 'orders', key: K, cols: { status: 'UNPAID' } }])), 'T1', forUpdate).db;
    expect(execute(db, 'T2', forUpdate)).toEqual({ kind: 'wait', on: 'T1' });
  });

  it('a conditional UPDATE waits, re-checks its WHERE on the committed row and changes 0 rows', () => {
    const pay: Stmt = { op: 'update', table: 'orders', key: K, set: { status: 'PAID' }, where: { status: 'UNPAID' } };
    let db = twoTx(seeded([{ table: 'orders', key: K, cols: { status: 'UNPAID', amount: 10 } }]));
    const first = ok(db, 'T1', pay);
    expect(first.value).toBe(1);
    db = first.db;
    expect(execute(db, 'T2', pay)).toEqual({ kind: 'wait', on: 'T1' });
    db = commit(db, 'T1').db;
    const second = run(db, 'T2', pay);
    expect(second).toMatchObject({ kind: 'ok', value: 0 });
    const done = commit(second.db, 'T2');
    expect(done.committed).toBe(true);
    expect(done.db.cols[`orders:${K}`]).toEqual({ status: 'PAID', amount: 10 });
  });
});

describe('Redis model', () => {
  it('SET NX PX holds the key until the simulated clock passes PX, then it can be taken again', () => {
    let cache: Cache = {};
    const first = set(cache, 'lock', 'a', { nx: true, px: 100 }, 1_000);
    expect(first.ok).toBe(true);
    cache = first.cache;
    expect(set(cache, 'lock', 'b', { nx: true, px: 100 }, 1_050).ok).toBe(false);
    expect(get(cache, 'lock', 1_099)).toBe('a');
    // The expiry is at 1_000 + 100 on the simulated clock: gone at exactly that time, not before.
    expect(get(cache, 'lock', 1_100)).toBeNull();
    const again = set(cache, 'lock', 'b', { nx: true, px: 100 }, 1_100);
    expect(again.ok).toBe(true);
    expect(get(again.cache, 'lock', 1_150)).toBe('b');
  });

  it('SET without PX never expires; DEL removes a live key once and an expired key not at all', () => {
    let cache = set({}, 'k', 'v', {}, 0).cache;
    expect(get(cache, 'k', 10 ** 12)).toBe('v');
    const d1 = del(cache, 'k', 5);
    expect(d1.removed).toBe(1);
    expect(del(d1.cache, 'k', 5).removed).toBe(0);
    cache = set({}, 'ttl', 'v', { px: 10 }, 0).cache;
    expect(del(cache, 'ttl', 10).removed).toBe(0);
  });
});
