/**
 * Symmetry reduction for the checker: two consumers that run the same code against the same broker
 * are interchangeable, so a world and the same world with `c1` and `c2` swapped have the same futures
 * up to that swap (Emerson & Sistla 1996). The checker keys such a pair as one state: it explores the
 * first of the two it meets and drops the other. What is explored is still a real schedule (the world
 * kept is the one its steps lead to), so every counterexample replays step by step; breadth-first,
 * the first violation met is as short as it would have been without the reduction, because the
 * invariants judge orders and messages, never which consumer did something.
 *
 * It holds only where the broker treats consumers alike: it hands out work in an order kept as data
 * (who asked first, whose turn it is), never by comparing names. A protocol says so with
 * `symmetricConsumers`; Kafka and RocketMQ do not (their assignors sort members by id, so `c1` takes
 * the partition first, as the real assignors do with real member ids). `symmetry.test` checks on
 * reachable worlds of every symmetric scenario and lab that the successors of the swapped world are
 * exactly the swapped successors.
 *
 * The swap renames consumer ids wherever the engine and the protocols write them: actor ids, link
 * names (`c1>broker`), timer owners and names, transaction ids (`c1/<tag>/0`), waits and commits; the
 * reader's own data (rows, cache, ledger, a handler's history and `ctx.memory`) is kept as it is.
 * Lists of bare consumer ids are sets to the engine and are sorted again after the swap.
 */
import { protocolOf } from '../protocols/registry';
import { timersId, worldKey, worldKeyAs, worldTuple, worldTupleAs, TUPLE_SIZE, type KeyView, type World } from '../engine/world';
import { Canon } from '../engine/canon';
import { ObjectMemo } from '../engine/memo';
import type { Stores } from '../consumers';
import type { ActorState } from '../core/types';

/** A consumer id where the engine writes one: alone, or as part of a link, a timer or a transaction id. */
const CONSUMER = /(^|[>:])c([12])(?=$|[>/#:])/g;
const BARE = /^c\d+$/;

const swappedStrings = new Map<string, string>();
/** `s` with `c1` and `c2` exchanged wherever they stand as ids. */
function swapString(s: string): string {
  let out = swappedStrings.get(s);
  if (out === undefined) {
    out = s.replace(CONSUMER, (_, before: string, n: string) => `${before}c${n === '1' ? '2' : '1'}`);
    swappedStrings.set(s, out);
  }
  return out;
}

// Worlds share their parts, so each object is swapped once (one memo per kind of part).
const swappedObjects = /* @__PURE__ */ new ObjectMemo<unknown>('swapped');
const swappedRecords = /* @__PURE__ */ new ObjectMemo<unknown>('swapped record');
const swappedConsumers = /* @__PURE__ */ new ObjectMemo<unknown>('swapped consumer');
const swappedStores = /* @__PURE__ */ new ObjectMemo<Stores>('swapped stores');

/** A deep copy of engine data with the two consumers exchanged (strings, record keys, sets of ids). */
function swapValue<T>(value: T): T {
  if (typeof value === 'string') return swapString(value) as T;
  if (value === null || typeof value !== 'object') return value;
  const known = swappedObjects.get(value);
  if (known !== undefined) return known as T;
  let out: unknown;
  if (Array.isArray(value)) {
    const items = value.map(swapValue);
    out = items.length > 1 && items.every((x) => typeof x === 'string' && BARE.test(x)) ? [...items].sort() : items;
  } else {
    const o: Record<string, unknown> = {};
    for (const k in value) o[swapString(k)] = swapValue((value as Record<string, unknown>)[k]);
    out = o;
  }
  swappedObjects.set(value, out);
  return out as T;
}

/** A record with its keys swapped, in sorted order (the order the engine keeps them in). */
function swapRecord<V>(record: Record<string, V>, each: (v: V) => V): Record<string, V> {
  const known = swappedRecords.get(record);
  if (known !== undefined) return known as Record<string, V>;
  const out: Record<string, V> = {};
  for (const k of Object.keys(record).map(swapString).sort()) out[k] = each(record[swapString(k)]!);
  swappedRecords.set(record, out);
  return out;
}

/** A consumer's state with the ids swapped, its handler's history and memory (the reader's data) kept. */
function swapConsumer<S extends World['consumers'][string]>(state: S): S {
  const known = swappedConsumers.get(state);
  if (known !== undefined) return known as S;
  const context: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state.context as object)) context[k] = k === 'history' || k === 'memo' ? v : swapValue(v);
  const out = { ...state, context } as S;
  swappedConsumers.set(state, out);
  return out;
}

/** The stores with transaction ids, waits and commits swapped; rows, cache and ledger are the reader's. */
function swapStores(stores: Stores): Stores {
  const known = swappedStores.get(stores);
  if (known !== undefined) return known;
  const txs = stores.db.txs.map((t) => ({ ...t, id: swapString(t.id) })).sort((a, b) => (a.id < b.id ? -1 : 1));
  const out: Stores = { ...stores, db: { ...stores.db, txs } };
  if (stores.waits) out.waits = swapRecord(stores.waits, swapString);
  if (stores.committing) out.committing = stores.committing.map(swapString).sort();
  if (stores.deadlocked) out.deadlocked = stores.deadlocked.map(swapString).sort();
  swappedStores.set(stores, out);
  return out;
}

/** The world with consumers `c1` and `c2` exchanged. */
export function swapConsumers(world: World): World {
  return {
    ...world,
    producer: swapValue(world.producer),
    broker: swapValue(world.broker),
    consumers: swapRecord(world.consumers, swapConsumer),
    net: swapRecord(world.net, swapValue),
    timers: swapValue(world.timers),
    stores: swapStores(world.stores),
  };
}

/** Whether the checker may merge a world with its swap: a symmetric broker and exactly consumers c1 and c2. */
export function symmetric(world: World): boolean {
  // The twin's key is built as the world is (narration-only fields included): one or the other.
  const protocol = protocolOf(world.protocol);
  if (!protocol.symmetricConsumers || protocol.narrationOnly?.length) return false;
  const ids = Object.keys(world.consumers);
  return ids.length === 2 && ids.includes('c1') && ids.includes('c2');
}

const canon = /* @__PURE__ */ new Canon();
/** The number of `part`'s swapped twin, computed once per part. */
function twinId<T extends object>(memo: ObjectMemo<number>, swap: (x: T) => T, id: (x: T) => number) {
  return (part: T): number => {
    let n = memo.get(part);
    if (n === undefined) memo.set(part, (n = id(swap(part))));
    return n;
  };
}
const canonId = (o: object) => canon.id(o);
/** The number of an envelope's twin. */
const twinPayload = /* @__PURE__ */ twinId(/* @__PURE__ */ new ObjectMemo('twin payload'), swapValue, canonId);

/** The world's parts seen with the consumers swapped: `worldKeyAs(w, swapped)` is `worldKey(swapConsumers(w))`, without building it. */
const swapped: KeyView = {
  actor: /* @__PURE__ */ twinId(/* @__PURE__ */ new ObjectMemo('twin actor'), swapValue, canonId),
  consumer: /* @__PURE__ */ twinId(/* @__PURE__ */ new ObjectMemo('twin consumer'), swapConsumer as (s: object) => object, canonId),
  payload: twinPayload,
  stores: /* @__PURE__ */ twinId(/* @__PURE__ */ new ObjectMemo('twin stores'), swapStores as (s: object) => object, canonId),
  timers: /* @__PURE__ */ twinId(/* @__PURE__ */ new ObjectMemo('twin timers'), swapValue, timersId),
  name: swapString,
  parts: /* @__PURE__ */ new ObjectMemo('twin key part'),
  texts: /* @__PURE__ */ new ObjectMemo('twin key part text'),
};

/** The key of the world's consumer-swapped twin. */
export const twinKey = (world: World): string => worldKeyAs(world, swapped);

const signatures = /* @__PURE__ */ new ObjectMemo<number>('signature');
/** A consumer id written alike whichever consumer it names. */
const sameName = (s: string) => (s === 'c1' || s === 'c2' ? 'c' : s);
/**
 * What a consumer's state is, whichever of the two names it has: its content with the consumer ids
 * written alike (cheaper than building its twin). Where a name hides deeper in the state the
 * signatures of twins may differ; then fewer worlds merge, but never two that are not twins.
 */
function signature(state: ActorState): number {
  let sig = signatures.get(state);
  if (sig === undefined) {
    sig = canon.transient([state.value, canon.transient(state.context as object, sameName)]);
    signatures.set(state, sig);
  }
  return sig;
}

/**
 * One key for a world and its swap: the key of whichever of the two has the consumer with the smaller
 * signature first, or the smaller of the two keys when the consumers' signatures tie. Most worlds
 * have two consumers in different states, so most need one key, not two.
 */
export function symmetricKey(world: World): string {
  const first = signature(world.consumers.c1!);
  const second = signature(world.consumers.c2!);
  if (first < second) return worldKey(world);
  if (first > second) return twinKey(world);
  const a = worldKey(world);
  const b = twinKey(world);
  return a < b ? a : b;
}

const spare = /* @__PURE__ */ new Float64Array(TUPLE_SIZE);
/**
 * `symmetricKey` as numbers (see `worldTupleAs`), written into `out`: the tuple of whichever of the
 * world and its swap has the consumer with the smaller signature first, or the smaller of the two
 * tuples when the signatures tie. Like the key, it is the same for a world and its swap.
 */
export function symmetricTuple(world: World, out: Float64Array): void {
  const first = signature(world.consumers.c1!);
  const second = signature(world.consumers.c2!);
  if (first < second) return worldTuple(world, out);
  if (first > second) return worldTupleAs(world, swapped, out);
  worldTuple(world, out);
  worldTupleAs(world, swapped, spare);
  for (let i = 0; i < TUPLE_SIZE; i++) {
    if (spare[i]! === out[i]!) continue;
    if (spare[i]! < out[i]!) out.set(spare);
    return;
  }
}
