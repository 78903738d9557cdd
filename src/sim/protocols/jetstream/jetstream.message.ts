import type { HandlerMessage } from '../../engine/handlers';

/**
 * The message as this broker hands it to a reader's handler in a code lab: its own fields and nothing it
 * does not have. Only the handler runtime (engine/handlers.ts) reads it, so the widgets' bundles, which
 * run no reader's code, do not carry it.
 */
export const handlerMessage: HandlerMessage = (_world, _scenario, d, body) =>
  Object.freeze({ subject: 'orders.paid', headers: Object.freeze({ 'Nats-Msg-Id': d.msgId }), seq: d.offset ?? 0, numDelivered: d.count, body });
