/**
 * What every protocol's world needs and nobody should write twice: outputs to envelopes and timers,
 * one event to one actor, the step list (timers only at quiescence, within the horizon), the
 * consumer's handler operations (a strategy's or a reader's), and the network faults.
 */
import type { AnyStateMachine } from 'xstate';
import { emptyStores, runOp, strategies, type Stores } from '../consumers';
import { ModuleStateError, rebuildError, stepHandler, type CallRecord, type Handler, type StepOutcome } from '../consumers/handler';
import { emptyDb, rollback, seeded } from '../store/pg';
import { withoutKey } from '../store/redis';
import { deliveryTag, type ActorId, type ActorState, type Delivery, type Output, type Payload, type Timer } from '../core/types';
import type { FaultKind } from '../protocols/faults';
import type { Transitioner } from './actors';
import type { Scenario } from './scenario';
import { stepKey, type Step } from './step';
import type { ConsumerCore, TraceEvent, World } from './world';

/** Context of one step: the scenario and the transitioner. */
export interface Env {
  scenario: Scenario;
  tx: Transitioner;
}

/** What a step returns. */
export interface Applied<W extends World = World> {
  world: W;
  events: TraceEvent[];
}

/** `from>to`, the name of a FIFO link. */
export const link = (from: string, to: string) => `${from}>${to}`;
/** `c1`, `c2`, … */
export const consumerIds = (n: number): ActorId[] => Array.from({ length: n }, (_, i) => `c${i + 1}` as ActorId);

/** Applies an actor's outputs to the world: envelopes go on links, timers start or stop. */
export function applyOutputs<W extends World>(world: W, owner: ActorId, outputs: Output[]): W {
  if (outputs.length === 0) return world;
  let net = world.net;
  let timers = world.timers;
  for (const out of outputs) {
    if (out.kind === 'send') {
      const l = link(owner, out.to);
      net = { ...net, [l]: [...(net[l] ?? []), out.payload] };
    } else if (out.kind === 'startTimer') {
      timers = [...timers.filter((t) => !(t.owner === owner && t.name === out.name)), { owner, name: out.name, deadline: world.time + out.after }];
    } else {
      timers = timers.filter((t) => !(t.owner === owner && t.name === out.name));
    }
  }
  return { ...world, net, timers };
}

/** The machines of a protocol's three roles. */
export interface Machines {
  producer: AnyStateMachine;
  broker: AnyStateMachine;
  consumer: AnyStateMachine;
}

/** Sends one event to one actor through its machine, and applies what it outputs. */
export function sendTo<W extends World>(world: W, tx: Transitioner, machines: Machines, actor: ActorId, event: { type: string }): W {
  if (actor === 'producer') {
    const r = tx.step(machines.producer, world.producer as ActorState<{ outbox: Output[] }>, event);
    return applyOutputs({ ...world, producer: r.state }, actor, r.outputs);
  }
  if (actor === 'broker') {
    const r = tx.step(machines.broker, world.broker as ActorState<{ outbox: Output[] }>, event);
    return applyOutputs({ ...world, broker: r.state }, actor, r.outputs);
  }
  const current = world.consumers[actor];
  if (!current) return world;
  const r = tx.step(machines.consumer, current, event);
  return applyOutputs({ ...world, consumers: { ...world.consumers, [actor]: r.state } }, actor, r.outputs);
}

/** The first world of a protocol: empty network, no timers, empty stores, the scenario's fault budget. */
export function emptyWorld<W extends World>(protocol: World['protocol'], scenario: Scenario, producer: ActorState, broker: ActorState): W {
  return {
    protocol,
    time: 0,
    producer,
    broker,
    consumers: {},
    net: {},
    timers: [],
    stores: emptyStores(runsHandler(scenario) ? seeded(scenario.messages.map((m) => ({ table: 'orders', key: m.key, cols: { status: 'UNPAID', version: 0, amount: m.amount ?? scenario.amount ?? 100 } }))) : emptyDb()),
    budget: { ...scenario.faults },
    ...(scenario.settings.horizon ? { horizon: scenario.settings.horizon } : {}),
  } as unknown as W;
}

/**
 * Every step possible now, sorted by key: deliveries, the given consumers' handler steps, timers
 * (only when nothing else can happen; earliest first; none past the scenario's horizon), and faults.
 */
export function collectSteps(world: World, running: ActorId[], faults: Step[] | null): Step[] {
  const steps: Step[] = [];
  for (const [l, queue] of Object.entries(world.net)) if (queue.length > 0) steps.push({ kind: 'deliver', link: l });
  // A consumer whose next statement waits for another transaction cannot step (unless it is in a deadlock).
  const waits = world.stores.waits;
  for (const id of running) if (!waits?.[id] || world.stores.deadlocked?.includes(id)) steps.push({ kind: 'run', actor: id });
  if (steps.length === 0 && world.timers.length > 0) {
    const first = Math.min(...world.timers.map((t) => t.deadline));
    const horizon = world.horizon ?? null;
    if (horizon === null || first <= horizon) {
      for (const t of world.timers) if (t.deadline === first) steps.push({ kind: 'timer', owner: t.owner, name: t.name });
    }
  }
  if (faults) steps.push(...faults);
  if (steps.length < 2) return steps;
  const keyed = steps.map((s) => [stepKey(s), s] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

/** Consumers with a handler step to take (`isBusy` says which states hold a delivery). */
export function busyConsumers<C extends ConsumerCore>(world: World<unknown, unknown, C>, isBusy: (c: ActorState<C>) => boolean): ActorId[] {
  return Object.entries(world.consumers)
    .filter(([, c]) => isBusy(c))
    .map(([id]) => id as ActorId);
}

/** The oldest envelope on a delivery step's link, taken off it, with the link's two ends. */
export function takeDelivery<W extends World>(world: W, step: Extract<Step, { kind: 'deliver' }>) {
  const [from, to] = step.link.split('>') as [ActorId, ActorId];
  const { world: next, head } = dropHead(world, step.link);
  return { world: next, from, to, payload: head };
}

/** A consumer's delivery-related fields when it holds no delivery. */
export const noDelivery = { current: null, pc: 0, effectDone: false, history: [] as CallRecord[] } as const;

/** An output that sends `payload` to the broker. */
export const toBroker = (payload: Payload): Output => ({ kind: 'send', to: 'broker', payload });

/** Spends one unit of a fault's budget. */
export const spend = <W extends World>(world: W, fault: FaultKind): W => ({ ...world, budget: { ...world.budget, [fault]: (world.budget[fault] ?? 0) - 1 } });
/** Whether the budget allows one more of this fault. */
export const can = (world: World, fault: FaultKind) => (world.budget[fault] ?? 0) > 0;

/** The event a consumer machine receives when one handler operation completed. */
export interface OpCompleted {
  type: 'op.completed';
  skip: boolean;
  effect: boolean;
  remember: string | null;
  done: boolean;
  record: CallRecord | null;
  /** The handler failed (threw, or the message is poison): no effect; the protocol decides what a failure means. */
  failed?: boolean;
}

/** What a consumer remembers after one handler operation: the write, the in-memory set, the call history. */
export function recordOp(context: Pick<ConsumerCore, 'effectDone' | 'memo' | 'pc' | 'history'>, event: OpCompleted) {
  const memo = event.remember && !context.memo.includes(event.remember) ? [...context.memo, event.remember].sort() : context.memo;
  return { effectDone: context.effectDone || event.effect, memo, pc: context.pc + 1, history: event.record ? [...context.history, event.record] : context.history };
}

/** The state view's list of a protocol's three machines, with the actors running each. */
export function roleMachines(m: Machines): { name: 'producer' | 'broker' | 'consumer'; machine: AnyStateMachine; actors(world: World): ActorState[] }[] {
  return [
    { name: 'producer', machine: m.producer, actors: (w) => [w.producer] },
    { name: 'broker', machine: m.broker, actors: (w) => [w.broker] },
    { name: 'consumer', machine: m.consumer, actors: (w) => Object.values(w.consumers) },
  ];
}

/** One row of a protocol's settings strip: changed when the scenario's value is not the default. */
export const settingRow = (name: string, value: string, def: string) => ({ name, value, default: def, changed: value !== def });

/** Starts (or restarts) the cache timer that expires `key`. */
function withTtl<W extends World>(world: W, key: string | null, deadline: number): W {
  if (!key) return world;
  const name = `ttl:${key}`;
  return { ...world, timers: [...world.timers.filter((x) => !(x.owner === 'cache' && x.name === name)), { owner: 'cache', name, deadline }] };
}

/** The handler instance a step runs: a fresh instance of the reader's module, or the handler itself. */
const handlerFor = (scenario: Scenario): Handler | undefined => scenario.handlerModule?.fresh() ?? scenario.handler;
/** Whether a reader's handler runs in this scenario (code labs). */
export const runsHandler = (scenario: Scenario): boolean => scenario.handler !== undefined || scenario.handlerModule !== undefined;

/**
 * The message as the lab's broker hands it to a handler: each broker's own fields and nothing it
 * does not have (a Kafka record has no redelivered flag; a RocketMQ re-send has a new msgId).
 */
export function handlerMessage(world: World, scenario: Scenario, d: Delivery): unknown {
  // Brokers may decorate ids (RocketMQ's copies); the amount belongs to the order either way.
  const msg = scenario.messages.find((m) => m.id === d.msgId) ?? scenario.messages.find((m) => m.key === d.key);
  const body = Object.freeze({ order: d.key, amount: msg?.amount ?? scenario.amount ?? 100 });
  switch (world.protocol) {
    case 'kafka':
      return Object.freeze({ topic: 'payments', partition: 0, offset: d.offset ?? 0, key: d.key, headers: Object.freeze({}), body });
    case 'rabbitmq': {
      const quorum = scenario.rabbitmq?.queueType === 'quorum';
      const headers = Object.freeze(quorum && d.count > 1 ? { 'x-delivery-count': d.count - 1 } : {});
      return Object.freeze({ messageId: scenario.publisherSetsMessageId === false ? undefined : d.msgId, redelivered: d.redelivered, headers, body });
    }
    case 'rocketmq':
      // Every send gets its own msgId (the client's unique key); a retry through %RETRY% keeps it.
      return Object.freeze({ msgId: d.copy > 1 ? `${d.msgId}-${d.copy}` : d.msgId, keys: d.key, reconsumeTimes: d.retries ?? 0, body });
    case 'jetstream':
      return Object.freeze({ subject: 'orders.paid', headers: Object.freeze({ 'Nats-Msg-Id': d.msgId }), seq: d.offset ?? 0, numDelivered: d.count, body });
    default:
      // The generic queue names each stored message itself (as SQS does): a republished copy gets a new id.
      return Object.freeze({ messageId: d.copy > 1 ? `${d.msgId}-${d.copy}` : d.msgId, redelivered: d.redelivered, body });
  }
}

/** A handler's result, for comparing two runs of the same step. */
const signature = (o: StepOutcome) =>
  o.kind === 'call' ? `call ${o.name}(${o.args}) ${JSON.stringify(o.record)} ${o.remember ?? ''}` : o.kind === 'blocked' ? `blocked ${o.name}(${o.args})` : o.kind === 'threw' ? `threw ${o.message}` : 'returned';

/** Runs one step of the reader's handler for `actor` (see `stepHandler`), checking it against the shared instance when asked. */
export function runHandler(world: World, scenario: Scenario, actor: ActorId, c: ActorState<ConsumerCore>, d: Delivery, options: { loseCommitReply?: boolean; stores?: Stores } = {}): StepOutcome {
  const input = {
    message: handlerMessage(world, scenario, d),
    history: c.context.history,
    stores: options.stores ?? world.stores,
    memo: c.context.memo,
    now: world.time,
    actor,
    tag: deliveryTag(d),
    ...(options.loseCommitReply ? { loseCommitReply: true } : {}),
  };
  const out = stepHandler({ ...input, handler: handlerFor(scenario)! });
  const shared = scenario.handlerModule?.shared;
  if (shared && !options.stores) {
    const again = stepHandler({ ...input, handler: shared });
    if (signature(again) !== signature(out)) throw new ModuleStateError(signature(out), signature(again));
  }
  return out;
}

/**
 * Runs the next handler operation of the delivery a consumer holds: the scenario's strategy, or a
 * reader's handler (replayed from its call history, one new `ctx` call per step). Returns the world
 * with the stores changed, what happened, and the event to send to the consumer's machine.
 */
export function handlerStep<W extends World>(world: W, env: Env, actor: ActorId, c: ActorState<ConsumerCore>, delivery: Delivery): { world: W; events: TraceEvent[]; completed: OpCompleted } {
  const { scenario } = env;
  const t = world.time;
  const base = { time: t, actor, msgId: delivery.msgId, count: delivery.count };
  const msg = scenario.messages.find((m) => m.key === delivery.key);
  if (msg?.poison) {
    const event: TraceEvent = { ...base, type: 'handler.failed', explain: 'log.handler.poison', detail: { key: delivery.key } };
    return { world, events: [event], completed: { type: 'op.completed', skip: false, effect: false, remember: null, done: true, record: null, failed: true } };
  }
  if (runsHandler(scenario)) {
    const out = runHandler(world, scenario, actor, c, delivery, { loseCommitReply: scenario.loseCommitReplyOf === actor });
    if (out.kind === 'blocked') throw new Error(`${actor} is waiting for transaction ${out.on}`);
    if (out.kind === 'call') {
      const next = cacheTimers({ ...world, stores: out.stores });
      const result = 'error' in out.record ? `${rebuildError(out.record.error).name} (${out.record.error.code})` : JSON.stringify(out.record.value ?? null);
      const event: TraceEvent = {
        ...base,
        type: 'handler.call',
        explain: 'error' in out.record ? 'log.handler.callFailed' : 'log.handler.call',
        detail: { key: delivery.key, call: `${out.name}(${out.args})`, result, applied: out.applied, total: out.stores.ledger[delivery.key] ?? 0 },
      };
      return { world: next, events: [event], completed: { type: 'op.completed', skip: false, effect: out.effect, remember: out.remember, done: false, record: out.record } };
    }
    const copy = `${delivery.msgId}/${delivery.copy}`;
    const attempts = { ...world.stores.attempts, [copy]: out.kind === 'threw' ? 'failed' : 'ok' } as const;
    const next = { ...world, stores: { ...world.stores, attempts } };
    const events: TraceEvent[] = out.kind === 'threw' ? [{ ...base, type: 'handler.threw', explain: 'log.handler.threw', detail: { error: out.message } }] : [];
    return { world: next, events, completed: { type: 'op.completed', skip: false, effect: false, remember: null, done: true, record: null, failed: out.kind === 'threw' } };
  }
  if (scenario.strategy === 'custom') throw new Error(`scenario ${scenario.id} has a custom strategy but no handler`);
  const ops = strategies[scenario.strategy].ops;
  const op = ops[c.context.pc]!;
  const r = runOp(op, delivery.key, world.stores, c.context.memo, t, scenario.settings.cacheTtl, delivery.msgId);
  const next = withTtl({ ...world, stores: r.stores }, r.ttlKey, t + scenario.settings.cacheTtl);
  const applied = (r.stores.ledger[delivery.key] ?? 0) - (world.stores.ledger[delivery.key] ?? 0);
  const event: TraceEvent = {
    ...base,
    type: `handler.${op}`,
    explain: `log.${r.explain}`,
    detail: { key: delivery.key, skip: r.skip, applied: applied > 0, total: r.stores.ledger[delivery.key] ?? 0 },
  };
  const done = r.skip || c.context.pc + 1 >= ops.length;
  return { world: next, events: [event], completed: { type: 'op.completed', skip: r.skip, effect: r.effect, remember: r.remember, done, record: null } };
}

/** `c1/<delivery tag>/<n>` → the consumer and the delivery a transaction belongs to. */
function txOwner(id: string): { actor: string; tag: string } {
  const first = id.indexOf('/');
  return { actor: id.slice(0, first), tag: id.slice(first + 1, id.lastIndexOf('/')) };
}

/**
 * After every step of a world where a reader's handler runs: a transaction whose consumer no longer
 * holds its delivery (it crashed, its connection dropped) is rolled back, as PostgreSQL does when a
 * connection closes; then each consumer's next call is looked at, to know who waits for whom (a
 * waiting consumer cannot step), who is about to COMMIT (the lost-reply fault), and who is in a
 * deadlock (PostgreSQL aborts one of them).
 */
export function settleStores<W extends World>(world: W, scenario: Scenario): Applied<W> {
  if (!runsHandler(scenario)) return { world, events: [] };
  const events: TraceEvent[] = [];
  let db = world.stores.db;
  for (const t of db.txs) {
    const { actor, tag } = txOwner(t.id);
    if (actor === '' || t.id.endsWith('/auto')) continue;
    const c = world.consumers[actor];
    if (c?.context.current && deliveryTag(c.context.current) === tag) continue;
    db = rollback(db, t.id);
    events.push({ time: world.time, actor: actor as ActorId, type: 'transaction.rolledBack', explain: 'log.tx.connectionDropped', detail: { tx: t.id } });
  }
  const stores: Stores = { ...world.stores, db };
  delete stores.waits;
  delete stores.committing;
  delete stores.deadlocked;
  const before = JSON.stringify([world.stores.waits, world.stores.committing, world.stores.deadlocked]);
  const waits: Record<string, string> = {};
  const committing: string[] = [];
  for (const [id, c] of Object.entries(world.consumers)) {
    const d = c.context.current;
    if (!d || !c.context.history) continue;
    if (scenario.messages.find((m) => m.key === d.key)?.poison) continue;
    const out = runHandler(world, scenario, id as ActorId, c, d, { stores });
    if (out.kind === 'blocked') waits[id] = out.on;
    else if (out.kind === 'call' && out.name === 'db.commit') committing.push(id);
  }
  const deadlocked = Object.keys(waits).filter((id) => {
    const other = txOwner(waits[id]!).actor;
    return waits[other] !== undefined && txOwner(waits[other]!).actor === id;
  });
  if (Object.keys(waits).length > 0) stores.waits = waits;
  if (committing.length > 0) stores.committing = committing.sort();
  if (deadlocked.length > 0) stores.deadlocked = deadlocked.sort();
  const same = db === world.stores.db && JSON.stringify([stores.waits, stores.committing, stores.deadlocked]) === before;
  const canonical = canonicalStores(same ? world.stores : stores);
  return { world: same && canonical === world.stores ? world : { ...world, stores: canonical }, events };
}

/** Whether a record's keys are in sorted order (JSON, and so world keys, follow insertion order). */
function sortedKeys(r: object | undefined): boolean {
  if (!r) return true;
  const keys = Object.keys(r);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}
const sortRecord = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
const STORE_KEYS = ['db', 'cache', 'ledger', 'charged', 'dead', 'attempts', 'waits', 'committing', 'deadlocked'] as const;

/**
 * The stores with their fields, and every record inside them, in one order, so that two equal
 * stores always have the same canonical key (property order would otherwise split one state in two).
 * Returns the same object when it already is canonical.
 */
export function canonicalStores(s: Stores): Stores {
  const fieldsInOrder = Object.keys(s).every((k, i, all) => i === 0 || STORE_KEYS.indexOf(all[i - 1] as never) < STORE_KEYS.indexOf(k as never));
  const recordsSorted = sortedKeys(s.cache) && sortedKeys(s.ledger) && sortedKeys(s.charged) && sortedKeys(s.attempts) && sortedKeys(s.waits) && sortedKeys(s.db.cols);
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
    .map(([key, e]) => ({ owner: 'cache' as const, name: `ttl:${key}`, deadline: e.expires! }));
  const others = world.timers.filter((x) => x.owner !== 'cache');
  const current = world.timers.filter((x) => x.owner === 'cache');
  const same = current.length === wanted.length && wanted.every((w) => current.some((x) => x.name === w.name && x.deadline === w.deadline));
  return same ? world : { ...world, timers: [...others, ...wanted] };
}

/** A cache key's TTL ran out. */
export function expireCacheKey<W extends World>(world: W, timer: Timer): Applied<W> {
  const key = timer.name.slice('ttl:'.length);
  const cache = withoutKey(world.stores.cache, key);
  return { world: { ...world, stores: { ...world.stores, cache } }, events: [{ time: world.time, actor: 'cache', type: 'cache.expired', explain: 'log.cache.expired', detail: { key } }] };
}

/** Removes the oldest envelope on a link. */
export function dropHead<W extends World>(world: W, l: string): { world: W; head: Payload } {
  const queue = world.net[l] ?? [];
  const head = queue[0];
  if (!head) throw new Error(`nothing in flight on ${l}`);
  const net = { ...world.net };
  if (queue.length > 1) net[l] = queue.slice(1);
  else delete net[l];
  return { world: { ...world, net }, head };
}

/** The timer a step names, and the world with it removed and the clock moved to its deadline. */
export function takeTimer<W extends World>(world: W, step: Extract<Step, { kind: 'timer' }>): { world: W; timer: Timer } {
  const timer = world.timers.find((x) => x.owner === step.owner && x.name === step.name);
  if (!timer) throw new Error(`no timer ${step.owner}:${step.name}`);
  return { world: { ...world, time: Math.max(world.time, timer.deadline), timers: world.timers.filter((x) => x !== timer) }, timer };
}

/** Cancels a timer by owner and name. */
export const dropTimer = <W extends World>(world: W, owner: Timer['owner'], name: string): W => ({ ...world, timers: world.timers.filter((x) => !(x.owner === owner && x.name === name)) });

/** Marks a business key dead-lettered (parked in a DLQ/DLX). */
export const deadLetter = <W extends World>(world: W, key: string): W =>
  world.stores.dead.includes(key) ? world : { ...world, stores: { ...world.stores, dead: [...world.stores.dead, key].sort() } };
