/**
 * The simulator's properties on every broker, not only the generic queue (sim-properties.test.ts
 * covers that one with custom fault budgets): random fault schedules never break what a scenario
 * declares as holding, the checker's counterexamples are shortest by a second, independent search,
 * and share links reproduce a session exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  apply,
  atQuiescence,
  check,
  createTimeline,
  currentWorld,
  enabledSteps,
  encodeRun,
  initialWorld,
  invariantsOf,
  isQuiescent,
  loadedScenarios,
  openRun,
  protocols,
  runUntilQuiescent,
  traceOf,
  worldKey,
  type Invariant,
  type Scenario,
  type World,
} from '../../src/sim';
import { actionArb, play } from '../support/sessions';

const brokerScenarios = loadedScenarios().filter((s) => (s.protocol ?? 'ack') !== 'ack');
const protocolsCovered = [...new Set(brokerScenarios.map((s) => s.protocol))].sort();

const sessionArb = fc.record({
  scenario: fc.constantFrom(...brokerScenarios),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  actions: fc.array(actionArb, { maxLength: 40 }),
});

/**
 * The length of the shortest step sequence that violates `invariant`, by a plain breadth-first search
 * written here (worlds merged by key, no reduction), or null when none does within `maxStates`.
 */
function shortestViolation(scenario: Scenario, invariant: Invariant, maxStates = 50_000): number | null {
  const start = initialWorld(scenario);
  const seen = new Set([worldKey(start)]);
  let level: World[] = [start];
  for (let depth = 0; level.length > 0 && seen.size < maxStates; depth++) {
    const next: World[] = [];
    for (const world of level) {
      if ((!invariant.atQuiescence || isQuiescent(world)) && invariant.check(world, scenario, isQuiescent(world))) return depth;
      for (const step of enabledSteps(world)) {
        const after = apply(world, step, scenario).world;
        const key = worldKey(after);
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(after);
      }
    }
    level = next;
  }
  return null;
}

describe('every broker', () => {
  it('has scenarios on every broker protocol', () => {
    // Every registered broker (each folder's register.ts) is covered, today's four among them.
    expect(protocolsCovered).toEqual(
      Object.keys(protocols)
        .filter((p) => p !== 'ack')
        .sort(),
    );
    expect(protocolsCovered).toEqual(expect.arrayContaining(['jetstream', 'kafka', 'rabbitmq', 'rocketmq']));
  });

  it('no random fault schedule violates an invariant that its scenario declares as holding', () => {
    fc.assert(
      fc.property(sessionArb, ({ scenario, seed, actions }) => {
        const tl = runUntilQuiescent(play(scenario, seed, actions));
        expect(atQuiescence(tl)).toBe(true);
        for (const inv of invariantsOf(scenario)) {
          if (scenario.expected[inv.id as keyof typeof scenario.expected] !== 'holds') continue;
          const frames = inv.atQuiescence ? [tl.frames[tl.cursor]!] : tl.frames.slice(0, tl.cursor + 1);
          for (const frame of frames)
            expect(inv.check(frame.world, scenario, isQuiescent(frame.world)), `${scenario.id} ${inv.id} ${JSON.stringify(tl.spec)}`).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('each counterexample is as short as an independent breadth-first search finds', () => {
    let compared = 0;
    for (const scenario of brokerScenarios) {
      const result = check(scenario);
      for (const inv of invariantsOf(scenario)) {
        const cx = result.counterexamples[inv.id];
        if (!cx) continue;
        expect(shortestViolation(scenario, inv), `${scenario.id}: ${inv.id}`).toBe(cx.steps.length);
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(protocolsCovered.length);
  }, 120_000);

  it('opening a session’s share link reproduces its trace, cursor and world, and rebuilding it is deterministic', () => {
    fc.assert(
      fc.property(sessionArb, ({ scenario, seed, actions }) => {
        const tl = play(scenario, seed, actions);
        const opened = openRun(encodeRun(tl), [scenario, ...brokerScenarios]);
        if (!opened.ok) throw new Error(`${scenario.id}: ${opened.error.kind}: ${opened.error.message}`);
        expect(opened.value.cursor).toBe(tl.cursor);
        expect(traceOf(opened.value)).toEqual(traceOf(tl));
        expect(currentWorld(opened.value)).toEqual(currentWorld(tl));
        const again = runUntilQuiescent(createTimeline(scenario, seed, tl.spec.schedule));
        const twice = runUntilQuiescent(createTimeline(scenario, seed, tl.spec.schedule));
        expect(traceOf(twice)).toEqual(traceOf(again));
      }),
      { numRuns: 200 },
    );
  });
});
