/**
 * The checker's symmetry reduction (src/sim/check/symmetry.ts) merges a world with its consumer-swapped
 * twin. That is sound only if swapping is an automorphism of the protocol: the successors of the
 * swapped world are exactly the swapped successors, and the invariants judge both alike. Checked here
 * on the first worlds of every scenario and lab of a protocol that declares it, with the labs'
 * starters and solutions and corpus handlers that keep process memory, take locks and hit deadlocks.
 * The protocols that do not declare it must really break it somewhere (or have no second consumer),
 * so the flag is not simply missing.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  check,
  enabledSteps,
  initialWorld,
  invariantsOf,
  loadedScenarios,
  protocolOf,
  stepKey,
  worldKey,
  type Handler,
  type Scenario,
  type World,
} from '../../src/sim';
import '../../src/sim/engine/handlers';
import { walk } from '../support/walk';
import { swapConsumers, symmetric, symmetricKey, twinKey } from '../../src/sim/check/symmetry';
import { prepare } from '../../src/sandbox/grade';
import { labScenario } from '../../src/sandbox/lab';
import { labs } from '../../src/sandbox/labs';
import { corpus } from './corpus/handlers';

const handlers = import.meta.glob<{ handle: Handler }>('../../content/labs/*/{starter,solution}.ts', { eager: true });
const isSymmetricProtocol = (s: Scenario) => protocolOf(s.protocol ?? 'ack').symmetricConsumers === true;

const labCases = Object.values(labs)
  .filter((lab) => isSymmetricProtocol(labScenario(lab, () => undefined)))
  .flatMap((lab) =>
    (['starter', 'solution'] as const).map((which) => ({
      name: `${lab.id} (${which})`,
      scenario: labScenario(lab, handlers[`../../content/labs/${lab.id}/${which}.ts`]!.handle),
    })),
  );
// Wrong answers whose state is most tangled with the consumers': process memory, locks held across
// steps, a transaction left open by a swallowed error.
const corpusCases = ['process-memory-set', 'lock-then-inbox-skip-if-locked', 'inbox-catch-inside-tx', 'setnx-processing-then-done'].map((id) => {
  const entry = corpus.find((e) => e.id === id)!;
  const prepared = prepare(labs['setnx-to-inbox']!, entry.source);
  if ('problem' in prepared) throw new Error(`${id} does not compile`);
  return { name: `corpus ${id} in setnx-to-inbox`, scenario: prepared.scenario };
});
const scenarioCases = loadedScenarios()
  .filter((s) => isSymmetricProtocol(s) && s.consumers === 2)
  .map((s) => ({ name: s.id, scenario: s }));

/** Successor keys of a world, as a sorted list. */
const successors = (w: World, scenario: Scenario, map: (x: World) => World = (x) => x) =>
  enabledSteps(w)
    .map((s) => worldKey(map(apply(w, s, scenario).world)))
    .sort();

describe('symmetry reduction', () => {
  it('has worlds to check: symmetric scenarios and labs exist', () => {
    expect(scenarioCases.length).toBeGreaterThanOrEqual(2);
    expect(labCases.length).toBeGreaterThan(6);
  });

  it.each([...scenarioCases, ...labCases, ...corpusCases])(
    '$name: swapping the consumers commutes with every step and keeps every verdict',
    ({ scenario }) => {
      const invariants = invariantsOf(scenario);
      let asymmetric = 0;
      walk(scenario, 1_500, (w) => {
        const twin = swapConsumers(w);
        // An involution: swapping twice gives the world back; the twin's key is computed without building it.
        expect(worldKey(swapConsumers(twin))).toBe(worldKey(w));
        expect(twinKey(w)).toBe(worldKey(twin));
        if (worldKey(twin) !== worldKey(w)) asymmetric++;
        // The twin's successors are the successors' twins.
        expect(successors(twin, scenario), `after ${enabledSteps(w).map(stepKey).join(' ')}`).toEqual(successors(w, scenario, swapConsumers));
        // The invariants cannot tell the two apart.
        for (const quiescent of [false, true]) {
          for (const inv of invariantsOf(scenario)) {
            if (inv.atQuiescence && !quiescent) continue;
            expect(Boolean(inv.check(twin, scenario, quiescent)), inv.id).toBe(Boolean(inv.check(w, scenario, quiescent)));
          }
        }
      });
      expect(invariants.length).toBeGreaterThan(0);
      // Not a vacuous pass: most of these worlds differ from their twin.
      expect(asymmetric).toBeGreaterThan(50);
    },
    120_000,
  );

  it('merges a world with its twin and nothing else', () => {
    const { scenario } = labCases.find((c) => c.name === 'check-then-act (solution)')!;
    let pairs = 0;
    walk(scenario, 800, (w) => {
      expect(symmetric(w)).toBe(true);
      expect(symmetricKey(w)).toBe(symmetricKey(swapConsumers(w)));
      if (worldKey(w) !== worldKey(swapConsumers(w))) {
        pairs++;
        expect([worldKey(w), worldKey(swapConsumers(w))]).toContain(symmetricKey(w));
      }
    });
    expect(pairs).toBeGreaterThan(100);
  }, 120_000);

  it('halves the states a lab explores, with the same verdicts as the full search', () => {
    const { scenario } = labCases.find((c) => c.name === 'check-then-act (starter)')!;
    const full = check(scenario, { reduce: false });
    const reduced = check(scenario);
    expect(reduced.verdicts).toEqual(full.verdicts);
    expect(reduced.states).toBeLessThan(full.states / 2);
  }, 120_000);

  it('is off where the broker picks consumers by id (Kafka, RocketMQ): there the swap is no automorphism', () => {
    for (const id of ['kafka', 'rocketmq'] as const) {
      const scenario = loadedScenarios().find((s) => s.protocol === id && s.consumers === 2)!;
      expect(symmetric(initialWorld(scenario))).toBe(false);
    }
  });
});
