/**
 * The interview question bank's shape. Questions are data (content/interview/questions.ts), written
 * for both languages, each pointing at the simulator or chapter that demonstrates its answer.
 */

/** Topics a reader can filter by, in the order the question bank shows its sections. */
export const topicOrder = ['guarantees', 'acks', 'idempotency', 'producer', 'ordering', 'dlq', 'transactions', 'testing'] as const;
/** Brokers a reader can filter by ('general' = not broker-specific), in the order the filter lists them. */
export const brokerOrder = ['general', 'kafka', 'rabbitmq', 'rocketmq', 'sqs', 'jetstream', 'pulsar'] as const;

/** A topic a reader can filter by. */
export type Topic = (typeof topicOrder)[number];
/** A broker a reader can filter by. */
export type Broker = (typeof brokerOrder)[number];

/** Text in both languages. */
export interface Bilingual<T = string> {
  en: T;
  'zh-cn': T;
}

/** Where a question's answer can be seen: a chapter, optionally a simulator (or lab) on it by id. */
export interface SeeAlso {
  /** Chapter slug without language, e.g. 'concepts/acknowledgements'. */
  chapter: string;
  /** The `id` of a <Simulator> on that chapter (the same id in both languages), if one demonstrates it. */
  simulator?: string;
  /**
   * Without a simulator: the id of the heading that answers it, in each language (Chinese headings get
   * Chinese slugs). The unit tests check that every anchor exists on its chapter.
   */
  section?: Bilingual;
}

/** One interview question. */
export interface Question {
  /**
   * Stable, kebab-case, never derived from the question's text: the page anchor is `#q-<id>`, so a
   * reworded question keeps its links. Published ids are listed in tests/unit/question-ids.json and
   * may not disappear.
   */
  id: string;
  /** The first topic is the question's home: the section of the question bank it is listed under. */
  topics: Topic[];
  brokers: Broker[];
  question: Bilingual;
  /** The model answer: 3–6 bullet points a candidate can say aloud. */
  answer: Bilingual<string[]>;
  /** The common wrong answer, as candidates say it. */
  wrong: Bilingual;
  /** Why it is wrong, in one or two sentences, citing the mechanism. */
  why: Bilingual;
  see: SeeAlso;
}
