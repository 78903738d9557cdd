import { checkThenInsert } from './check-then-insert';
import { inboxByMsgId, inboxInTransaction } from './inbox-in-transaction';
import { none } from './none';
import { processedSet } from './processed-set';
import { setnxAfter } from './setnx-after';
import { setnxBefore } from './setnx-before';
import type { Strategy, StrategyId } from './strategy';
import { upsert } from './upsert';

export type { Strategy, StrategyId } from './strategy';
export { derivedStoreFields, emptyStores, ownStoreFields, row, runOp, type OpKind, type OpOutcome, type Stores } from './ops';
export {
  DatabaseError,
  ModuleStateError,
  stepHandler,
  UniqueViolation,
  type CallRecord,
  type Handler,
  type HandlerContextT,
  type HandlerMessageT,
  type StepOutcome,
} from './handler';

/** Every consumer strategy, by id. */
export const strategies: Record<StrategyId, Strategy> = {
  none,
  processedSet,
  setnxBefore,
  setnxAfter,
  checkThenInsert,
  inboxInTransaction,
  inboxByMsgId,
  upsert,
};
