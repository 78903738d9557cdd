/**
 * Running a reader's handler (code labs): the message as the lab's broker hands it over, one replayed
 * step of the handler on the database and cache models, the look-ahead after every step (who waits
 * for whom, who is about to COMMIT, deadlocks), and canonical stores. Importing this module installs
 * it in the engine (kit.ts), so widgets that run only built-in strategies do not ship it.
 */
import { errorName, ModuleStateError, stepHandler, type Handler, type StepOutcome } from '../consumers/handler';
import { derivedStoreFields, ownStoreFields, type Stores } from '../consumers/ops';
import { deliveryTag, type ActorId, type ActorState, type Delivery } from '../core/types';
import { rollback, seeded } from '../store/pg';
import { sortRecord } from '../core/records';
import { installHandlerRuntime, type Applied, type Env, type OpCompleted } from './kit';
import type { Scenario } from './scenario';
import type { ConsumerCore, TraceEvent, World } from './world';
import { ObjectMemo } from './memo';
import { Canon } from './canon';

/** The handler instance a step runs: a fresh instance of the reader's module, or the handler itself. */
const handlerFor = (scenario: Scenario): Handler | undefined => scenario.handlerModule?.fresh() ?? scenario.handler;

/** How a broker builds the message a reader's handler receives (`<id>/<id>.message.ts`), around the order and its amount. */
export type HandlerMessage<S = unknown> = (
  world: World,
  scenario: Scenario<S>,
  delivery: Delivery,
  body: Readonly<{ order: string; amount: number }>,
) => unknown;

// Each broker's folder says what its handler message looks like; found by path, so a new broker adds
// its own without touching this file, and only the handler runtime (not the widgets) carries them.
const messageModules = import.meta.glob<{ handlerMessage: HandlerMessage<never> }>('../protocols/*/*.message.ts', { eager: true });
const messages = new Map(Object.entries(messageModules).map(([path, m]) => [path.split('/')[2]!, m.handlerMessage as HandlerMessage]));

/**
 * The message as the lab's broker hands it to a handler: each broker's own fields and nothing it
 * does not have (a Kafka record has no redelivered flag; a RocketMQ re-send has a new msgId).
 */
export function handlerMessage(world: World, scenario: Scenario, d: Delivery): unknown {
  // Brokers may decorate ids (RocketMQ's copies); the amount belongs to the order either way.
  const msg = scenario.messages.find((m) => m.id === d.msgId) ?? scenario.messages.find((m) => m.key === d.key);
  const body = Object.freeze({ order: d.key, amount: msg?.amount ?? scenario.amount ?? 100 });
  const build = messages.get(world.protocol);
  if (!build) throw new Error(`the ${world.protocol} protocol has no ${world.protocol}.message.ts: what does its handler receive?`);
  return build(world, scenario, d, body);
}

/** A handler's result, for comparing two runs of the same step. */
const signature = (o: StepOutcome) =>
  o.kind === 'call'
    ? `call ${o.name}(${o.args}) ${JSON.stringify(o.record)} ${o.remember ?? ''}`
    : o.kind === 'blocked'
      ? `blocked ${o.name}(${o.args})`
      : o.kind === 'threw'
        ? `threw ${o.message}`
        : 'returned';

/** Runs one step of the reader's handler for `actor` (see `stepHandler`), checking it against the shared instance when asked. */
export function runHandler(
  world: World,
  scenario: Scenario,
  actor: ActorId,
  c: ActorState<ConsumerCore>,
  d: Delivery,
  options: { loseCommitReply?: boolean } = {},
): StepOutcome {
  // The derived fields do not change what the handler does: runs are shared between a world and its
  // settled twin without them (the look-ahead runs on the latter, the step on the former).
  const stores = bare(world.stores);
  // The same consumer state, stores and time give the same outcome (by content: the canonical numbers
  // of the consumer's context and of the stores, which keying the world has mostly made already): the
  // look-ahead after a step and the step itself share one run, and so do the many worlds that differ
  // only elsewhere (the broker, the network, the other consumer).
  const owner = scenario.handlerModule ?? scenario.handler;
  const cache = options.loseCommitReply || !owner ? null : outcomes(owner, scenario);
  const slot = cache ? canon.transient([canon.id(c.context), canon.id(stores), world.protocol, actor, world.time]) : -1;
  const known = cache?.get(slot);
  if (known) return known;
  const input = {
    message: handlerMessage(world, scenario, d),
    history: c.context.history,
    stores,
    memo: c.context.memo,
    now: world.time,
    actor,
    tag: deliveryTag(d),
    ...(options.loseCommitReply ? { loseCommitReply: true } : {}),
  };
  const out = stepHandler({ ...input, handler: handlerFor(scenario)! });
  const shared = scenario.handlerModule?.shared;
  if (shared) {
    const again = stepHandler({ ...input, handler: shared });
    if (signature(again) !== signature(out)) throw new ModuleStateError(signature(out), signature(again));
  }
  cache?.set(slot, out);
  return out;
}

const outcomeMemo = new WeakMap<object, WeakMap<Scenario, Map<number, StepOutcome>>>();
const canon = new Canon();
/** The memo of handler outcomes for one handler in one scenario (the message's fields come from the scenario). */
function outcomes(owner: object, scenario: Scenario): Map<number, StepOutcome> {
  let byScenario = outcomeMemo.get(owner);
  if (!byScenario) outcomeMemo.set(owner, (byScenario = new WeakMap()));
  let slots = byScenario.get(scenario);
  if (!slots) byScenario.set(scenario, (slots = new Map()));
  return slots;
}

/**
 * Two transactions wait on each other: PostgreSQL's deadlock detector aborts one of them (40P01).
 * The waiting statement of the consumer that steps becomes that error, and its transaction aborts.
 */
function deadlockVictim(out: Extract<StepOutcome, { kind: 'blocked' }>, stores: Stores, actor: string, tag: string): StepOutcome {
  const prefix = `${actor}/${tag}/`;
  const db = { ...stores.db, txs: stores.db.txs.map((t) => (t.id.startsWith(prefix) ? { ...t, aborted: true } : t)) };
  return {
    kind: 'call',
    name: out.name,
    args: out.args,
    stores: { ...stores, db },
    record: { error: { code: '40P01', message: 'deadlock detected' } },
    effect: false,
    applied: false,
    remember: null,
    ttlKey: null,
  };
}

/** One step of a reader's handler (see `HandlerRuntime.step`). */
function readerStep<W extends World>(
  world: W,
  env: Env,
  actor: ActorId,
  c: ActorState<ConsumerCore>,
  delivery: Delivery,
): { world: W; events: TraceEvent[]; completed: OpCompleted } {
  const { scenario } = env;
  const t = world.time;
  const base = { time: t, actor, msgId: delivery.msgId, count: delivery.count };
  const ran = runHandler(world, scenario, actor, c, delivery, { loseCommitReply: scenario.loseCommitReplyOf === actor });
  const deadlocked = ran.kind === 'blocked' && world.stores.deadlocked?.includes(actor);
  const out = deadlocked && ran.kind === 'blocked' ? deadlockVictim(ran, world.stores, actor, deliveryTag(delivery)) : ran;
  if (out.kind === 'blocked') throw new Error(`${actor} is waiting for transaction ${out.on}`);
  if (out.kind === 'call') {
    const next = cacheTimers({ ...world, stores: out.stores });
    // Calls that return nothing to the handler (insert, a charge, memory.add, ROLLBACK) read as "OK".
    const returnsNothing = /\.(insert|addToBalance|recordPayment|add|rollback)$/.test(out.name);
    const result =
      'error' in out.record
        ? `${errorName(out.record.error.code)} (${out.record.error.code})`
        : returnsNothing
          ? 'OK'
          : JSON.stringify(out.record.value ?? null);
    const event: TraceEvent = {
      ...base,
      type: 'handler.call',
      explain: 'error' in out.record ? 'log.handler.callFailed' : 'log.handler.call',
      detail: { key: delivery.key, call: `${out.name}(${out.args})`, result, applied: out.applied, total: out.stores.ledger[delivery.key] ?? 0 },
    };
    return {
      world: next,
      events: [event],
      completed: { type: 'op.completed', skip: false, effect: out.effect, remember: out.remember, done: false, record: out.record },
    };
  }
  const copy = `${delivery.msgId}/${delivery.copy}`;
  // Only a copy whose last attempt failed is remembered (everyCopySettled judges nothing else): a
  // success after a failure forgets it, so worlds that differ only in past successes are one state.
  const failed = out.kind === 'threw';
  const known = world.stores.attempts?.[copy];
  const attempts = failed
    ? known === 'failed'
      ? world.stores.attempts
      : { ...world.stores.attempts, [copy]: 'failed' as const }
    : known === undefined
      ? world.stores.attempts
      : forget(world.stores.attempts!, copy);
  const next = attempts === world.stores.attempts ? world : { ...world, stores: { ...world.stores, attempts } };
  const events: TraceEvent[] = out.kind === 'threw' ? [{ ...base, type: 'handler.threw', explain: 'log.handler.threw', detail: { error: out.message } }] : [];
  return {
    world: next,
    events,
    completed: { type: 'op.completed', skip: false, effect: false, remember: null, done: true, record: null, failed: out.kind === 'threw' },
  };
}

/** The failed attempts without `copy`'s (absent when none is left). */
function forget(attempts: NonNullable<Stores['attempts']>, copy: string): Stores['attempts'] {
  const { [copy]: _, ...rest } = attempts;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

const owners = new Map<string, { actor: string; tag: string }>();
/** `c1/<delivery tag>/<n>` → the consumer and the delivery a transaction belongs to (read once per id: they recur in every step). */
function txOwner(id: string): { actor: string; tag: string } {
  let owner = owners.get(id);
  if (owner === undefined) {
    const first = id.indexOf('/');
    owners.set(id, (owner = { actor: id.slice(0, first), tag: id.slice(first + 1, id.lastIndexOf('/')) }));
  }
  return owner;
}

const tags = new ObjectMemo<string>('delivery tag');
/** A delivery's tag, made once per delivery object (a consumer's delivery is shared by many worlds). */
function tagOf(d: Delivery): string {
  let tag = tags.get(d);
  if (tag === undefined) tags.set(d, (tag = deliveryTag(d)));
  return tag;
}

/**
 * After every step of a world where a reader's handler runs: a transaction whose consumer no longer
 * holds its delivery (it crashed, its connection dropped) is rolled back, as PostgreSQL does when a
 * connection closes. Then, unless `derive` is false, the look-ahead (`lookAhead`) fills in the fields
 * derived from the rest of the world; without it they are left out (see `HandlerRuntime.settle`).
 */
function settle<W extends World>(world: W, scenario: Scenario, derive = true): Applied<W> {
  const events: TraceEvent[] = [];
  let db = world.stores.db;
  for (const t of db.txs) {
    if (t.id.endsWith('/auto')) continue;
    const { actor, tag } = txOwner(t.id);
    if (actor === '') continue;
    const c = world.consumers[actor];
    if (c?.context.current && tagOf(c.context.current) === tag) continue;
    db = rollback(db, t.id);
    events.push({ time: world.time, actor: actor as ActorId, type: 'transaction.rolledBack', explain: 'log.tx.connectionDropped', detail: { tx: t.id } });
  }
  const stores = canonicalStores(db !== world.stores.db ? baseStores(world.stores, db) : bare(world.stores));
  const settled = stores === world.stores ? world : { ...world, stores };
  return { world: derive ? lookAhead(settled, scenario) : settled, events };
}

const bareStores = new ObjectMemo<Stores>('bare stores');
/** The stores without the derived fields (the same object when it has none; one copy per object). */
function bare(s: Stores): Stores {
  if (derivedStoreFields.every((k) => s[k] === undefined)) return s;
  let out = bareStores.get(s);
  if (out === undefined) bareStores.set(s, (out = baseStores(s, s.db)));
  return out;
}

/**
 * The fields derived from the rest of a world (its stores without them): each consumer's next call
 * is looked at, to know who waits for whom (a waiting consumer cannot step), who is about to COMMIT
 * (the lost-reply fault), and who is in a deadlock (PostgreSQL aborts one of them).
 */
function lookAhead<W extends World>(world: W, scenario: Scenario): W {
  let waits: Record<string, string> | undefined;
  let committing: string[] | undefined;
  // With no transaction open, no statement can wait (a wait is on another open transaction) and no
  // one can be about to COMMIT (only an opened transaction commits): the look-ahead would find nothing.
  if (world.stores.db.txs.length > 0) {
    for (const [id, c] of Object.entries(world.consumers)) {
      const d = c.context.current;
      if (!d || !c.context.history) continue;
      if (scenario.messages.find((m) => m.key === d.key)?.poison) continue;
      const out = runHandler(world, scenario, id as ActorId, c, d);
      if (out.kind === 'blocked') (waits ??= {})[id] = out.on;
      else if (out.kind === 'call' && out.name === 'db.commit') (committing ??= []).push(id);
    }
  }
  if (!waits && !committing) return world;
  const deadlocked = waits
    ? Object.keys(waits)
        .filter((id) => {
          const other = txOwner(waits![id]!).actor;
          return waits![other] !== undefined && txOwner(waits![other]!).actor === id;
        })
        .sort()
    : [];
  committing?.sort();
  // The derived fields are written after the others (canonical field order).
  const stores = baseStores(world.stores, world.stores.db);
  if (waits) stores.waits = waits;
  if (committing) stores.committing = committing;
  if (deadlocked.length > 0) stores.deadlocked = deadlocked;
  const out = canonicalStores(stores);
  bareStores.set(out, world.stores);
  return { ...world, stores: out };
}

/** The stores with `db`, without the fields derived after every step, in canonical field order. */
function baseStores(s: Stores, db: Stores['db']): Stores {
  const out: Stores = { db, cache: s.cache, ledger: s.ledger, charged: s.charged, dead: s.dead };
  if (s.attempts !== undefined) out.attempts = s.attempts;
  return out;
}

/** Whether a record's keys are in sorted order (JSON, and so world keys, follow insertion order). */
function sortedKeys(r: object | undefined): boolean {
  if (!r) return true;
  const keys = Object.keys(r);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
const STORE_KEYS = [...ownStoreFields, ...derivedStoreFields] as const;

/** Stores known to be canonical (checked once per object: the same stores recur in many worlds). */
const canonical = new ObjectMemo<true>('canonical stores');

/**
 * The stores with their fields, and every record inside them, in one order, so that two equal
 * stores always have the same canonical key (property order would otherwise split one state in two).
 * Returns the same object when it already is canonical.
 */
export function canonicalStores(s: Stores): Stores {
  if (canonical.get(s)) return s;
  const out = orderStores(s);
  canonical.set(out, true);
  return out;
}

/** `canonicalStores` without the memo. */
function orderStores(s: Stores): Stores {
  const fieldsInOrder = Object.keys(s).every((k, i, all) => i === 0 || STORE_KEYS.indexOf(all[i - 1] as never) < STORE_KEYS.indexOf(k as never));
  const recordsSorted =
    sortedKeys(s.cache) && sortedKeys(s.ledger) && sortedKeys(s.charged) && sortedKeys(s.attempts) && sortedKeys(s.waits) && sortedKeys(s.db.cols);
  if (fieldsInOrder && recordsSorted) return s;
  const out: Record<string, unknown> = {};
  const db = sortedKeys(s.db.cols) ? s.db : { ...s.db, cols: sortRecord(s.db.cols) };
  for (const k of STORE_KEYS) {
    const v = k === 'db' ? db : s[k];
    if (v === undefined) continue;
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && k !== 'db' ? (sortedKeys(v) ? v : sortRecord(v as Record<string, unknown>)) : v;
  }
  return out as unknown as Stores;
}

/** One expiry timer per cache key that has a TTL, at its deadline (SET without PX and DEL clear it). */
function cacheTimers<W extends World>(world: W): W {
  const wanted = Object.entries(world.stores.cache)
    .filter(([, e]) => e.expires !== null)
    .map(([key, e]) => ({ owner: 'cache' as const, name: `ttl:${key}`, deadline: e.expires!, data: { kind: 'ttl', key } }));
  const others = world.timers.filter((x) => x.owner !== 'cache');
  const current = world.timers.filter((x) => x.owner === 'cache');
  const same = current.length === wanted.length && wanted.every((w) => current.some((x) => x.name === w.name && x.deadline === w.deadline));
  return same ? world : { ...world, timers: [...others, ...wanted] };
}

installHandlerRuntime({
  step: readerStep,
  settle,
  derive: lookAhead,
  seed: (scenario) =>
    seeded(scenario.messages.map((m) => ({ table: 'orders', key: m.key, cols: { status: 'UNPAID', version: 0, amount: m.amount ?? scenario.amount ?? 100 } }))),
});
