import type { HandlerMessage } from '../../engine/handlers';

/**
 * The message as this broker hands it to a reader's handler in a code lab: its own fields and nothing it
 * does not have. Only the handler runtime (engine/handlers.ts) reads it, so the widgets' bundles, which
 * run no reader's code, do not carry it.
 */
// Every send gets its own msgId (the client's unique key); a retry through %RETRY% keeps it.
export const handlerMessage: HandlerMessage = (_world, _scenario, d, body) =>
  Object.freeze({ msgId: d.copy > 1 ? `${d.msgId}-${d.copy}` : d.msgId, keys: d.key, reconsumeTimes: d.retries ?? 0, body });
