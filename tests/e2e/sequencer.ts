import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Longest files first, so the two workers finish together instead of one starting a long file
 * while the other has nothing left. Vitest orders by the durations it cached from the last run,
 * but a fresh clone (CI) has no cache and falls back to file size, which would start the every-page
 * suites (short files, the longest runs) last. Seconds measured on a quiet 2-core machine; files not
 * listed run after these, in Vitest's own order.
 */
const seconds: Record<string, number> = {
  'pages.spec.ts': 200,
  'pages-zh.spec.ts': 150,
  'codelab.spec.ts': 150,
  'sim-words.spec.ts': 140,
  'base-path.spec.ts': 90,
  'brokers.spec.ts': 90,
  'practice.spec.ts': 80,
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    const weight = (f: TestSpecification) => seconds[f.moduleId.split('/').pop()!] ?? 0;
    return ordered
      .map((f, i) => ({ f, i }))
      .sort((a, b) => weight(b.f) - weight(a.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}
