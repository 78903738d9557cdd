import { topicOrder, type Bilingual, type Question, type Topic } from './types';

/**
 * The question bank's structure and addresses, shared by the page, its table of contents, the mock
 * interview and the tests. Pure: no DOM, no Astro.
 */

/** A page language. */
export type Lang = keyof Bilingual;

/** The element id of a question's heading: `q-<id>`, from the stable id, never from the text. */
export const questionAnchor = (id: string): string => `q-${id}`;

/** The element id of a topic section's heading. */
export const topicAnchor = (topic: Topic): string => `topic-${topic}`;

/** The section a question is listed under: its first topic. */
export const homeTopic = (q: Question): Topic => q.topics[0]!;

/** One section of the bank: a topic and the questions whose home it is, in data order. */
export interface BankSection {
  topic: Topic;
  questions: Question[];
}

/** Groups questions by home topic, sections in `topicOrder`, empty sections left out. */
export function bankSections(questions: readonly Question[]): BankSection[] {
  return topicOrder.map((topic) => ({ topic, questions: questions.filter((q) => homeTopic(q) === topic) })).filter((s) => s.questions.length > 0);
}

/** The anchor on the chapter that shows a question's answer (simulator id or heading id), if any. */
export function seeAnchor(q: Question, lang: Lang): string | undefined {
  return q.see.simulator ?? q.see.section?.[lang];
}

/** The address of the chapter (and its anchor) that shows a question's answer. `base` ends with '/'. */
export function seeHref(q: Question, lang: Lang, base: string): string {
  const anchor = seeAnchor(q, lang);
  return `${base}${lang}/${q.see.chapter}/${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

/** The address of a question in the bank. `base` ends with '/'. */
export const questionHref = (id: string, lang: Lang, base: string): string => `${base}${lang}/interview/questions/#${questionAnchor(id)}`;
