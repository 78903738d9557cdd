import { createActor, initialTransition, type AnyActorScope, type AnyStateMachine } from 'xstate';
import type { ActorState, Output } from '../core/types';
import { Canon } from './canon';

/**
 * Runs an actor's XState machine one event forward, purely: plain state in, plain state and the
 * machine's outputs out. The machine stays the only definition of the protocol; this layer only
 * converts to and from XState snapshots, and remembers results, because the same (actor state, event)
 * pair comes up again and again while the checker explores.
 */
export interface Transitioner {
  /** Next plain state and outputs of `machine` from `state` on `event`. */
  step<C extends { outbox: Output[] }>(machine: AnyStateMachine, state: ActorState<C>, event: { type: string }): { state: ActorState<C>; outputs: Output[] };
  /** Calls answered from memory, and calls that ran XState. */
  readonly stats: { hits: number; misses: number };
}

/** Plain state from an XState snapshot; the outbox moves out into `outputs`. */
function toPlain<C extends { outbox: Output[] }>(snapshot: { value: unknown; context: C }) {
  const { outbox, ...rest } = snapshot.context;
  return { state: { value: String(snapshot.value), context: { ...rest, outbox: [] } as unknown as C }, outputs: outbox };
}

/** The first state of an actor. */
export function initialActor<C extends { outbox: Output[] }>(machine: AnyStateMachine, input: unknown) {
  const [snapshot] = initialTransition(machine, input);
  return toPlain<C>(snapshot as { value: unknown; context: C });
}

/**
 * The scope a machine steps in. XState's `transition()` builds a throwaway actor for every call (and
 * runs the machine's initial state to do so), which costs more than the step itself. The protocols'
 * machines only assign to their context (what they send goes in `outbox`), so one inert scope per
 * machine serves every step, exactly as `transition()`'s would: actions to execute are dropped, as
 * this layer dropped the list `transition()` returns.
 */
const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();
function scopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    const none = () => {};
    scope = { self, defer: none, id: '', logger: none, sessionId: '', stopChild: none, system: self.system, emit: none, actionExecutor: none } as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}

/** An event's code for the memo: its type when it carries nothing else, else the number of its content. */
function eventCode(event: { type: string }): string | number {
  for (const k in event) if (k !== 'type') return canon.transient(event);
  return event.type;
}
const canon = /* @__PURE__ */ new Canon();

/** One step through XState. */
function viaXState<C extends { outbox: Output[] }>(machine: AnyStateMachine, state: ActorState<C>, event: { type: string }) {
  const snapshot = machine.resolveState({ value: state.value, context: state.context });
  return toPlain<C>(machine.transition(snapshot, event, scopeOf(machine)) as { value: unknown; context: C });
}

/** A step's result, as a transitioner remembers it. */
type Result = { state: ActorState; outputs: Output[] };

/**
 * A transitioner that remembers each result in the table `tableOf` gives for the machine and state,
 * under the key `keyOf` gives for the event.
 */
function remembering<K>(tableOf: (machine: AnyStateMachine, state: ActorState) => Map<K, Result>, keyOf: (event: { type: string }) => K): Transitioner {
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    step(machine, state, event) {
      const table = tableOf(machine, state);
      const key = keyOf(event);
      const hit = table.get(key);
      if (hit) {
        stats.hits++;
        return hit as { state: typeof state; outputs: Output[] };
      }
      stats.misses++;
      const result = viaXState(machine, state, event);
      table.set(key, result);
      return result;
    },
  };
}

/**
 * A transitioner that remembers results by the state object itself (and the event's JSON): light
 * enough for a page's timeline, and it still spares XState the steps a walk over many interleavings
 * repeats on a shared state. It needs no canon, so the page's script carries none.
 */
function byIdentity(): Transitioner {
  const tables = new WeakMap<object, Map<string, Result>>();
  return remembering(
    (_, state) => {
      let table = tables.get(state);
      if (!table) tables.set(state, (table = new Map()));
      return table;
    },
    (event) => {
      for (const k in event) if (k !== 'type') return JSON.stringify(event);
      return event.type;
    },
  );
}

/** A transitioner that runs XState for every step and remembers nothing. */
function direct(): Transitioner {
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    step(machine, state, event) {
      stats.misses++;
      return viaXState(machine, state, event);
    },
  };
}

/** A transitioner; `memo: false` calls XState every time (the benchmark's baseline). */
export function createTransitioner({ memo = true }: { memo?: boolean } = {}): Transitioner {
  if (!memo) return direct();
  // One memo per machine object (two protocols may name their machines alike), keyed by the state's
  // number, then by the event's code: no string is built for the pair.
  const tables = new WeakMap<AnyStateMachine, Map<number, Map<string | number, Result>>>();
  return remembering((machine, state) => {
    let byState = tables.get(machine);
    if (!byState) tables.set(machine, (byState = new Map()));
    const id = canon.id(state);
    let table = byState.get(id);
    if (!table) byState.set(id, (table = new Map()));
    return table;
  }, eventCode);
}

/**
 * The transitioner the checker shares between searches (the sandbox's Checks, the widget's Explore
 * worker, the tests): what it remembers from one search serves the next.
 */
export const sharedTransitioner = /* @__PURE__ */ createTransitioner();

/**
 * The transitioner a step uses unless told otherwise (the widget's timeline, a replayed
 * counterexample, the tests' walks): it remembers by identity, so the page's script does without the
 * canon the checker's memo needs.
 */
export const defaultTransitioner: Transitioner = /* @__PURE__ */ byIdentity();
