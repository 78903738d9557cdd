import type { HandlerMessage } from '../../engine/handlers';

/**
 * The message as this broker hands it to a reader's handler in a code lab: its own fields and nothing it
 * does not have. Only the handler runtime (engine/handlers.ts) reads it, so the widgets' bundles, which
 * run no reader's code, do not carry it.
 */
// A record: topic, partition, offset, key, headers. No redelivered flag, no delivery count: Kafka has neither.
export const handlerMessage: HandlerMessage = (_world, _scenario, d, body) =>
  Object.freeze({ topic: 'payments', partition: 0, offset: d.offset ?? 0, key: d.key, headers: Object.freeze({}), body });
