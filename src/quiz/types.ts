/**
 * End-of-chapter quizzes as data (content/quizzes/<chapter>.ts). Two kinds: a plain multiple-choice
 * question, and "predict what happens": the reader picks an outcome, then the simulator plays the
 * run — and a unit test replays the same run to prove the answer key agrees with the engine.
 */

/** Text in both languages. */
export interface Bilingual {
  en: string;
  'zh-cn': string;
}

/** A multiple-choice question. */
export interface ChoiceQuestion {
  kind: 'choice';
  id: string;
  prompt: Bilingual;
  options: Bilingual[];
  /** Index of the correct option. */
  answer: number;
  /** Why the answer is right (and the others not), shown after answering. */
  why: Bilingual;
}

/**
 * "Predict what happens": a built-in scenario, the steps a reader would take (fault steps as the
 * engine's step keys, e.g. 'f:crashConsumerAfterEffect:c1', injected at the first point where each
 * is possible), then the run to quiescence. Options are outcomes: how many times order #42 is charged.
 */
export interface PredictQuestion {
  kind: 'predict';
  id: string;
  scenario: string;
  /** Faults to inject, in order, each as soon as it becomes possible. */
  faults: string[];
  prompt: Bilingual;
  options: { label: Bilingual; charges: number }[];
  answer: number;
  why: Bilingual;
}

export type QuizQuestion = ChoiceQuestion | PredictQuestion;

/** One chapter's quiz. */
export interface Quiz {
  /** Chapter slug without language, e.g. 'concepts/acknowledgements'. */
  chapter: string;
  questions: QuizQuestion[];
}
