import { describe, expect, it } from 'vitest';
import '../../src/sim';
import { currentWorld, fromSteps, invariantsOf, isQuiescent } from '../../src/sim';
import { gradeLab, prepare } from '../../src/sandbox/grade';
import { labs, type Lab } from '../../src/sandbox/labs';
import { labScenario } from '../../src/sandbox/lab';

/** The invariants violated at the end of `steps`, replayed on the timeline with the reader's code. */
function replaysTo(lab: Lab, source: string, steps: string[]): string[] {
  const prepared = prepare(lab, source);
  if ('problem' in prepared) throw new Error(prepared.problem.message);
  const end = currentWorld(fromSteps(prepared.scenario, steps));
  return invariantsOf(prepared.scenario)
    .filter((inv) => inv.check(end, prepared.scenario, isQuiescent(end)) !== null)
    .map((inv) => inv.id);
}

describe('code labs', () => {
  it('the ten labs exist, each with a starter and a solution that export handle', () => {
    expect(Object.keys(labs).sort()).toEqual([
      'check-then-act',
      'increment-to-upsert',
      'kafka-commit-placement',
      'kafka-offset-not-a-key',
      'optimistic-version',
      'rabbitmq-ack-dedup',
      'rocketmq-keys-dedup',
      'select-for-update',
      'setnx-to-inbox',
      'state-machine-update',
    ]);
    for (const lab of Object.values(labs)) {
      expect(lab.starter).toContain('export function handle');
      expect(lab.solution).toContain('export function handle');
      // What the tests grade is the English: the Chinese files differ only in comments (lab-sources.test.ts).
      expect(lab.starter).toBe(lab.sources.en.starter);
      expect(lab.solution).toBe(lab.sources.en.solution);
    }
  });

  // Handler runs are shared between worlds with the same consumer state and stores (by content), so
  // the module instance that catches module state runs fewer steps: it must still catch a module-level
  // Set (the classic in-memory dedup) in every lab, not grade it on fresh instances as if it were fine.
  it('refuses a module-level Set in every lab, pointing to ctx.memory', () => {
    const source = `const seen = new Set<string>();
export function handle(msg: any, ctx: HandlerContext) {
  if (seen.has(msg.body.order)) return;
  ctx.effects.addToBalance(msg.body.order, msg.body.amount);
  seen.add(msg.body.order);
}`;
    for (const lab of Object.values(labs)) {
      const g = gradeLab(lab, source);
      expect({ lab: lab.id, verdict: g.verdict, stage: g.problem?.stage }).toEqual({ lab: lab.id, verdict: 'failed', stage: 'moduleState' });
      expect(g.problem?.message).toContain('ctx.memory');
    }
  }, 120_000);

  // A dedup key that is not the order's own (a constant, an amount) looks right with one order; each
  // lab sends two orders with their own keys and amounts, so it is caught everywhere.
  it('every lab sends two orders with different keys and amounts, and an inbox keyed on a constant fails each', () => {
    const constantKey = `export function handle(msg: any, ctx: any): void {
  try {
    ctx.db.transaction((tx: any) => {
      tx.insert('inbox', 'charged');
      tx.effects.addToBalance(msg.body.order, msg.body.amount);
    });
  } catch (error) {
    if (!ctx.db.isUniqueViolation(error)) throw error;
  }
}`;
    for (const lab of Object.values(labs)) {
      const { messages } = labScenario(lab, () => undefined);
      expect(new Set(messages.map((m) => m.key)).size, lab.id).toBeGreaterThanOrEqual(2);
      expect(new Set(messages.map((m) => m.amount)).size, lab.id).toBeGreaterThanOrEqual(2);
      const g = gradeLab(lab, constantKey);
      expect({ lab: lab.id, verdict: g.verdict, invariant: g.invariant }).toEqual({ lab: lab.id, verdict: 'failed', invariant: 'noMessageLost' });
    }
  }, 120_000);

  it('every lab has two consumers and can crash a consumer', () => {
    for (const lab of Object.values(labs)) {
      expect(lab.consumers, lab.id).toBeGreaterThanOrEqual(2);
      const faults = Object.keys(lab.faults);
      expect(
        faults.some((f) => f.startsWith('crashConsumer')),
        lab.id,
      ).toBe(true);
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

    it(`${lab.id}: the starter breaks ${lab.intended}, and what Check shows replays to its violation`, () => {
      // Asked for the lab's lesson: that invariant is violated.
      const asked = gradeLab(lab, lab.starter, { stopWhen: [lab.intended] });
      expect(asked.result?.verdicts[lab.intended]).toBe('violated');
      expect(replaysTo(lab, lab.starter, asked.result!.counterexamples[lab.intended]!.steps)).toContain(lab.intended);
      // As Check runs it: failed, with the first counterexample found, which replays to the invariant it names.
      const shown = gradeLab(lab, lab.starter);
      expect(shown.verdict).toBe('failed');
      expect(shown.steps?.length).toBeGreaterThan(0);
      expect(replaysTo(lab, lab.starter, shown.steps!)).toContain(shown.invariant);
    });

    it(`${lab.id}: the Chinese starter and solution (same code, other comments) get the English ones' verdicts`, () => {
      const zh = lab.sources['zh-cn'];
      expect(zh.starter).not.toBe(lab.starter);
      const verdict = (g: ReturnType<typeof gradeLab>) => ({
        verdict: g.verdict,
        invariant: g.invariant,
        steps: g.steps,
        states: g.states,
        problem: g.problem,
      });
      // The starter as Check runs it: the same counterexample, found after the same number of states.
      expect(verdict(gradeLab(lab, zh.starter))).toEqual(verdict(gradeLab(lab, lab.starter)));
      // The solution, on the first 1,500 states (the whole search is the English test's job above).
      const cap = { maxStates: 1500 };
      const en = verdict(gradeLab(lab, lab.solution, cap));
      expect(en.invariant).toBeUndefined();
      expect(verdict(gradeLab(lab, zh.solution, cap))).toEqual(en);
    });
  }
});
