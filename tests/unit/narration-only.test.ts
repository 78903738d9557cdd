/**
 * The checker keys worlds without a protocol's narration-only fields (`Protocol.narrationOnly`, e.g.
 * how often Kafka or RocketMQ served a record), so two worlds that differ only there are one state.
 * That is sound only if nothing reads those fields but the story: the same steps are enabled, every
 * step does the same to everything else, and the invariants judge both alike. Checked here on the
 * first worlds of every scenario and lab of such a protocol, with each world compared to a copy whose
 * narration-only fields were changed. What they feed is narration too (a delivery's count and
 * redelivered mark, which these brokers never hand to a handler), so successors are compared without
 * those; `failingForever` alone reads a count, and only grows more likely as it grows.
 */
import { describe, expect, it } from 'vitest';
import { apply, enabledSteps, invariantsOf, loadedScenarios, protocolOf, stepKey, worldKey, type Handler, type Scenario, type World } from '../../src/sim';
import '../../src/sim/engine/handlers';
import { walk } from '../support/walk';
import { labScenario } from '../../src/sandbox/lab';
import { labs } from '../../src/sandbox/labs';

const handlers = import.meta.glob<{ handle: Handler }>('../../content/labs/*/{starter,solution}.ts', { eager: true });
const fieldsOf = (s: Scenario) => protocolOf(s.protocol ?? 'ack').narrationOnly ?? [];

const cases = [
  ...loadedScenarios()
    .filter((s) => fieldsOf(s).length > 0)
    .map((s) => ({ name: s.id, scenario: s })),
  ...Object.values(labs)
    .filter((lab) => fieldsOf(labScenario(lab, () => undefined)).length > 0)
    .flatMap((lab) =>
      (['starter', 'solution'] as const).map((which) => ({
        name: `${lab.id} (${which})`,
        scenario: labScenario(lab, handlers[`../../content/labs/${lab.id}/${which}.ts`]!.handle),
      })),
    ),
];

/** A deep copy of `value` with every number in the named fields moved by 5. */
function scramble<T>(value: T, fields: ReadonlySet<string>): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scramble(v, fields)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = fields.has(k) && typeof v === 'number' ? v + 5 : scramble(v, fields);
  return out as T;
}

/** A world as JSON without the fields only the story reads. */
const story = (fields: readonly string[]) => new Set([...fields, 'count', 'redelivered']);
const plot = (w: World, hidden: ReadonlySet<string>) => JSON.stringify(w, (k, v) => (hidden.has(k) ? undefined : v));

describe('narration-only fields', () => {
  it('has worlds to check: Kafka and RocketMQ declare them, with scenarios and labs', () => {
    expect(new Set(cases.map((c) => c.scenario.protocol))).toEqual(new Set(['kafka', 'rocketmq']));
    expect(cases.filter((c) => c.name.includes('(')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)(
    '$name: changing them changes no step, no successor and no verdict',
    ({ scenario }) => {
      const fields = fieldsOf(scenario);
      const hidden = story(fields);
      let changed = 0;
      walk(scenario, 1_200, (w) => {
        const twin = scramble(w, new Set(fields));
        if (JSON.stringify(twin) === JSON.stringify(w)) return;
        changed++;
        // One state to the checker.
        expect(worldKey(twin)).toBe(worldKey(w));
        const steps = enabledSteps(w);
        expect(enabledSteps(twin).map(stepKey)).toEqual(steps.map(stepKey));
        for (const step of steps) {
          expect(plot(apply(twin, step, scenario).world, hidden), stepKey(step)).toBe(plot(apply(w, step, scenario).world, hidden));
        }
        for (const quiescent of [false, true]) {
          for (const inv of invariantsOf(scenario)) {
            if (inv.id === 'everyCopySettled' || (inv.atQuiescence && !quiescent)) continue;
            expect(Boolean(inv.check(twin, scenario, quiescent)), inv.id).toBe(Boolean(inv.check(w, scenario, quiescent)));
          }
        }
      });
      // Not a vacuous pass: most worlds have served records.
      expect(changed).toBeGreaterThan(20);
    },
    120_000,
  );
});
