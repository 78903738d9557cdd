import { expect, it } from 'vitest';
import { corpus } from './corpus/handlers';
import { corpusSuite } from './corpus/suite';

it('the corpus holds at least 40 handlers, each named in both languages', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(40);
  expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length);
  for (const e of corpus) expect(e.says.en && e.says['zh-cn'], e.id).toBeTruthy();
});

corpusSuite('the wrong answers people give fail Check', (e) => e.expect.default === 'failed', 2);
