import GithubSlugger from 'github-slugger';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questions } from '../../content/interview/questions';
import published from './question-ids.json';

const chapterSource = (lang: 'en' | 'zh-cn', chapter: string) => {
  try {
    return readFileSync(new URL(`../../content/docs/${lang}/${chapter}.mdx`, import.meta.url), 'utf8');
  } catch {
    return null;
  }
};

/**
 * The ids a chapter's source gives its elements: each Markdown heading's slug (as Astro makes it: the
 * heading's text, one slugger per page, so repeats get -1, -2) and every explicit `id="…"`.
 */
function anchorsOf(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  let fenced = false;
  for (const line of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const text = heading[1]!
        .replace(/<[^>]+>/g, '')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[`*_]/g, '')
        .trim();
      ids.add(slugger.slug(text));
    }
    for (const m of line.matchAll(/\bid="([^"]+)"/g)) ids.add(m[1]!);
  }
  return ids;
}

describe('interview question bank', () => {
  it('has at least 30 questions with unique ids, covering every topic and the three main brokers', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const count = (pred: (q: (typeof questions)[number]) => boolean) => questions.filter(pred).length;
    for (const topic of ['guarantees', 'acks', 'idempotency', 'producer', 'ordering', 'dlq', 'transactions', 'testing'] as const) {
      expect(
        count((q) => q.topics.includes(topic)),
        topic,
      ).toBeGreaterThanOrEqual(2);
    }
    for (const broker of ['kafka', 'rabbitmq', 'rocketmq'] as const)
      expect(
        count((q) => q.brokers.includes(broker)),
        broker,
      ).toBeGreaterThanOrEqual(4);
  });

  it('every question is complete in both languages', () => {
    for (const q of questions) {
      for (const lang of ['en', 'zh-cn'] as const) {
        expect(q.question[lang].trim(), `${q.id} ${lang}`).not.toBe('');
        expect(q.answer[lang].length, `${q.id} ${lang}`).toBeGreaterThanOrEqual(3);
        expect(q.wrong[lang].trim(), `${q.id} ${lang}`).not.toBe('');
        expect(q.why[lang].trim(), `${q.id} ${lang}`).not.toBe('');
      }
    }
  });

  it('every question links to an existing chapter anchor in both languages: a simulator on it, or a heading', () => {
    for (const q of questions) {
      expect(q.see.simulator ?? q.see.section, `${q.id}: no anchor (give it a simulator or a section)`).toBeDefined();
      for (const lang of ['en', 'zh-cn'] as const) {
        const source = chapterSource(lang, q.see.chapter);
        expect(source, `${q.id}: ${lang}/${q.see.chapter}`).not.toBeNull();
        if (q.see.simulator) expect(source, `${q.id}: #${q.see.simulator} on ${lang}/${q.see.chapter}`).toContain(`<Simulator id="${q.see.simulator}"`);
        if (q.see.section) expect([...anchorsOf(source!)], `${q.id}: #${q.see.section[lang]} on ${lang}/${q.see.chapter}`).toContain(q.see.section[lang]);
      }
    }
  });

  it('gives every question a stable id: kebab-case, unique, and no published id ever disappears', () => {
    const ids = questions.map((q) => q.id);
    for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Links to #q-<id> are out in the world: renaming or removing an id breaks them. A reworded question
    // keeps its id; a new question adds its id to question-ids.json.
    const missing = published.filter((id) => !ids.includes(id));
    expect(missing, 'published question ids that no longer exist').toEqual([]);
    const unpublished = ids.filter((id) => !published.includes(id));
    expect(unpublished, 'new question ids: add them to tests/unit/question-ids.json').toEqual([]);
  });
});
