import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questions } from '../../content/interview/questions';

const chapterSource = (lang: 'en' | 'zh-cn', chapter: string) => {
  try {
    return readFileSync(new URL(`../../content/docs/${lang}/${chapter}.mdx`, import.meta.url), 'utf8');
  } catch {
    return null;
  }
};

describe('interview question bank', () => {
  it('has at least 30 questions with unique ids, covering every topic and the three main brokers', () => {
    expect(questions.length).toBeGreaterThanOrEqual(30);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    const count = (pred: (q: (typeof questions)[number]) => boolean) => questions.filter(pred).length;
    for (const topic of ['guarantees', 'acks', 'idempotency', 'producer', 'ordering', 'dlq', 'transactions', 'testing'] as const) {
      expect(count((q) => q.topics.includes(topic)), topic).toBeGreaterThanOrEqual(2);
    }
    for (const broker of ['kafka', 'rabbitmq', 'rocketmq'] as const) expect(count((q) => q.brokers.includes(broker)), broker).toBeGreaterThanOrEqual(4);
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

  it('every question links to an existing chapter, and to a simulator that is on that chapter in both languages', () => {
    for (const q of questions) {
      for (const lang of ['en', 'zh-cn'] as const) {
        const source = chapterSource(lang, q.see.chapter);
        expect(source, `${q.id}: ${lang}/${q.see.chapter}`).not.toBeNull();
        if (q.see.simulator) expect(source, `${q.id}: #${q.see.simulator} on ${lang}/${q.see.chapter}`).toContain(`<Simulator id="${q.see.simulator}"`);
      }
    }
  });
});
