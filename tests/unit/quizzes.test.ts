import { describe, expect, it } from 'vitest';
import { chargesOf, playPrediction } from '../../src/quiz/play';
import type { Quiz } from '../../src/quiz/types';
import { ackScenarios } from '../../src/sim';

const quizzes = Object.values(import.meta.glob<{ default: Quiz }>('../../content/quizzes/*.ts', { eager: true })).map((m) => m.default);

describe('chapter quizzes', () => {
  it('every concept chapter has a quiz, with unique question ids', () => {
    expect(quizzes.map((q) => q.chapter).sort()).toEqual([
      'concepts/acknowledgements',
      'concepts/delivery-guarantees',
      'concepts/idempotent-consumers',
      'concepts/why-duplicates-happen',
    ]);
    const ids = quizzes.flatMap((q) => q.questions.map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const quiz of quizzes) {
    it(`${quiz.chapter}: every answer key points at an option, in both languages`, () => {
      for (const q of quiz.questions) {
        expect(q.answer, q.id).toBeGreaterThanOrEqual(0);
        expect(q.answer, q.id).toBeLessThan(q.options.length);
        for (const lang of ['en', 'zh-cn'] as const) {
          expect(q.prompt[lang].trim(), `${q.id} ${lang}`).not.toBe('');
          expect(q.why[lang].trim(), `${q.id} ${lang}`).not.toBe('');
        }
      }
    });

    it(`${quiz.chapter}: every “predict” answer is what the engine actually produces`, () => {
      for (const q of quiz.questions) {
        if (q.kind !== 'predict') continue;
        const scenario = ackScenarios.find((s) => s.id === q.scenario);
        expect(scenario, q.id).toBeDefined();
        for (const fault of q.faults) expect(Object.keys(scenario!.faults), `${q.id}: ${fault}`).toContain(fault.split(':')[1]);
        const charges = chargesOf(playPrediction(q));
        expect(q.options[q.answer]!.charges, `${q.id}: the engine charged ${charges} times`).toBe(charges);
        // Exactly one option describes that outcome, so the quiz cannot accept two answers.
        expect(
          q.options.filter((o) => o.charges === charges),
          q.id,
        ).toHaveLength(1);
      }
    });
  }
});
