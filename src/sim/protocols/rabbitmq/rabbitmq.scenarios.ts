import { bothHold, defaultSettings, duplicateOnly, order13, order42, type Scenario, scenarioBase, withInbox } from '../../engine/scenario';
import type { Message } from '../../core/types';
import { rabbitDefaults, type RabbitSettings } from './rabbitmq.settings';

/** A second order, for scenarios that need two messages. */
export const order43: Message = {
  id: 'order-43',
  key: 'order-43',
  label: { en: 'charge order #43 ¥80', 'zh-cn': '订单 #43 扣款 ¥80' },
  name: { en: 'order #43', 'zh-cn': '订单 #43' },
};

const base = scenarioBase('rabbitmq');

const rabbit = (s: Partial<RabbitSettings>): RabbitSettings => ({ ...rabbitDefaults, ...s });

const crashRequeue: Scenario<RabbitSettings> = {
  ...base,
  id: 'rabbitmq-crash-requeue',
  messages: [order42, order43],
  broker: rabbit({ prefetch: 2 }),
  faults: { crashConsumerAfterEffect: 1 },
  expected: duplicateOnly,
};

const consumerTimeout: Scenario<RabbitSettings> = {
  ...base,
  id: 'rabbitmq-consumer-timeout',
  consumers: 2,
  broker: rabbit({}),
  faults: { exceedConsumerTimeout: 1 },
  expected: duplicateOnly,
};

const lostConfirm: Scenario<RabbitSettings> = {
  ...base,
  id: 'rabbitmq-lost-confirm',
  broker: rabbit({}),
  faults: { loseConfirm: 1 },
  expected: duplicateOnly,
};

const limitLow: Scenario<RabbitSettings> = {
  ...base,
  id: 'rabbitmq-delivery-limit-low',
  broker: rabbit({ queueType: 'quorum', deliveryLimit: 2, deadLetterExchange: 'orders.dlx' }),
  faults: { failHandler: 3 },
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

const ttlNotDedup: Scenario<RabbitSettings> = {
  ...base,
  id: 'rabbitmq-ttl-not-dedup',
  settings: { ...defaultSettings, restartDelay: 120_000 },
  broker: rabbit({ messageTtl: 60_000 }),
  faults: { loseConfirm: 1, crashConsumerBeforeEffect: 1 },
  expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'violated' },
};

const poisonDropped: Scenario<RabbitSettings> = {
  ...base,
  id: 'rabbitmq-poison-reject-drop',
  messages: [order13, order42],
  broker: rabbit({ onFailure: 'reject' }),
  faults: {},
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

const springPoisonRequeue: Scenario<RabbitSettings> = {
  ...base,
  id: 'spring-amqp-poison-requeue',
  // The poison message alone: with order #42 beside it the checker explores every way the publish
  // interleaves with 21 deliveries, which costs more than the 100 ms budget and shows nothing new.
  messages: [order13],
  broker: rabbit({ queueType: 'quorum', prefetch: 250, deliveryLimit: 20 }),
  faults: {},
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

/**
 * RabbitMQ scenarios, each broken one followed by its fixed variant. Expected verdicts are declared
 * here; the tests and the benchmark compare the checker's verdicts against them.
 */
export const rabbitScenarios: Scenario<RabbitSettings>[] = [
  crashRequeue,
  {
    ...crashRequeue,
    ...withInbox,
    id: 'rabbitmq-crash-requeue-inbox',
    expected: bothHold,
  },
  consumerTimeout,
  {
    ...consumerTimeout,
    ...withInbox,
    id: 'rabbitmq-consumer-timeout-inbox',
    expected: bothHold,
  },
  lostConfirm,
  {
    ...lostConfirm,
    ...withInbox,
    id: 'rabbitmq-lost-confirm-inbox',
    expected: bothHold,
  },
  limitLow,
  {
    ...limitLow,
    id: 'rabbitmq-delivery-limit-default',
    broker: rabbit({ queueType: 'quorum', deliveryLimit: 20, deadLetterExchange: 'orders.dlx' }),
    expected: bothHold,
  },
  ttlNotDedup,
  {
    ...ttlNotDedup,
    ...withInbox,
    id: 'rabbitmq-dedup-not-ttl',
    broker: rabbit({}),
    expected: bothHold,
  },
  poisonDropped,
  {
    ...poisonDropped,
    id: 'rabbitmq-poison-reject-dlx',
    broker: rabbit({ onFailure: 'reject', deadLetterExchange: 'orders.dlx' }),
    expected: bothHold,
  },
  // Spring AMQP's listener container defaults (chapter "In your framework"): AcknowledgeMode.AUTO
  // acks after the listener returns and answers an exception with basic.nack requeue=true
  // (defaultRequeueRejected=true; AbstractMessageListenerContainer, BlockingQueueConsumer in
  // spring-amqp v4.0.5), prefetch 250. On a 4.0–4.2 quorum queue the default delivery-limit of 20
  // ends the loop by dropping the message when no dead-letter exchange is set.
  springPoisonRequeue,
  {
    ...springPoisonRequeue,
    id: 'spring-amqp-reject-dont-requeue',
    broker: rabbit({ ...springPoisonRequeue.broker, onFailure: 'reject', deadLetterExchange: 'orders.dlx' }),
    expected: bothHold,
  },
];
