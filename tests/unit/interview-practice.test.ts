import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { questions } from '../../content/interview/questions';
import { bankSections, homeTopic, questionAnchor, seeHref } from '../../src/interview/bank';
import { bankQuery, clearFilters, markFilters, matchesFilters, noFilters, parseBankQuery, type BankFilters } from '../../src/interview/filters';
import { hash32, isSeed, mockPool, mockQuery, parseMockQuery, pickRun, seedFromBytes, type MockSetup } from '../../src/interview/mock';
import { loadMarks, loadMockProgress, marksKey, mockKey, saveMarks, saveMockProgress, type KeyValueStore } from '../../src/interview/storage';
import { brokerOrder, topicOrder, type Topic } from '../../src/interview/types';

/** A Map-backed store; `full` makes every write throw as a full localStorage does. */
function memoryStore(full = false): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, v);
    },
    removeItem: (k) => void data.delete(k),
  };
}

const bankFilters: fc.Arbitrary<BankFilters> = fc.record({
  topic: fc.constantFrom(null, ...topicOrder),
  broker: fc.constantFrom(null, ...brokerOrder),
  marked: fc.constantFrom(null, ...markFilters),
  practice: fc.boolean(),
});

describe('question bank structure', () => {
  it('lists every question exactly once, under its first topic, in topic order', () => {
    const sections = bankSections(questions);
    expect(sections.flatMap((s) => s.questions.map((q) => q.id)).sort()).toEqual(questions.map((q) => q.id).sort());
    for (const s of sections) for (const q of s.questions) expect(homeTopic(q)).toBe(s.topic);
    expect(sections.map((s) => s.topic)).toEqual(topicOrder.filter((t) => sections.some((s) => s.topic === t)));
  });

  it('anchors a question by its id, not its text', () => {
    const q = questions[0]!;
    const reworded = { ...q, question: { en: 'Something else entirely?', 'zh-cn': '完全不同的问题？' } };
    expect(questionAnchor(reworded.id)).toBe(questionAnchor(q.id));
    expect(questionAnchor(q.id)).toBe(`q-${q.id}`);
  });

  it('links to the chapter and its anchor, under the site base', () => {
    const withSim = questions.find((q) => q.see.simulator)!;
    expect(seeHref(withSim, 'en', '/lab/')).toBe(`/lab/en/${withSim.see.chapter}/#${withSim.see.simulator}`);
    const withSection = questions.find((q) => q.see.section)!;
    expect(seeHref(withSection, 'zh-cn', '/')).toBe(`/zh-cn/${withSection.see.chapter}/#${encodeURIComponent(withSection.see.section!['zh-cn'])}`);
  });
});

describe('question bank filters in the URL', () => {
  it('round-trips every combination of filters', () => {
    fc.assert(
      fc.property(bankFilters, (f) => {
        const decoded = parseBankQuery(bankQuery(f));
        expect(decoded.rejected).toEqual([]);
        expect(decoded.value).toEqual(f);
      }),
    );
  });

  it('writes nothing for no filters, and a fixed order otherwise', () => {
    expect(bankQuery(noFilters)).toBe('');
    expect(bankQuery({ topic: 'acks', broker: 'kafka', marked: 'review', practice: true })).toBe('?topic=acks&broker=kafka&marked=review&mode=practice');
  });

  it('keeps parameters it does not own, and replaces its own', () => {
    expect(bankQuery({ ...noFilters, broker: 'rabbitmq' }, '?utm_source=x&broker=kafka&topic=acks')).toBe('?utm_source=x&broker=rabbitmq');
  });

  it('rejects garbage value by value, keeping the rest of the link', () => {
    const { value, rejected } = parseBankQuery('?topic=acks%3Cscript%3E&broker=kafka&marked=maybe&mode=exam');
    expect(value).toEqual({ topic: null, broker: 'kafka', marked: null, practice: false });
    expect(rejected).toEqual([
      { param: 'topic', value: 'acks<script>' },
      { param: 'marked', value: 'maybe' },
      { param: 'mode', value: 'exam' },
    ]);
  });

  it('keeps the first valid value of a repeated parameter and reports the others', () => {
    const { value, rejected } = parseBankQuery('topic=nope&topic=dlq&topic=acks');
    expect(value.topic).toBe('dlq');
    expect(rejected).toEqual([
      { param: 'topic', value: 'nope' },
      { param: 'topic', value: 'acks' },
    ]);
  });

  it('never throws, always yields a valid view, and shortens what it echoes back', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const { value, rejected } = parseBankQuery(search);
        expect([null, ...topicOrder]).toContain(value.topic);
        expect([null, ...brokerOrder]).toContain(value.broker);
        expect([null, ...markFilters]).toContain(value.marked);
        for (const r of rejected) expect(r.value.length).toBeLessThanOrEqual(65);
      }),
    );
  });

  it('matches a question by topic, broker and mark; clearing keeps practice mode', () => {
    const q = { topics: ['acks', 'dlq'] as Topic[], brokers: ['rabbitmq' as const] };
    expect(matchesFilters(q, { ...noFilters, topic: 'dlq' }, undefined)).toBe(true);
    expect(matchesFilters(q, { ...noFilters, broker: 'kafka' }, undefined)).toBe(false);
    expect(matchesFilters(q, { ...noFilters, marked: 'unmarked' }, 'known')).toBe(false);
    expect(matchesFilters(q, { ...noFilters, marked: 'review' }, 'review')).toBe(true);
    expect(matchesFilters(q, { ...noFilters, marked: 'known' }, undefined)).toBe(false);
    expect(clearFilters({ topic: 'acks', broker: 'kafka', marked: 'known', practice: true })).toEqual({ ...noFilters, practice: true });
  });
});

describe('mock interview runs', () => {
  const setup: MockSetup = { topics: ['acks', 'idempotency'], count: 5, seed: 'k3x9q2' };

  it('is the same run from the same seed, whatever order the bank lists its questions in', () => {
    const run = pickRun(questions, setup).map((q) => q.id);
    expect(run).toHaveLength(5);
    expect(pickRun(questions, setup).map((q) => q.id)).toEqual(run);
    expect(pickRun([...questions].reverse(), setup).map((q) => q.id)).toEqual(run);
    fc.assert(
      fc.property(fc.shuffledSubarray(questions, { minLength: questions.length }), (shuffled) => {
        expect(pickRun(shuffled, setup).map((q) => q.id)).toEqual(run);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a shared link’s run: this seed has always drawn these questions', () => {
    // If this fails, the ranking changed and every shared link now gives a different run.
    expect(pickRun(questions, { topics: ['acks', 'idempotency'], count: 3, seed: 'demo42' }).map((q) => q.id)).toMatchInlineSnapshot(`
      [
        "rabbitmq-nack-requeue",
        "spring-kafka-commit-defaults",
        "naturally-idempotent-writes",
      ]
    `);
  });

  it('draws only from the chosen topics, without repeats, and at most the pool', () => {
    fc.assert(
      fc.property(
        fc.subarray([...topicOrder], { minLength: 1 }),
        fc.integer({ min: 1, max: 20 }),
        fc.stringMatching(/^[a-z0-9]{1,16}$/),
        (topics, count, seed) => {
          const run = pickRun(questions, { topics, count, seed });
          const pool = mockPool(questions, topics);
          expect(run.length).toBe(Math.min(count, pool.length));
          expect(new Set(run.map((q) => q.id)).size).toBe(run.length);
          for (const q of run) expect(q.topics.some((t) => topics.includes(t))).toBe(true);
        },
      ),
    );
  });

  it('gives different seeds different runs', () => {
    const runs = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) =>
        pickRun(questions, { ...setup, seed })
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(runs.size).toBeGreaterThanOrEqual(7);
  });

  it('changes a run only if a new question ranks into it', () => {
    const run = pickRun(questions, setup);
    const extra = { ...questions[0]!, id: 'a-question-added-later', topics: ['acks' as Topic] };
    const after = pickRun([...questions, extra], setup);
    if (!after.includes(extra)) expect(after).toEqual(run);
    else expect(after.filter((q) => q !== extra)).toEqual(run.slice(0, setup.count - 1));
  });

  it('round-trips a run through its URL', () => {
    fc.assert(
      fc.property(
        fc.subarray([...topicOrder], { minLength: 1 }),
        fc.integer({ min: 1, max: 20 }),
        fc.stringMatching(/^[a-z0-9]{1,16}$/),
        (topics, count, seed) => {
          const s: MockSetup = { topics: topicOrder.filter((t) => topics.includes(t)), count, seed };
          expect(parseMockQuery(mockQuery(s))).toEqual({ value: s, rejected: [] });
        },
      ),
    );
    expect(mockQuery(setup)).toBe('?topics=acks,idempotency&n=5&seed=k3x9q2');
  });

  it('falls back clearly on garbage: no seed means no run; bad topics and counts become the defaults', () => {
    expect(parseMockQuery('')).toEqual({ value: null, rejected: [] });
    // The setup form sent before the script ran (checkboxes repeat `topics`, the seed still empty).
    expect(parseMockQuery('?topics=acks&topics=dlq&n=5&seed=')).toEqual({ value: null, rejected: [] });
    expect(parseMockQuery('?topics=acks&topics=dlq&n=3&seed=abc').value).toEqual({ topics: ['acks', 'dlq'], count: 3, seed: 'abc' });
    expect(parseMockQuery('?seed=HAS%20SPACES&n=5')).toEqual({ value: null, rejected: [{ param: 'seed', value: 'HAS SPACES' }] });
    expect(parseMockQuery('?topics=acks,bogus&n=9999&seed=ok1')).toEqual({
      value: { topics: ['acks'], count: 5, seed: 'ok1' },
      rejected: [
        { param: 'topics', value: 'bogus' },
        { param: 'n', value: '9999' },
      ],
    });
    expect(parseMockQuery('?topics=nothing&seed=ok1').value?.topics).toEqual([...topicOrder]);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const { value } = parseMockQuery(search);
        if (value) {
          expect(isSeed(value.seed)).toBe(true);
          expect(value.topics.length).toBeGreaterThan(0);
          expect(value.count).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it('makes seeds from bytes, and hashes deterministically', () => {
    expect(seedFromBytes(new Uint8Array([0, 1, 2, 35, 36, 255, 100, 7]))).toBe('abc9ad2h');
    expect(isSeed(seedFromBytes(new Uint8Array(8).fill(200)))).toBe(true);
    expect(hash32('demo42\u0000x')).toBe(hash32('demo42\u0000x'));
    expect(hash32('a')).not.toBe(hash32('b'));
  });
});

describe('practice storage', () => {
  it('saves and loads marks, dropping anything that is not a mark', () => {
    const store = memoryStore();
    expect(saveMarks(store, { a: 'known', b: 'review' })).toBe(true);
    expect(loadMarks(store)).toEqual({ a: 'known', b: 'review' });
    store.data.set(marksKey, JSON.stringify({ v: 1, marks: { a: 'known', b: 'forgotten', c: 3 } }));
    expect(loadMarks(store)).toEqual({ a: 'known' });
  });

  it('reads missing, corrupted or unavailable storage as empty, and reports a failed save', () => {
    expect(loadMarks(null)).toEqual({});
    const store = memoryStore();
    store.data.set(marksKey, '{not json');
    expect(loadMarks(store)).toEqual({});
    expect(saveMarks(memoryStore(true), { a: 'known' })).toBe(false);
    expect(saveMarks(null, { a: 'known' })).toBe(false);
  });

  it('resumes a mock run only for the same run', () => {
    const store = memoryStore();
    const progress = { run: '?topics=acks&n=3&seed=x', step: 2, answers: { q1: { text: 'hi', revealed: true, rating: 'partly' as const } } };
    expect(saveMockProgress(store, progress)).toBe(true);
    expect(loadMockProgress(store, progress.run)).toEqual(progress);
    expect(loadMockProgress(store, '?topics=acks&n=3&seed=y')).toEqual({ run: '?topics=acks&n=3&seed=y', step: 0, answers: {} });
    store.data.set(mockKey, JSON.stringify({ v: 1, run: progress.run, step: -4, answers: { q1: { rating: 'great', text: 7 } } }));
    expect(loadMockProgress(store, progress.run)).toEqual({ run: progress.run, step: 0, answers: { q1: { text: '', revealed: false, rating: null } } });
    expect(saveMockProgress(memoryStore(true), progress)).toBe(false);
  });
});
