import type { LabDefinition } from '../../../src/sandbox/lab';
import { rabbitDefaults } from '../../../src/sim/protocols/rabbitmq/rabbitmq.settings';

/** RabbitMQ: `redelivered` is a hint, not a dedup key; a republished copy is not even flagged. */
export default {
  id: 'rabbitmq-ack-dedup',
  protocol: 'rabbitmq',
  rabbitmq: rabbitDefaults,
  title: { en: 'RabbitMQ: ack after the work, dedup by message id', 'zh-cn': 'RabbitMQ：处理完再 ack，按消息 ID 去重' },
  goal: {
    en: 'Manual acks: basic.ack is sent after handle() returns. The consumer may crash before or after charging, and a lost publisher confirm makes the producer publish order #42 again. Charge it exactly once.',
    'zh-cn': '手动 ack：handle() 返回后才发 basic.ack。消费者可能在扣款前后崩溃，发布确认丢失还会让生产者把订单 #42 再发一次。保证恰好扣一次款。',
  },
  consumers: 1,
  faults: { crashConsumerBeforeEffect: 1, crashConsumerAfterEffect: 1, loseConfirm: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
