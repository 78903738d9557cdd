import { initialTransition, transition, type AnyStateMachine } from 'xstate';
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

/** A transitioner; `memo: false` calls XState every time (the benchmark's baseline). */
export function createTransitioner({ memo = true }: { memo?: boolean } = {}): Transitioner {
  // One memo per machine object (two protocols may name their machines alike).
  const caches = new WeakMap<AnyStateMachine, Map<string, { state: ActorState; outputs: Output[] }>>();
  const canon = new Canon();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    step(machine, state, event) {
      let cache = caches.get(machine);
      if (!cache) caches.set(machine, (cache = new Map()));
      const key = memo ? `${canon.id(state)}|${canon.transient(event)}` : '';
      const hit = memo ? cache.get(key) : undefined;
      if (hit) {
        stats.hits++;
        return hit as { state: typeof state; outputs: Output[] };
      }
      stats.misses++;
      const snapshot = machine.resolveState({ value: state.value, context: state.context });
      const [next] = transition(machine, snapshot, event);
      const result = toPlain(next as { value: unknown; context: typeof state.context });
      if (memo) cache.set(key, result);
      return result;
    },
  };
}

/** The transitioner the widget and tests share. */
export const sharedTransitioner = createTransitioner();
