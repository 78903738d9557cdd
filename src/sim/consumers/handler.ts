/**
 * Readers' handlers (code labs) as consumer strategies. A handler is ordinary synchronous code that
 * talks to the world only through `ctx`; every `ctx` call is one atomic operation, and the checker
 * may crash the consumer, or run another consumer, between any two of them.
 *
 * To stop a handler between operations without threads or continuations, the engine re-runs it
 * from the start for each step, answering the calls it already made from a recorded history and
 * suspending at the first new call (deterministic replay). Handlers must therefore be deterministic:
 * the sandbox gives them no clock, no randomness and no I/O besides `ctx`.
 */
import type { Delivery } from '../core/types';
import { row, type Stores } from './ops';

/// <reference path="./handler-api.d.ts" />
// The handler API types (HandlerMessage, HandlerContext, …) are global declarations in
// handler-api.d.ts, so the editor and this engine read the same file.
/** The message a handler receives (alias of the global `HandlerMessage`). */
export type HandlerMessageT = HandlerMessage;
/** The context a handler receives (alias of the global `HandlerContext`). */
export type HandlerContextT = HandlerContext;

/** A reader's handler. Returning means "done": the consumer acks. Throwing dead-letters the message. */
export type Handler = (message: HandlerMessage, ctx: HandlerContext) => void;

/** The error `insert` throws on a duplicate key. */
export class UniqueViolation extends Error {
  constructor(table: string, key: string) {
    super(`duplicate key “${key}” in table “${table}”`);
    // defineProperty, not assignment: the sandbox freezes Error.prototype, and assigning over a
    // frozen inherited property throws in strict mode.
    Object.defineProperty(this, 'name', { value: 'UniqueViolation' });
  }
}

/** A recorded result of one ctx call, replayed on later steps. */
export type CallRecord = { value: boolean | string | null } | { error: string };

/** Thrown to stop a handler at its first new call. Never reaches reader code's catch (see below). */
class Suspend {
  constructor(readonly outcome: StepOutcome) {}
}

/** What running one step of a handler did. */
export type StepOutcome =
  | { kind: 'call'; name: string; stores: Stores; record: CallRecord; effect: boolean; remember: string | null; ttlKey: string | null; applied: boolean }
  | { kind: 'returned' }
  | { kind: 'threw'; message: string };

const unique = new Set<string>(['inbox']);

/** Runs the handler until its call number `pc` (replaying earlier calls from `history`), executes that call, and stops. */
export function stepHandler(
  handler: Handler,
  delivery: Delivery,
  amount: number,
  history: readonly CallRecord[],
  stores: Stores,
  memo: readonly string[],
  now: number,
): StepOutcome {
  let index = 0;
  const pc = history.length;
  // Once suspended, stay suspended: a handler that catches everything cannot swallow the stop.
  let suspended: StepOutcome | null = null;

  /** One ctx call: replayed if recorded, executed and suspended if it is the next one. */
  const call = (name: string, run: () => Omit<Extract<StepOutcome, { kind: 'call' }>, 'kind' | 'name'>): boolean | string | null => {
    if (suspended) throw new Suspend(suspended);
    const i = index++;
    if (i < pc) {
      const rec = history[i]!;
      if ('error' in rec) throw rec.error === 'unique' ? new UniqueViolation('inbox', '') : new Error(rec.error);
      return rec.value;
    }
    suspended = { kind: 'call', name, ...run() };
    throw new Suspend(suspended);
  };

  const isCached = (s: Stores, key: string) => s.cache[key] !== undefined && s.cache[key]! > now;
  const effectsOn = (draft: { stores: Stores; applied: boolean; ran: boolean }): HandlerEffects => ({
    addToBalance: (key) => {
      draft.ran = true;
      draft.stores = { ...draft.stores, ledger: { ...draft.stores.ledger, [key]: (draft.stores.ledger[key] ?? 0) + 1 } };
      draft.applied = true;
    },
    recordPayment: (key) => {
      draft.ran = true;
      if ((draft.stores.ledger[key] ?? 0) === 0) {
        draft.stores = { ...draft.stores, ledger: { ...draft.stores.ledger, [key]: 1 } };
        draft.applied = true;
      }
    },
  });
  const insertInto = (s: Stores, table: TableName, key: string): Stores => {
    if (unique.has(table) && s.db.includes(row(table, key))) throw new UniqueViolation(table, key);
    return { ...s, db: [...s.db, row(table, key)].sort() };
  };
  const result = (over: Partial<Omit<Extract<StepOutcome, { kind: 'call' }>, 'kind' | 'name'>>) => ({
    stores,
    record: { value: null } as CallRecord,
    effect: false,
    remember: null,
    ttlKey: null,
    applied: false,
    ...over,
  });
  const failure = (error: unknown): CallRecord => ({ error: error instanceof UniqueViolation ? 'unique' : String((error as Error)?.message ?? error) });

  const ctx: HandlerContext = {
    db: {
      exists: (table, key) => call(`db.exists`, () => result({ record: { value: stores.db.includes(row(table, key)) } })) as boolean,
      insert: (table, key) => {
        call('db.insert', () => {
          try {
            return result({ stores: insertInto(stores, table, key) });
          } catch (error) {
            return result({ record: failure(error) });
          }
        });
      },
      transaction: (work) => {
        call('db.transaction', () => {
          const draft = { stores, applied: false, ran: false };
          const tx: HandlerTx = {
            exists: (table, key) => draft.stores.db.includes(row(table, key)),
            insert: (table, key) => {
              draft.stores = insertInto(draft.stores, table, key);
            },
            effects: effectsOn(draft),
          };
          try {
            work(tx);
          } catch (error) {
            if (error instanceof Suspend) throw error;
            return result({ record: failure(error) }); // rolled back: nothing from the draft survives
          }
          return result({ stores: draft.stores, effect: draft.ran, applied: draft.applied });
        });
      },
      isUniqueViolation: (error) => error instanceof UniqueViolation,
    },
    cache: {
      get: (key) => call('cache.get', () => result({ record: { value: isCached(stores, key) ? 'set' : null } })) as string | null,
      set: (key, _value, options = {}) =>
        call('cache.set', () => {
          if (options.nx && isCached(stores, key)) return result({ record: { value: false } });
          const ttl = options.ttlMs ?? 0;
          const cache = { ...stores.cache, [key]: ttl > 0 ? now + ttl : Number.MAX_SAFE_INTEGER };
          return result({ stores: { ...stores, cache }, record: { value: true }, ttlKey: ttl > 0 ? key : null });
        }) as boolean,
    },
    effects: {
      addToBalance: (key, value) =>
        void call('effects.addToBalance', () => {
          const draft = { stores, applied: false, ran: false };
          effectsOn(draft).addToBalance(key, value);
          return result({ stores: draft.stores, effect: true, applied: draft.applied });
        }),
      recordPayment: (key, value) =>
        void call('effects.recordPayment', () => {
          const draft = { stores, applied: false, ran: false };
          effectsOn(draft).recordPayment(key, value);
          return result({ stores: draft.stores, effect: true, applied: draft.applied });
        }),
    },
    memory: {
      has: (key) => call('memory.has', () => result({ record: { value: memo.includes(key) } })) as boolean,
      add: (key) => void call('memory.add', () => result({ remember: key })),
    },
  };

  const message: HandlerMessage = { id: delivery.msgId, key: delivery.key, amount, redelivered: delivery.redelivered, deliveryCount: delivery.count };
  let thrown: unknown = null;
  let threw = false;
  try {
    handler(message, ctx);
  } catch (error) {
    thrown = error;
    threw = true;
  }
  if (suspended) return suspended;
  if (threw) return { kind: 'threw', message: thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown) };
  return { kind: 'returned' };
}
