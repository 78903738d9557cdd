/**
 * Whom each of a scenario's faults can hit, found when the page is built (Simulator.astro) and handed
 * to the island as data (faults.ts, `knowTargets`): along the scenario's default run, and in every
 * world a few steps from the start whatever the reader does (consumer 2 may get the message only
 * after a timeout and in another delivery order). Built here, not on the reader's device: the probe
 * takes up to 50 ms per scenario in Node, several times that on a phone, in one long task.
 */
import {
  apply,
  createTimeline,
  currentWorld,
  enabledSteps,
  initialWorld,
  sharedTransitioner,
  stepForward,
  worldKey,
  type FaultKind,
  type Scenario,
} from '../../sim/base';
import { learn, type FaultTargets } from './faults';

/** Steps the probe takes along the default run (built-in runs settle long before). */
const PROBE = 200;
/** Worlds the breadth-first probe visits at most (built-in scenarios mostly end sooner). */
const WIDE = 500;

/** The targets of every fault `scenario` enables along its default run and near its start. */
export function faultTargets(scenario: Scenario): FaultTargets {
  const seen = new Map<FaultKind, Set<string>>();
  // The default run (deep)…
  let tl = createTimeline(scenario);
  for (let i = 0; i < PROBE; i++) {
    learn(seen, currentWorld(tl));
    const next = stepForward(tl);
    if (next === tl) break;
    tl = next;
  }
  // …then the worlds nearest the start, whatever the reader does (wide: every fault and delivery order).
  const start = initialWorld(scenario);
  const visited = new Set([worldKey(start)]);
  const queue = [start];
  for (let i = 0; i < queue.length && visited.size < WIDE; i++) {
    const world = queue[i]!;
    learn(seen, world);
    for (const step of enabledSteps(world)) {
      // The checker's memo: the probe meets the same actor states again and again (it runs at build time only).
      const next = apply(world, step, scenario, sharedTransitioner).world;
      const key = worldKey(next);
      if (!visited.has(key)) {
        visited.add(key);
        queue.push(next);
      }
    }
  }
  for (const world of queue) learn(seen, world);
  return Object.fromEntries([...seen].map(([fault, targets]) => [fault, [...targets].sort()]));
}
