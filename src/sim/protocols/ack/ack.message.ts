import type { HandlerMessage } from '../../engine/handlers';

/**
 * The message as this broker hands it to a reader's handler in a code lab: its own fields and nothing it
 * does not have. Only the handler runtime (engine/handlers.ts) reads it, so the widgets' bundles, which
 * run no reader's code, do not carry it.
 */
// The generic queue names each stored message itself (as SQS does): a republished copy gets a new id.
export const handlerMessage: HandlerMessage = (_world, _scenario, d, body) =>
  Object.freeze({ messageId: d.copy > 1 ? `${d.msgId}-${d.copy}` : d.msgId, redelivered: d.redelivered, body });
