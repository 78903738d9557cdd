/**
 * What every built-in scenario's exhaustive check finds, pinned: its verdicts, how many states and
 * transitions the search meets, and each shortest counterexample step by step. A refactor of the
 * engine or of a protocol (issue "A broker is a plug-in") must leave all of it as it is; a change
 * that means to alter a scenario updates the snapshot (`npx vitest -u …`) in the same commit, where a
 * reviewer sees which counts and schedules moved.
 *
 * And a world's key must not depend on the order in which its records were built: two worlds that
 * differ only in the order of keys in some record are one state (otherwise the search counts it
 * twice, as `rocketmq-rebalance` once did with the broker's offset table).
 */
import { describe, expect, it } from 'vitest';
import { allScenarios, check, worldKey, type Handler, type Scenario, type World } from '../../src/sim';
import '../../src/sim/engine/handlers';
import { labScenario } from '../../src/sandbox/lab';
import { labs } from '../../src/sandbox/labs';
import { walk } from '../support/walk';

const handlers = import.meta.glob<{ handle: Handler }>('../../content/labs/*/{starter,solution}.ts', { eager: true });
/** Every built-in scenario whole, and the first worlds of every lab's starter and solution (their spaces are larger). */
const spaces: (readonly [string, Scenario, number])[] = [
  ...allScenarios.map((s) => [s.id, s, Infinity] as const),
  ...Object.values(labs).flatMap((lab) =>
    (['starter', 'solution'] as const).map(
      (which) => [`${lab.id} (${which})`, labScenario(lab, handlers[`../../content/labs/${lab.id}/${which}.ts`]!.handle), 3_000] as const,
    ),
  ),
];

describe('every built-in scenario checks as it did', () => {
  it.each(allScenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    const r = check(scenario);
    expect(r.end).not.toBe('limit');
    const counterexamples = Object.fromEntries(Object.entries(r.counterexamples).map(([inv, c]) => [inv, c!.steps]));
    expect({ verdicts: r.verdicts, states: r.states, transitions: r.transitions, counterexamples }).toMatchSnapshot();
  });
});

/** JSON with every record's keys sorted: equal for two worlds that differ only in key order. */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`).join(',')}}`;
}

describe('a world has one key whatever order its records were built in', () => {
  it.each(spaces)('%s', (_id, scenario, limit) => {
    const keyOf = new Map<string, string>();
    const twice: string[] = [];
    walk(scenario, limit, (w: World) => {
      const content = sortedJson(w);
      const key = worldKey(w);
      const before = keyOf.get(content);
      if (before === undefined) keyOf.set(content, key);
      else if (before !== key) twice.push(content.slice(0, 300));
    });
    expect(keyOf.size).toBeGreaterThan(1);
    expect(twice).toEqual([]);
  });
});
