/**
 * The interview question bank's shape. Questions are data (content/interview/questions.ts), written
 * for both languages, each pointing at the simulator or chapter that demonstrates its answer.
 */

/** Topics a reader can filter by. */
export type Topic = 'guarantees' | 'acks' | 'idempotency' | 'producer' | 'ordering' | 'dlq' | 'transactions' | 'testing';
/** Brokers a reader can filter by ('general' = not broker-specific). */
export type Broker = 'general' | 'kafka' | 'rabbitmq' | 'rocketmq' | 'sqs' | 'jetstream' | 'pulsar';

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
}

/** One interview question. */
export interface Question {
  /** Stable, kebab-case. */
  id: string;
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
