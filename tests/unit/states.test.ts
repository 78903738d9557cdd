/**
 * The checker indexes the states it finds by their key's tuple of numbers (world.ts `worldTupleAs`,
 * check/states.ts) instead of the key's string. The two must be the same equivalence: on the first
 * worlds of every built-in scenario and every lab (starter and solution), two worlds have equal tuples
 * exactly when they have equal keys, under symmetry as without it; and the index tells tuples apart
 * even when their hashes collide. The steps a world offers come in the order of their keys.
 */
import { describe, expect, it } from 'vitest';
import { enabledSteps, loadedScenarios, stepKey, TUPLE_SIZE, worldKey, worldTuple, type Handler, type Scenario, type World } from '../../src/sim';
import '../../src/sim/engine/handlers';
import { StateIndex } from '../../src/sim/check/states';
import { swapConsumers, symmetric, symmetricKey, symmetricTuple } from '../../src/sim/check/symmetry';
import { labScenario } from '../../src/sandbox/lab';
import { labs } from '../../src/sandbox/labs';
import { walk } from '../support/walk';

const handlers = import.meta.glob<{ handle: Handler }>('../../content/labs/*/{starter,solution}.ts', { eager: true });
const cases: { name: string; scenario: Scenario; limit: number }[] = [
  ...loadedScenarios().map((s) => ({ name: s.id, scenario: s, limit: 1_500 })),
  ...Object.values(labs).flatMap((lab) =>
    (['starter', 'solution'] as const).map((which) => ({
      name: `${lab.id} (${which})`,
      scenario: labScenario(lab, handlers[`../../content/labs/${lab.id}/${which}.ts`]!.handle),
      limit: 3_000,
    })),
  ),
];

/** The tuple `write` gives a world, as text. */
const tupleText = (write: (w: World, out: Float64Array) => void, w: World) => {
  const out = new Float64Array(TUPLE_SIZE);
  write(w, out);
  return out.join(',');
};

/** Whether `a` and `b` pair the same values alike: equal here exactly when equal there. */
function sameEquivalence(pairs: [string, string][]) {
  const forth = new Map<string, string>();
  const back = new Map<string, string>();
  const broken: [string, string][] = [];
  for (const [a, b] of pairs) {
    if ((forth.get(a) ?? b) !== b || (back.get(b) ?? a) !== a) broken.push([a, b]);
    forth.set(a, b);
    back.set(b, a);
  }
  return broken;
}

describe('states are indexed by their key as numbers', () => {
  it.each(cases)('$name: equal tuples exactly when equal keys, and steps in key order', ({ scenario, limit }) => {
    const plain: [string, string][] = [];
    const twins: [string, string][] = [];
    let sym = false;
    walk(scenario, limit, (w) => {
      plain.push([worldKey(w), tupleText(worldTuple, w)]);
      if (symmetric(w)) {
        sym = true;
        const twin = swapConsumers(w);
        twins.push([symmetricKey(w), tupleText(symmetricTuple, w)], [symmetricKey(twin), tupleText(symmetricTuple, twin)]);
        expect(tupleText(symmetricTuple, twin)).toBe(tupleText(symmetricTuple, w));
      }
      const keys = enabledSteps(w).map(stepKey);
      expect(keys).toEqual([...keys].sort());
    });
    expect(plain.length).toBeGreaterThan(1);
    expect(sameEquivalence(plain)).toEqual([]);
    if (sym) expect(sameEquivalence(twins)).toEqual([]);
  });

  it('tells tuples apart when their hashes collide, and numbers states in the order added', () => {
    const tuple = (...xs: number[]) => Float64Array.from({ length: TUPLE_SIZE }, (_, i) => xs[i] ?? 0);
    for (const index of [new StateIndex(), new StateIndex(() => 7)]) {
      const a = tuple(1, 2, 3);
      const b = tuple(1, 2, 4);
      const c = tuple(9);
      expect(index.find(a)).toBe(-1);
      expect(index.add(a)).toBe(0);
      expect(index.find(b)).toBe(-1);
      expect(index.add(b)).toBe(1);
      expect(index.find(c)).toBe(-1);
      expect(index.add(c)).toBe(2);
      expect([index.find(tuple(1, 2, 3)), index.find(tuple(1, 2, 4)), index.find(tuple(9)), index.find(tuple(5))]).toEqual([0, 1, 2, -1]);
      expect(index.size).toBe(3);
    }
    // Growing past its first allocation keeps every state.
    const many = new StateIndex();
    for (let i = 0; i < 10_000; i++) {
      const t = tuple(i, i % 7);
      expect(many.find(t)).toBe(-1);
      many.add(t);
    }
    expect(many.find(tuple(4321, 4321 % 7))).toBe(4321);
  });
});
