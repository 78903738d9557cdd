import { describe, expect, it } from 'vitest';
import '../../../src/sim';
import { gradeLab } from '../../../src/sandbox/grade';
import { labs } from '../../../src/sandbox/labs';
import { corpus, type CorpusEntry } from './handlers';

/**
 * Grades corpus handlers as a reader's code is graded. To keep `npm test` within its budget each
 * handler runs in a rotating subset of the labs (a wrong answer in two, a correct one in one, so
 * every lab gets its share); `npm run bench:corpus` runs the whole matrix and fails on any difference.
 */
export function corpusSuite(title: string, pick: (e: CorpusEntry) => boolean, labsPer: number): void {
  const labList = Object.values(labs).sort((a, b) => a.id.localeCompare(b.id));
  describe(title, () => {
    corpus.forEach((e, i) => {
      if (!pick(e)) return;
      const chosen = Array.from({ length: labsPer }, (_, k) => labList[(i + k * 3) % labList.length]!);
      for (const lab of chosen) {
        const want = e.expect[lab.id] ?? e.expect.default;
        it(`${e.id} in ${lab.id}: ${want} — ${e.why}`, () => {
          const g = gradeLab(lab, e.source, want === 'failed' ? { stopAtFirst: true } : {});
          expect(g.verdict, g.problem?.message ?? g.invariant ?? '').toBe(want);
          if (want === 'failed' && !g.problem) expect(g.steps?.length).toBeGreaterThan(0);
          if (want === 'passed') expect(g.result?.end).toBe('exhausted');
        }, 120_000);
      }
    });
  });
}
