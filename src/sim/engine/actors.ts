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
const canon = new Canon();

/** A transitioner; `memo: false` calls XState every time (the benchmark's baseline). */
export function createTransitioner({ memo = true }: { memo?: boolean } = {}): Transitioner {
  // One memo per machine object (two protocols may name their machines alike).
  const caches = new WeakMap<AnyStateMachine, Map<number, Map<string | number, { state: ActorState; outputs: Output[] }>>>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    step(machine, state, event) {
      let cache = caches.get(machine);
      if (!cache) caches.set(machine, (cache = new Map()));
      // Keyed by the state's number, then by the event's code: no string is built for the pair.
      let byEvent = memo ? cache.get(canon.id(state)) : undefined;
      if (memo && !byEvent) cache.set(canon.id(state), (byEvent = new Map()));
      const key = memo ? eventCode(event) : '';
      const hit = byEvent?.get(key);
      if (hit) {
        stats.hits++;
        return hit as { state: typeof state; outputs: Output[] };
      }
      stats.misses++;
      const snapshot = machine.resolveState({ value: state.value, context: state.context });
      const next = machine.transition(snapshot, event, scopeOf(machine));
      const result = toPlain(next as { value: unknown; context: typeof state.context });
      byEvent?.set(key, result);
      return result;
    },
  };
}

/** The transitioner the widget and tests share. */
export const sharedTransitioner = createTransitioner();
