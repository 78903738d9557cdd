import type { OpKind } from './ops';

/** A consumer-side deduplication strategy: the handler's operations, in order, with its names. */
export interface Strategy {
  id: StrategyId;
  ops: readonly OpKind[];
  title: { en: string; 'zh-cn': string };
  /** One sentence: what it does and where it breaks (or why it holds). */
  summary: { en: string; 'zh-cn': string };
}

/** Every strategy the simulator knows. */
export type StrategyId = 'none' | 'processedSet' | 'setnxBefore' | 'setnxAfter' | 'checkThenInsert' | 'inboxInTransaction' | 'inboxByMsgId' | 'upsert';
