import type { LabDefinition } from '../../../src/sandbox/lab';
import { rabbitDefaults, type RabbitSettings } from '../../../src/sim/protocols/rabbitmq/rabbitmq.settings';

/** RabbitMQ: `redelivered` is a hint, not a dedup key; a republished copy is not even flagged. */
export default {
  id: 'rabbitmq-ack-dedup',
  protocol: 'rabbitmq',
  // The publisher sets no message-id: a copy published again after a lost confirm is a new message to RabbitMQ.
  broker: { ...rabbitDefaults, publisherSetsMessageId: false } satisfies RabbitSettings,
  title: { en: 'RabbitMQ: redelivered is a hint, not a dedup key', 'zh-cn': 'RabbitMQ：redelivered 只是提示，不能拿来去重' },
  goal: {
    en:
      'Manual acks: basic.ack is sent after handle() returns. A consumer may crash before or after charging, consumer_timeout may close a slow consumer’s ' +
      'channel (the other consumer gets the message), and a lost publisher confirm makes the producer publish again — it sets no message-id, so the copy is ' +
      'simply another message. Charge every order exactly once.',
    'zh-cn':
      '手动 ack：handle() 返回后才发 basic.ack。消费者可能在扣款前后崩溃，consumer_timeout 可能关掉慢消费者的 channel（消息转给另一个消费者），' +
      '发布确认丢失会让生产者再发一次——它没设 message-id，这份副本对 RabbitMQ 来说就是另一条消息。保证每个订单恰好扣一次款。',
  },
  consumers: 2,
  faults: { crashConsumerBeforeEffect: 1, crashConsumerAfterEffect: 1, loseConfirm: 1, exceedConsumerTimeout: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
