import { describe, expect, it } from 'vitest';
import { check, type Handler } from '../../src/sim';
import { labScenario } from '../../src/sandbox/lab';
import { labs } from '../../src/sandbox/labs';

const modules = import.meta.glob<{ handle: Handler }>('../../content/labs/*/{starter,solution}.ts', { eager: true });
const handlerOf = (id: string, which: 'starter' | 'solution') => {
  const mod = modules[`../../content/labs/${id}/${which}.ts`];
  if (!mod) throw new Error(`no ${which} for ${id}`);
  return mod.handle;
};

describe('code labs', () => {
  it('there are at least three labs, each with starter and solution sources', () => {
    expect(Object.keys(labs).sort()).toEqual(['check-then-act', 'increment-to-upsert', 'kafka-commit-placement', 'rabbitmq-ack-dedup', 'rocketmq-keys-dedup', 'setnx-to-inbox']);
    for (const lab of Object.values(labs)) {
      expect(lab.starter).toContain('export function handle');
      expect(lab.solution).toContain('export function handle');
    }
  });

  for (const lab of Object.values(labs)) {
    it(`${lab.id}: the solution passes Check under every fault schedule`, () => {
      const result = check(labScenario(lab, handlerOf(lab.id, 'solution')));
      expect(result.end).toBe('exhausted');
      expect(result.verdicts).toEqual({ noDuplicateSideEffect: 'holds', noMessageLost: 'holds' });
      expect(result.states).toBeGreaterThan(10);
    });

    it(`${lab.id}: the starter fails Check with ${lab.intended}`, () => {
      const result = check(labScenario(lab, handlerOf(lab.id, 'starter')));
      expect(result.verdicts[lab.intended]).toBe('violated');
      expect(result.counterexamples[lab.intended]?.steps.length).toBeGreaterThan(0);
    });
  }
});
