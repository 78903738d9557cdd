import type { Stores } from '../consumers';
import type { CallRecord } from '../consumers/handler';
import type { ActorId, ActorState, Delivery, Output, Payload, Timer } from '../core/types';
import type { FaultKind } from './step';
import { protocolOf, type ProtocolId } from '../protocols/registry';
import { defaultTransitioner, type Transitioner } from './actors';
import { orderOf, settleStores, sortByKey } from './kit';
import { Canon, TupleTable } from './canon';
import { ObjectMemo } from './memo';
import { quietStepEvent } from './quiet';
import type { Step } from './step';

export { parseStepKey, stepKey } from './step';
import type { Scenario } from './scenario';

/** What every consumer machine keeps about the delivery in hand, so one handler runner serves all protocols. */
export interface ConsumerCore {
  current: Delivery | null;
  /** Index of the next handler operation. */
  pc: number;
  /** Whether this delivery's business write has happened. */
  effectDone: boolean;
  /** The in-process "processed ids" set: it dies with the process. */
  memo: string[];
  /** Results of this delivery's handler calls so far, for replaying a reader's handler. */
  history: CallRecord[];
  outbox: Output[];
}

/**
 * The world: every actor's plain state, the network, the timers on the simulated clock, the shared
 * stores and the faults left. Plain data only, so it can be checkpointed, hashed and explored.
 * `protocol` says which broker's machines the actors run; their contexts are that protocol's own.
 */
export interface World<P = unknown, B = unknown, C extends ConsumerCore = ConsumerCore> {
  protocol: ProtocolId;
  time: number;
  producer: ActorState<P>;
  broker: ActorState<B>;
  consumers: Record<string, ActorState<C>>;
  /** In-flight payloads per link `from>to`, oldest first (links are FIFO, like TCP). */
  net: Record<string, Payload[]>;
  timers: Timer[];
  stores: Stores;
  budget: Partial<Record<FaultKind, number>>;
  /** No timer fires after this simulated time (the scenario's horizon); absent = none. */
  horizon?: number;
}

export type { Step } from './step';

/** One thing that happened, for the log, the views and the tests. */
export interface TraceEvent {
  time: number;
  actor: ActorId | 'cache' | 'net';
  /** `subject.pastTense`, e.g. `message.delivered`, `ack.lost`. */
  type: string;
  msgId?: string;
  /** Delivery count, for deliveries and requeues. */
  count?: number;
  redelivered?: boolean;
  /** Key of the one-sentence explanation: a UI string (`log.<type>`) or a protocol's own text (`kafka.…`). */
  explain: string;
  detail?: Record<string, string | number | boolean>;
}

/** The world before anything happens: every actor has run its entry actions. */
export function initialWorld(scenario: Scenario): World {
  return protocolOf(scenario.protocol ?? 'ack').initialWorld(scenario);
}

/**
 * Every step possible now, sorted by key. Timers fire only when nothing else can happen at the
 * current time (the network and the handlers are faster than any timeout unless a fault says
 * otherwise), earliest deadline first; equal deadlines are all offered.
 */
export function enabledSteps(world: World, options: { faults?: boolean } = {}): Step[] {
  const steps = protocolOf(world.protocol).enabledSteps(world, options.faults !== false);
  // The database's own fault: the reply to a COMMIT is lost (offered wherever a handler is about to commit).
  if (options.faults === false || !world.stores.committing || (world.budget.loseCommitReply ?? 0) <= 0) return steps;
  const extra: Step[] = world.stores.committing.map((actor) => ({ kind: 'fault', fault: 'loseCommitReply', target: actor }));
  return sortByKey([...steps, ...extra]);
}

/** A world applied without its derived fields (`apply(…, false)`), with them (kit.ts). */
export { deriveStores as derived } from './kit';

/** No deliveries, handler work or timers left: only faults could change anything. */
export function isQuiescent(world: World): boolean {
  return enabledSteps(world, { faults: false }).length === 0;
}

/**
 * Applies one step; returns the next world and what happened. Throws only on a step that is not
 * enabled. With `derive` false, the stores' derived fields are left out (the checker keys worlds
 * without them and adds them with `derived` to the worlds it has not seen).
 */
export function apply(
  world: World,
  step: Step,
  scenario: Scenario,
  tx: Transitioner = defaultTransitioner,
  derive = true,
): { world: World; events: TraceEvent[] } {
  const protocol = protocolOf(world.protocol);
  let r: { world: World; events: TraceEvent[] };
  if (step.kind === 'fault' && step.fault === 'loseCommitReply') {
    // The consumer's COMMIT runs; its reply is lost on the way back (see kit.handlerStep).
    if (!world.stores.committing?.includes(step.target) || (world.budget.loseCommitReply ?? 0) <= 0) throw new Error(`${step.target} is not about to commit`);
    const spent = { ...world, budget: { ...world.budget, loseCommitReply: (world.budget.loseCommitReply ?? 0) - 1 } };
    const ran = protocol.apply(spent, { kind: 'run', actor: step.target as ActorId }, { ...scenario, loseCommitReplyOf: step.target }, tx);
    const lost: TraceEvent = { time: world.time, actor: step.target as ActorId, type: 'commitReply.lost', explain: 'log.fault.loseCommitReply' };
    r = { world: ran.world, events: [lost, ...ran.events] };
  } else r = protocol.apply(world, step, scenario, tx);
  const settled = settleStores(r.world, scenario, derive);
  const out = settled.events.length === 0 && settled.world === r.world ? r : { world: settled.world, events: [...r.events, ...settled.events] };
  // Every step says what happened, even when no actor had anything to report.
  return out.events.length > 0 ? out : { world: out.world, events: [quietStepEvent(world, step, out.world)] };
}

const canon = /* @__PURE__ */ new Canon();
const timerLists = /* @__PURE__ */ new ObjectMemo<number>('timers id');

/**
 * A small number standing for a list of timers (order-free: the sorted numbers of its timers, each
 * its deadline, owner, name and envelope), cached by the list's identity.
 */
export function timersId(timers: World['timers']): number {
  let n = timerLists.get(timers);
  if (n === undefined) {
    const each = timers.map((t) => canon.transient([t.deadline, t.owner, t.name, t.envelope ? canon.id(t.envelope.payload) : null]));
    // Sorted in place (lists of a few timers; the built-in sort would copy them).
    for (let i = 1; i < each.length; i++) {
      const v = each[i]!;
      let j = i - 1;
      for (; j >= 0 && each[j]! > v; j--) each[j + 1] = each[j]!;
      each[j + 1] = v;
    }
    n = canon.transient(each);
    timerLists.set(timers, n);
  }
  return n;
}

/**
 * How a world's parts become small numbers for its key: as they are, or seen through a renaming of
 * the consumers (check/symmetry.ts keys a world and its consumer-swapped twin alike).
 */
export interface KeyView {
  /** The producer's or the broker's state. */
  actor(state: object): number;
  consumer(state: object): number;
  /** An envelope on a link. */
  payload(payload: object): number;
  stores(stores: object): number;
  timers(timers: World['timers']): number;
  /** A consumer id or a link name, under this view. */
  name(id: string): string;
  /** The consumers' and the links' parts of keys as numbers, cached by the record's identity (records are shared between worlds). */
  readonly parts: ObjectMemo<number>;
  /** The same parts as text, for `worldKeyAs`. */
  readonly texts: ObjectMemo<string>;
}

const asIs: KeyView = {
  actor: (o) => canon.id(o),
  consumer: (o) => canon.id(o),
  payload: (o) => canon.id(o),
  stores: (o) => canon.id(o),
  timers: timersId,
  name: (id) => id,
  parts: /* @__PURE__ */ new ObjectMemo('key part'),
  texts: /* @__PURE__ */ new ObjectMemo('key part text'),
};

/** The view a protocol's worlds are keyed under: as they are, or without its narration-only fields. */
const views = new Map<ProtocolId, KeyView>();
function viewOf(id: ProtocolId): KeyView {
  let view = views.get(id);
  if (view === undefined) {
    const fields = protocolOf(id).narrationOnly;
    if (!fields?.length) view = asIs;
    else {
      // Seen without those fields, at any depth (the canon skips them; no copy is made).
      const blind = new Canon(fields);
      const keyed = (o: object) => blind.id(o);
      view = {
        ...asIs,
        actor: keyed,
        consumer: keyed,
        payload: keyed,
        parts: new ObjectMemo(`key part without ${fields.join(',')}`),
        texts: new ObjectMemo(`key part text without ${fields.join(',')}`),
      };
    }
    views.set(id, view);
  }
  return view;
}

/**
 * A record's entries in the order of their names under a view: `each(name, key)` for each. Records
 * are mostly built with their keys in order already, so the sort is skipped when it has nothing to
 * do (the key is made for every step the checker takes).
 */
function inNameOrder(record: object, view: KeyView, each: (name: string, key: string) => void): void {
  const keys = Object.keys(record);
  const names = view.name === asIs.name ? keys : keys.map(view.name);
  let sorted = true;
  for (let i = 1; i < names.length && sorted; i++) sorted = names[i - 1]! < names[i]!;
  const order = sorted ? null : orderOf(names);
  for (let j = 0; j < keys.length; j++) {
    const i = order ? order[j]! : j;
    each(names[i]!, keys[i]!);
  }
}

const linkNos = new Map<string, number>();
/** A link's short stand-in in keys. */
function linkNo(name: string): number {
  let n = linkNos.get(name);
  if (n === undefined) linkNos.set(name, (n = linkNos.size));
  return n;
}

/**
 * The fault budget's counts, in its own order: every world of a search has the fault kinds its
 * scenario started with (spending one lowers its count), so the counts alone tell budgets apart.
 */
function budgetKey(budget: World['budget']): string {
  let s = '';
  for (const k in budget) s += `${budget[k]}.`;
  return s;
}

/** Fault budgets, as small numbers: equal text, equal number. */
const budgetIds = new Map<string, number>();

/**
 * The consumers' and the links' parts of keys, as tuples of integers numbered in one table (one
 * numbering for every view): the consumers' states in the order of their names (-1 first), and the
 * links in the order of their names (-2 first), each as its number, its envelopes' count and their
 * numbers. Equal tuples exactly when equal text (`consumersText`, `netText`).
 */
const keyParts = /* @__PURE__ */ new TupleTable();
let tuple = /* @__PURE__ */ new Int32Array(64);
let length = 0;
function put(v: number): void {
  if (length === tuple.length) {
    const grown = new Int32Array(tuple.length * 2);
    grown.set(tuple);
    tuple = grown;
  }
  tuple[length++] = v;
}

/** The consumers' part of a world's key under a view. */
function consumersPart(world: World, view: KeyView): number {
  let n = view.parts.get(world.consumers);
  if (n === undefined) {
    length = 0;
    put(-1);
    inNameOrder(world.consumers, view, (_, k) => put(view.consumer(world.consumers[k]!)));
    view.parts.set(world.consumers, (n = keyParts.intern(tuple, 0, length)));
  }
  return n;
}

/** The links' part of a world's key under a view. */
function netPart(world: World, view: KeyView): number {
  let n = view.parts.get(world.net);
  if (n === undefined) {
    length = 0;
    put(-2);
    inNameOrder(world.net, view, (name, k) => {
      const payloads = world.net[k]!;
      put(linkNo(name));
      put(payloads.length);
      for (const p of payloads) put(view.payload(p));
    });
    view.parts.set(world.net, (n = keyParts.intern(tuple, 0, length)));
  }
  return n;
}

/** The consumers' part of a world's key as text. */
function consumersText(world: World, view: KeyView): string {
  let text = view.texts.get(world.consumers);
  if (text === undefined) {
    text = '';
    inNameOrder(world.consumers, view, (_, k) => (text += `${view.consumer(world.consumers[k]!)},`));
    view.texts.set(world.consumers, text);
  }
  return text;
}

/** The links' part of a world's key as text: each link's number and its envelopes' numbers. */
function netText(world: World, view: KeyView): string {
  let text = view.texts.get(world.net);
  if (text === undefined) {
    const links: string[] = [];
    inNameOrder(world.net, view, (name, k) => links.push(`${linkNo(name)}=${world.net[k]!.map((p) => view.payload(p)).join('.')}`));
    view.texts.set(world.net, (text = links.join(',')));
  }
  return text;
}

/** A world's key under a view: what `worldKey` is for the world the view describes. */
export function worldKeyAs(world: World, view: KeyView): string {
  const actors = `${view.actor(world.producer)};${view.actor(world.broker)};${consumersText(world, view)}`;
  return `${world.time};${actors};${netText(world, view)};${view.timers(world.timers)};${view.stores(world.stores)};${budgetKey(world.budget)}`;
}

const budgetNos = /* @__PURE__ */ new ObjectMemo<number>('budget number');

/** How many numbers `worldTupleAs` writes. */
export const TUPLE_SIZE = 8;

/**
 * A world's key under a view as numbers, written into `out` (TUPLE_SIZE of them): the clock, the
 * producer's and the broker's states, the consumers' and the links' parts, the timers, the stores and
 * the fault budget, each as the number standing for its part of `worldKeyAs`. Two worlds have equal
 * tuples exactly when they have equal keys; the checker indexes states by tuple, which spares it
 * writing and hashing a string for every step.
 */
export function worldTupleAs(world: World, view: KeyView, out: Float64Array): void {
  const consumers = consumersPart(world, view);
  const net = netPart(world, view);
  let budget = budgetNos.get(world.budget);
  if (budget === undefined) {
    const text = budgetKey(world.budget);
    budget = budgetIds.get(text);
    if (budget === undefined) budgetIds.set(text, (budget = budgetIds.size));
    budgetNos.set(world.budget, budget);
  }
  out[0] = world.time;
  out[1] = view.actor(world.producer);
  out[2] = view.actor(world.broker);
  out[3] = consumers;
  out[4] = net;
  out[5] = view.timers(world.timers);
  out[6] = view.stores(world.stores);
  out[7] = budget;
}

/** `worldKey` as numbers (see `worldTupleAs`). */
export function worldTuple(world: World, out: Float64Array): void {
  worldTupleAs(world, viewOf(world.protocol), out);
}

/**
 * A canonical string for a world, among the worlds of one scenario: equal worlds, equal keys. Actor
 * states, envelopes, timer lists and stores are interned to small numbers, the fault budget written
 * as its counts (keys stay short: they are hashed on every lookup); links are listed in a fixed order.
 */
export function worldKey(world: World): string {
  return worldKeyAs(world, viewOf(world.protocol));
}
