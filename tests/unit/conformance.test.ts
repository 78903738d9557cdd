/**
 * The conformance comparison itself: the recorded observations of a real RabbitMQ match the
 * simulator, and a bug planted in a copy of the RabbitMQ broker machine (it never sets
 * `redelivered`) makes the same comparison fail, with both traces side by side.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allScenarios, createTransitioner, findScenario, type Output, type Transitioner } from '../../src/sim';
import { afterDeliveries, compare, fromTrace, normalize, simulate } from '../conformance/normalize';
import type { ConformanceResult } from '../conformance/results';

const results: ConformanceResult[] = JSON.parse(readFileSync(new URL('../../content/conformance/results.json', import.meta.url), 'utf8')).results;
const recorded = (id: string) => {
  const r = results.find((x) => x.scenario === id);
  if (!r) throw new Error(`no recorded result for ${id}`);
  return r;
};

/** A transitioner running a copy of the RabbitMQ broker with a planted bug: deliveries never carry redelivered=true. */
function withoutRedelivered(): Transitioner {
  const base = createTransitioner();
  return {
    stats: base.stats,
    step(machine, state, event) {
      const r = base.step(machine, state, event);
      if (machine.id !== 'rabbitmq-broker') return r;
      const outputs = r.outputs.map((o): Output =>
        o.kind === 'send' && o.payload.kind === 'deliver' ? { ...o, payload: { ...o.payload, delivery: { ...o.payload.delivery, redelivered: false } } } : o,
      );
      return { ...r, outputs };
    },
  };
}

describe('conformance comparison', () => {
  const scenario = findScenario('rabbitmq-crash-requeue', allScenarios)!;
  const faults = [{ fault: 'crashConsumerAfterEffect' as const, when: afterDeliveries(2) }];
  const real = recorded('rabbitmq-crash-requeue');

  it('the recorded real RabbitMQ run matches the simulator', () => {
    expect(real.outcome).toBe('same');
    const sim = normalize(fromTrace(simulate(scenario, faults), false));
    expect(compare(sim, real.compared)).toEqual({ ok: true, message: 'same' });
    expect(real.compared.some((l) => l.includes('redelivered=true'))).toBe(true);
  });

  it('a machine that forgets the redelivered flag fails the comparison, showing both traces', () => {
    const sim = normalize(fromTrace(simulate(scenario, faults, withoutRedelivered()), false));
    const verdict = compare(sim, real.compared);
    expect(verdict.ok).toBe(false);
    expect(verdict.message).toContain('simulator');
    expect(verdict.message).toContain('real broker');
    expect(verdict.message).toMatch(/≠ order-42 delivery 2 → c1 redelivered=false +\| order-42 delivery 2 → c1 redelivered=true/);
  });
});
