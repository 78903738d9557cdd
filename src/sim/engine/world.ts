import type { Stores } from '../consumers';
import type { CallRecord } from '../consumers/handler';
import type { ActorId, ActorState, Delivery, Output, Payload, Timer } from '../core/types';
import type { FaultKind } from './step';
import { protocolOf, type ProtocolId } from '../protocols/registry';
import { sharedTransitioner, type Transitioner } from './actors';
import { orderOf, settleStores, sortByKey } from './kit';
import { Canon } from './canon';
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
  tx: Transitioner = sharedTransitioner,
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

const canon = new Canon();
const timerLists = new ObjectMemo<number>('timers id');
const timerIds = new Map<string, number>();

/** A small number standing for a list of timers (order-free), cached by the list's identity. */
export function timersId(timers: World['timers']): number {
  let n = timerLists.get(timers);
  if (n === undefined) {
    const text = timers
      .map((t) => `${t.deadline}|${t.owner}|${t.name}${t.envelope ? canon.json(t.envelope.payload) : ''}`)
      .sort()
      .join(',');
    n = timerIds.get(text);
    if (n === undefined) timerIds.set(text, (n = timerIds.size));
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
  /** The envelopes on one link, written out (links change at almost every step: their arrays are not worth a number each). */
  queue(payloads: readonly object[]): string;
  stores(stores: object): number;
  timers(timers: World['timers']): number;
  /** A consumer id or a link name, under this view. */
  name(id: string): string;
  /** The consumers' and the links' parts of keys, cached by the record's identity (records are shared between worlds). */
  readonly parts: ObjectMemo<KeyPart>;
}

/** A part of a world's key (its consumers', or its links'): as text, and as the number standing for that text. */
export interface KeyPart {
  text: string;
  no: number;
}

const asIs: KeyView = {
  actor: (o) => canon.id(o),
  consumer: (o) => canon.id(o),
  queue: (payloads) => inline(payloads, (p) => canon.id(p)),
  stores: (o) => canon.id(o),
  timers: timersId,
  name: (id) => id,
  parts: new ObjectMemo('key part'),
};

/** The numbers of a link's envelopes, in order, joined by dots. */
export function inline(payloads: readonly object[], id: (o: object) => number): string {
  let s = '';
  for (let i = 0; i < payloads.length; i++) s += (i > 0 ? '.' : '') + id(payloads[i]!);
  return s;
}

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
        queue: (payloads) => inline(payloads, keyed),
        parts: new ObjectMemo(`key part without ${fields.join(',')}`),
      };
    }
    views.set(id, view);
  }
  return view;
}

/**
 * A record's entries in the order of their names under a view, each written by `each` and joined
 * with `sep` after it. Records are mostly built with their keys in order already, so the sort is
 * skipped when it has nothing to do (the key is made for every step the checker takes).
 */
function inNameOrder(record: object, view: KeyView, each: (name: string, key: string) => string, sep: string): string {
  const keys = Object.keys(record);
  const names = view.name === asIs.name ? keys : keys.map(view.name);
  let sorted = true;
  for (let i = 1; i < names.length && sorted; i++) sorted = names[i - 1]! < names[i]!;
  const order = sorted ? null : orderOf(names);
  let out = '';
  for (let j = 0; j < keys.length; j++) {
    const i = order ? order[j]! : j;
    out += (j > 0 ? sep : '') + each(names[i]!, keys[i]!);
  }
  return out;
}

const linkNos = new Map<string, number>();
/** A link's short stand-in in keys (keys are hashed on every lookup: the shorter, the faster). */
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

/** Parts of keys and fault budgets, as small numbers: equal text, equal number (one numbering for every view). */
const partIds = new Map<string, number>();
const numbered = (text: string): number => {
  let n = partIds.get(text);
  if (n === undefined) partIds.set(text, (n = partIds.size));
  return n;
};
const part = (text: string): KeyPart => ({ text, no: numbered(text) });

/** The consumers' part of a world's key under a view. */
function consumersPart(world: World, view: KeyView): KeyPart {
  let consumers = view.parts.get(world.consumers);
  if (consumers === undefined) {
    consumers = part(inNameOrder(world.consumers, view, (_, k) => `${view.consumer(world.consumers[k]!)},`, ''));
    view.parts.set(world.consumers, consumers);
  }
  return consumers;
}

/** The links' part of a world's key under a view. */
function netPart(world: World, view: KeyView): KeyPart {
  let net = view.parts.get(world.net);
  if (net === undefined) {
    net = part(inNameOrder(world.net, view, (name, k) => `${linkNo(name)}=${view.queue(world.net[k]!)}`, ','));
    view.parts.set(world.net, net);
  }
  return net;
}

/** A world's key under a view: what `worldKey` is for the world the view describes. */
export function worldKeyAs(world: World, view: KeyView): string {
  const actors = `${view.actor(world.producer)};${view.actor(world.broker)};${consumersPart(world, view).text}`;
  return `${world.time};${actors};${netPart(world, view).text};${view.timers(world.timers)};${view.stores(world.stores)};${budgetKey(world.budget)}`;
}

const budgetNos = new ObjectMemo<number>('budget number');

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
  const consumers = consumersPart(world, view).no;
  const net = netPart(world, view).no;
  let budget = budgetNos.get(world.budget);
  if (budget === undefined) budgetNos.set(world.budget, (budget = numbered(`budget ${budgetKey(world.budget)}`)));
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
