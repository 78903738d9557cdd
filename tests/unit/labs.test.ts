import { describe, expect, it } from 'vitest';
import '../../src/sim';
import { gradeLab } from '../../src/sandbox/grade';
import { labs } from '../../src/sandbox/labs';

describe('code labs', () => {
  it('the ten labs exist, each with a starter and a solution that export handle', () => {
    expect(Object.keys(labs).sort()).toEqual(['check-then-act', 'increment-to-upsert', 'kafka-commit-placement', 'kafka-offset-not-a-key', 'optimistic-version', 'rabbitmq-ack-dedup', 'rocketmq-keys-dedup', 'select-for-update', 'setnx-to-inbox', 'state-machine-update']);
    for (const lab of Object.values(labs)) {
      expect(lab.starter).toContain('export function handle');
      expect(lab.solution).toContain('export function handle');
    }
  });

  it('every lab has two consumers and can crash a consumer', () => {
    for (const lab of Object.values(labs)) {
      expect(lab.consumers, lab.id).toBeGreaterThanOrEqual(2);
      const faults = Object.keys(lab.faults);
      expect(faults.some((f) => f.startsWith('crashConsumer')), lab.id).toBe(true);
    }
  });

  for (const lab of Object.values(labs)) {
    it(`${lab.id}: the solution passes, with every schedule within the bounds explored`, () => {
      const g = gradeLab(lab, lab.solution);
      expect(g.problem).toBeUndefined();
      expect(g.verdict).toBe('passed');
      expect(g.result?.end).toBe('exhausted');
      expect(g.bounds.consumers).toBe(lab.consumers);
    });

    it(`${lab.id}: the starter fails with ${lab.intended}`, () => {
      const g = gradeLab(lab, lab.starter, { stopWhen: [lab.intended] });
      expect(g.verdict).toBe('failed');
      expect(g.result?.verdicts[lab.intended]).toBe('violated');
      expect(g.steps?.length).toBeGreaterThan(0);
    });
  }
});
