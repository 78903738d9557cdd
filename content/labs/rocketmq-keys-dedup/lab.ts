import type { LabDefinition } from '../../../src/sandbox/lab';
import { rocketDefaults } from '../../../src/sim/protocols/rocketmq/rocketmq.settings';

/** RocketMQ: dedupe by the business key in `keys`, not by msgId, and let failures retry. */
export default {
  id: 'rocketmq-keys-dedup',
  protocol: 'rocketmq',
  broker: rocketDefaults,
  title: { en: 'RocketMQ: dedup by keys, not msgId', 'zh-cn': 'RocketMQ：按 keys 去重，而不是 msgId' },
  goal: {
    en:
      'A send may time out after the broker stored it (the application sends again: same keys, new msgId), and a consumer may crash before or after ' +
      'charging, before its offset is persisted. A second consumer may join mid-message. Each rebalance divides the queues again: when a consumer crashes, ' +
      'the other takes over its queue from the last persisted offset, and hands it back when the first one restarts. Charge every order exactly once.',
    'zh-cn':
      '发送可能在 Broker 已存下后超时（应用重发：keys 相同，msgId 不同），消费者也可能在扣款前后、位点上报前崩溃。第二个消费者可能在消费中途加入。' +
      '每次再均衡都会重新分配队列：一个消费者崩溃后，另一个从最后上报的位点接管它的队列，等它重启后再交还。保证每个订单恰好扣一次款。',
  },
  consumers: 2,
  // Consumer 2 starts mid-message. Its own queue stays empty here: a copy reaches it after consumer 1 crashes,
  // and both may hold the same message once consumer 1 restarts and the queue moves back.
  faults: { loseSendResponse: 1, crashConsumerBeforeEffect: 1, crashConsumerBeforePersist: 1, joinConsumer: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
