/**
 * What every protocol's world needs and nobody should write twice: outputs to envelopes and timers,
 * one event to one actor, the step list (timers only at quiescence, within the horizon), the
 * consumer's handler operations (a strategy's or a reader's), and the network faults.
 */
import type { AnyStateMachine } from 'xstate';
import { emptyStores, runOp, strategies, type Stores } from '../consumers';
import type { CallRecord } from '../consumers/handler';
import { withoutKey } from '../store/redis';
import type { ActorId, ActorState, Delivery, Message, Output, Payload, Timer, TimerData } from '../core/types';
import type { FaultKind } from './step';
import type { Transitioner } from './actors';
import type { LaneView, SettingView, Text } from './protocol';
import type { Scenario } from './scenario';
import { stepKey, type Step } from './step';
import type { ConsumerCore, TraceEvent, World } from './world';

/** Context of one step: the scenario (with its broker's settings `S`) and the transitioner. */
export interface Env<S = unknown> {
  scenario: Scenario<S>;
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
  return outputs.length === 0 ? world : { ...world, ...outputsOf(world, owner, outputs) };
}

/** The links and timers after an actor's outputs (each copied once, however many outputs it has). */
function outputsOf(world: World, owner: ActorId, outputs: Output[]): Pick<World, 'net' | 'timers'> {
  let net: World['net'] | null = null;
  let timers = world.timers;
  for (const out of outputs) {
    if (out.kind === 'send') {
      net ??= { ...world.net };
      const l = link(owner, out.to);
      net[l] = [...(net[l] ?? []), out.payload];
    } else {
      // A new list: the old one may be shared with other worlds.
      timers = timers.filter((t) => !(t.owner === owner && t.name === out.name));
      if (out.kind === 'startTimer') timers.push({ owner, name: out.name, deadline: world.time + out.after, ...(out.data ? { data: out.data } : {}) });
    }
  }
  return { net: net ?? world.net, timers };
}

/** The machines of a protocol's three roles. */
export interface Machines {
  producer: AnyStateMachine;
  broker: AnyStateMachine;
  consumer: AnyStateMachine;
}

/** Sends one event to one actor through its machine, and applies what it outputs. */
export function sendTo<W extends World>(world: W, tx: Transitioner, machines: Machines, actor: ActorId, event: { type: string }): W {
  // The world is copied once, with the actor's new state and what it output.
  if (actor === 'producer') {
    const r = tx.step(machines.producer, world.producer as ActorState<{ outbox: Output[] }>, event);
    return { ...world, producer: r.state, ...(r.outputs.length > 0 ? outputsOf(world, actor, r.outputs) : null) };
  }
  if (actor === 'broker') {
    const r = tx.step(machines.broker, world.broker as ActorState<{ outbox: Output[] }>, event);
    return { ...world, broker: r.state, ...(r.outputs.length > 0 ? outputsOf(world, actor, r.outputs) : null) };
  }
  const current = world.consumers[actor];
  if (!current) return world;
  const r = tx.step(machines.consumer, current, event);
  return { ...world, consumers: { ...world.consumers, [actor]: r.state }, ...(r.outputs.length > 0 ? outputsOf(world, actor, r.outputs) : null) };
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
    stores: runsHandler(scenario) ? emptyStores(handlerRuntime().seed(scenario)) : emptyStores(),
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
  for (const l in world.net) if (world.net[l]!.length > 0) steps.push({ kind: 'deliver', link: l });
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
  return sortByKey(steps);
}

/**
 * The positions of `names` in the order of the names. The lists here are short (a world's steps, a
 * record's entries), so an insertion sort: no comparator closure and no temporary pairs, and this runs
 * for every world the checker meets.
 */
export function orderOf(names: readonly string[]): number[] {
  const order = names.map((_, i) => i);
  for (let i = 1; i < order.length; i++) {
    const at = order[i]!;
    let j = i - 1;
    for (; j >= 0 && names[order[j]!]! > names[at]!; j--) order[j + 1] = order[j]!;
    order[j + 1] = at;
  }
  return order;
}

/** Steps in the order of their keys. */
export function sortByKey(steps: Step[]): Step[] {
  return steps.length < 2 ? steps : orderOf(steps.map(stepKey)).map((i) => steps[i]!);
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
/** The outbox with more outputs after what the transition has queued so far (actions chained in one step add to it). */
export const emit = (outbox: readonly Output[] | undefined, ...outputs: Output[]): Output[] => [...(outbox ?? []), ...outputs];

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
  return {
    effectDone: context.effectDone || event.effect,
    memo,
    pc: context.pc + 1,
    history: event.record ? [...context.history, event.record] : context.history,
  };
}

/** The state view's list of a protocol's three machines, with the actors running each. */
export function roleMachines(m: Machines): { name: 'producer' | 'broker' | 'consumer'; machine: AnyStateMachine; actors(world: World): ActorState[] }[] {
  return [
    { name: 'producer', machine: m.producer, actors: (w) => [w.producer] },
    { name: 'broker', machine: m.broker, actors: (w) => [w.broker] },
    { name: 'consumer', machine: m.consumer, actors: (w) => Object.values(w.consumers) },
  ];
}

/** A setting's duration as its docs write it: `2 min`, `30 s`, `100 ms` (0 is `0 ms`). */
export const durationText = (ms: number): string =>
  ms > 0 && ms % 60_000 === 0 ? `${ms / 60_000} min` : ms > 0 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;

/** One row of a protocol's settings strip: changed when the scenario's value is not the default. */
export const settingRow = (name: string | Text, value: string | Text, def: string | Text, side: SettingView['side']): SettingView => ({
  name,
  value,
  default: def,
  side,
  changed: (typeof value === 'string' ? value : value.en) !== (typeof def === 'string' ? def : def.en),
});

/** Starts (or restarts) the cache timer that expires `key`. */
function withTtl<W extends World>(world: W, key: string | null, deadline: number): W {
  if (!key) return world;
  const name = `ttl:${key}`;
  const timer: Timer = { owner: 'cache', name, deadline, data: { kind: 'ttl', key } };
  return { ...world, timers: [...world.timers.filter((x) => !(x.owner === 'cache' && x.name === name)), timer] };
}

/** Whether a reader's handler runs in this scenario (code labs). */
export const runsHandler = (scenario: Scenario): boolean => scenario.handler !== undefined || scenario.handlerModule !== undefined;

/**
 * What running a reader's handler needs (the database and cache models, replay, the look-ahead after
 * each step). It lives in engine/handlers.ts and installs itself when imported — by the sandbox, the
 * tests and `index.ts` — so the simulator widgets, which run only built-in strategies, do not ship it.
 */
export interface HandlerRuntime {
  /** One step of the reader's handler for the consumer holding `delivery`. */
  step<W extends World>(
    world: W,
    env: Env,
    actor: ActorId,
    c: ActorState<ConsumerCore>,
    delivery: Delivery,
  ): { world: W; events: TraceEvent[]; completed: OpCompleted };
  /**
   * After every step: roll back orphaned transactions, then (unless `derive` is false) look at each
   * consumer's next call. The look-ahead's results (who waits, who is about to COMMIT, deadlocks) are
   * derived from the rest of the world, so the checker keys a world without them and derives them
   * only for the worlds it has not seen (most steps lead back to a known world).
   */
  settle<W extends World>(world: W, scenario: Scenario, derive?: boolean): Applied<W>;
  /** The look-ahead alone, on a world settled without it. */
  derive<W extends World>(world: W, scenario: Scenario): W;
  /** The database a lab starts from (one UNPAID order row per message). */
  seed(scenario: Scenario): Stores['db'];
}
let runtime: HandlerRuntime | null = null;
/** Installs the reader-handler runtime (engine/handlers.ts does, on import). */
export const installHandlerRuntime = (r: HandlerRuntime): void => {
  runtime = r;
};
const handlerRuntime = (): HandlerRuntime => {
  if (!runtime) throw new Error("this scenario runs a reader's handler: import src/sim/engine/handlers first");
  return runtime;
};
/** See `HandlerRuntime.settle`; nothing to do where no reader's handler runs. */
export const settleStores = <W extends World>(world: W, scenario: Scenario, derive = true): Applied<W> =>
  runsHandler(scenario) ? handlerRuntime().settle(world, scenario, derive) : { world, events: [] };
/** See `HandlerRuntime.derive`; the world itself where no reader's handler runs. */
export const deriveStores = <W extends World>(world: W, scenario: Scenario): W => (runsHandler(scenario) ? handlerRuntime().derive(world, scenario) : world);

/**
 * Runs the next handler operation of the delivery a consumer holds: the scenario's strategy, or a
 * reader's handler (replayed from its call history, one new `ctx` call per step). Returns the world
 * with the stores changed, what happened, and the event to send to the consumer's machine.
 */
export function handlerStep<W extends World>(
  world: W,
  env: Env,
  actor: ActorId,
  c: ActorState<ConsumerCore>,
  delivery: Delivery,
): { world: W; events: TraceEvent[]; completed: OpCompleted } {
  const { scenario } = env;
  const t = world.time;
  const base = { time: t, actor, msgId: delivery.msgId, count: delivery.count };
  const msg = scenario.messages.find((m) => m.key === delivery.key);
  if (msg?.poison) {
    const event: TraceEvent = { ...base, type: 'handler.failed', explain: 'log.handler.poison', detail: { key: delivery.key } };
    return { world, events: [event], completed: { type: 'op.completed', skip: false, effect: false, remember: null, done: true, record: null, failed: true } };
  }
  if (runsHandler(scenario)) return handlerRuntime().step(world, env, actor, c, delivery);
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

/**
 * A fired timer's data, as the protocol that started it typed it (`TimerData`): the one place a
 * timer's record is read as its protocol's type. Throws when the timer carries none.
 */
export function timerData<D extends TimerData>(timer: Timer): D {
  if (!timer.data) throw new Error(`timer ${timer.owner}:${timer.name} carries no data`);
  return timer.data as D;
}

/** The cache's expiry timer: which key. */
type CacheTimer = { kind: 'ttl'; key: string };

/** A cache key's TTL ran out. */
export function expireCacheKey<W extends World>(world: W, timer: Timer): Applied<W> {
  const { key } = timerData<CacheTimer>(timer);
  const cache = withoutKey(world.stores.cache, key);
  return {
    world: { ...world, stores: { ...world.stores, cache } },
    events: [{ time: world.time, actor: 'cache', type: 'cache.expired', explain: 'log.cache.expired', detail: { key } }],
  };
}

/** Removes the oldest envelope on a link. */
export function dropHead<W extends World>(world: W, l: string): { world: W; head: Payload } {
  const queue = world.net[l] ?? [];
  const head = queue[0];
  if (!head) throw new Error(`nothing in flight on ${l}`);
  // Built afresh rather than copied and deleted from: an object a key was deleted from turns into a
  // slow dictionary, and every later copy and walk of the network (one per step) pays for it.
  const net: World['net'] = {};
  for (const k in world.net) {
    if (k !== l) net[k] = world.net[k]!;
    else if (queue.length > 1) net[k] = queue.slice(1);
  }
  return { world: { ...world, net }, head };
}

/** The timer a step names, and the world with it removed and the clock moved to its deadline. */
export function takeTimer<W extends World>(world: W, step: Extract<Step, { kind: 'timer' }>): { world: W; timer: Timer } {
  const timer = world.timers.find((x) => x.owner === step.owner && x.name === step.name);
  if (!timer) throw new Error(`no timer ${step.owner}:${step.name}`);
  return { world: { ...world, time: Math.max(world.time, timer.deadline), timers: world.timers.filter((x) => x !== timer) }, timer };
}

/** Cancels a timer by owner and name. */
export const dropTimer = <W extends World>(world: W, owner: Timer['owner'], name: string): W => ({
  ...world,
  timers: world.timers.filter((x) => !(x.owner === owner && x.name === name)),
});

/** Marks a business key dead-lettered (parked in a DLQ/DLX). */
export const deadLetter = <W extends World>(world: W, key: string): W =>
  world.stores.dead.includes(key) ? world : { ...world, stores: { ...world.stores, dead: [...world.stores.dead, key].sort() } };

/** What every producer keeps of its work: its messages, the next to send, and the attempt at it. */
export interface ProducerProgress {
  messages: readonly Message[];
  next: number;
  attempt: number;
}

/** How a producer's timeout reads when it sends again: the event type, its sentence, and details of the producer before. */
export interface RetryWords<P> {
  type?: string;
  explain?: string;
  detail?: (before: P) => Record<string, string | number>;
}

/**
 * A producer's request timed out (a confirm, a produce or send response that never came): it sends
 * again, or gives up after its last attempt. `timedOut` hands the timeout to its machine.
 */
export function confirmTimedOut<W extends World<ProducerProgress, unknown, ConsumerCore>>(
  world: W,
  timedOut: (w: W) => W,
  { type = 'message.republished', explain = 'log.message.republished', detail }: RetryWords<W['producer']['context']> = {},
): { world: W; events: TraceEvent[] } {
  const before = world.producer.context;
  const next = timedOut(world);
  const msg = before.messages[before.next];
  const retried = next.producer.context.attempt > before.attempt;
  const event: TraceEvent = {
    time: world.time,
    actor: 'producer',
    type: retried ? type : 'producer.gaveUp',
    ...(msg ? { msgId: msg.id } : {}),
    explain: retried ? explain : 'log.producer.gaveUp',
    detail: { attempt: next.producer.context.attempt, ...detail?.(before) },
  };
  return { world: next, events: [event] };
}

/** A consumer's lane: its state, the delivery in hand, and its in-memory set when it keeps one. */
export function consumerLane(c: ActorState<ConsumerCore>): LaneView {
  const d = c.context.current;
  return {
    state: c.value,
    sections: d
      ? [{ label: '', tokens: [{ msg: d.msgId, ...(d.where ? { text: d.where } : {}), count: d.count, redelivered: d.redelivered, kind: 'current' }] }]
      : [],
    notes: c.context.memo.length > 0 ? [`{${c.context.memo.join(', ')}}`] : [],
  };
}
