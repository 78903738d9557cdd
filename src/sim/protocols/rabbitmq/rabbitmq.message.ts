import type { HandlerMessage } from '../../engine/handlers';
import { rabbitDefaults, type RabbitSettings } from './rabbitmq.settings';

/**
 * The message as this broker hands it to a reader's handler in a code lab: its own fields and nothing it
 * does not have. Only the handler runtime (engine/handlers.ts) reads it, so the widgets' bundles, which
 * run no reader's code, do not carry it.
 */
export const handlerMessage: HandlerMessage<RabbitSettings> = (_world, scenario, d, body) => {
  const s = scenario.broker ?? rabbitDefaults;
  // Only quorum queues count deliveries; the header is absent on the first one.
  const headers = Object.freeze(s.queueType === 'quorum' && d.count > 1 ? { 'x-delivery-count': d.count - 1 } : {});
  return Object.freeze({ messageId: s.publisherSetsMessageId === false ? undefined : d.msgId, redelivered: d.redelivered, headers, body });
};
