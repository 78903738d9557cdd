/**
 * Random reader sessions on a simulator, for the property tests: a pick among the enabled steps, and
 * a session of forward, back and picked steps (sim-properties*.test.ts).
 */
import fc from 'fast-check';
import { createTimeline, currentWorld, enabledSteps, inject, stepBack, stepForward, stepKey, type Scenario, type Timeline, type World } from '../../src/sim';

/** One random choice: an index into the enabled steps, optionally restricted to the faults. */
export interface Pick {
  fault: boolean;
  index: number;
}
export const pickArb: fc.Arbitrary<Pick> = fc.record({ fault: fc.boolean(), index: fc.nat() });

/** The step a pick designates among the steps enabled in `world`, or null when nothing is enabled. */
export function pickStep(world: World, pick: Pick): string | null {
  const steps = enabledSteps(world);
  const faults = steps.filter((s) => s.kind === 'fault');
  const pool = pick.fault && faults.length > 0 ? faults : steps;
  const step = pool[pick.index % Math.max(1, pool.length)];
  return step ? stepKey(step) : null;
}

/** A user session on a timeline: step forward (default choice), step back, or inject a chosen step. */
export type Action = { kind: 'forward' } | { kind: 'back' } | { kind: 'inject'; pick: Pick };
export const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant<Action>({ kind: 'forward' }), weight: 3 },
  { arbitrary: fc.constant<Action>({ kind: 'back' }), weight: 1 },
  { arbitrary: pickArb.map((pick): Action => ({ kind: 'inject', pick })), weight: 2 },
);

export function play(scenario: Scenario, seed: number, actions: readonly Action[]): Timeline {
  let tl = createTimeline(scenario, seed);
  for (const action of actions) {
    if (action.kind === 'forward') tl = stepForward(tl);
    else if (action.kind === 'back') tl = stepBack(tl);
    else {
      const key = pickStep(currentWorld(tl), action.pick);
      if (key !== null) tl = inject(tl, key);
    }
  }
  return tl;
}
