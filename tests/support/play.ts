/**
 * Playing a scenario as the prose describes it, for the tests that replay a chapter's claims on the
 * engine (brokers.test.ts, frameworks.test.ts).
 */
import { expect } from 'vitest';
import {
  createTimeline,
  currentWorld,
  enabledSteps,
  inject,
  isQuiescent,
  stepForward,
  stepKey,
  traceOf,
  type FaultKind,
  type Scenario,
  type Timeline,
  type TraceEvent,
} from '../../src/sim';

/** Looks a scenario up by id in `all`; throws when there is none. */
export const scenarioIn =
  (all: readonly Scenario[]) =>
  (id: string): Scenario => {
    const s = all.find((x) => x.id === id);
    if (!s) throw new Error(`no scenario ${id}`);
    return s;
  };

/**
 * Plays the default schedule, injecting each fault (in order) at the first step it can happen — on
 * `target` when given — then runs until nothing but a fault could happen.
 */
export function playWithFaults(
  scenario: Scenario,
  faults: readonly (FaultKind | [FaultKind, string])[] = [],
  maxSteps = 3000,
): { tl: Timeline; trace: TraceEvent[] } {
  let tl = createTimeline(scenario);
  const queue = [...faults];
  for (let i = 0; i < maxSteps; i++) {
    const next = queue[0];
    if (next) {
      const [fault, target] = typeof next === 'string' ? [next, undefined] : next;
      const key = enabledSteps(currentWorld(tl))
        .map(stepKey)
        .find((k) => k.startsWith(`f:${fault}:`) && (target === undefined || k === `f:${fault}:${target}`));
      if (key) {
        tl = inject(tl, key);
        queue.shift();
        continue;
      }
    }
    const moved = stepForward(tl);
    if (moved === tl) break;
    tl = moved;
  }
  expect(queue, `faults never enabled in ${scenario.id}`).toEqual([]);
  expect(isQuiescent(currentWorld(tl))).toBe(true);
  return { tl, trace: traceOf(tl) };
}
