import type { LabDefinition } from '../../../src/sandbox/lab';
import { kafkaDefaults, type KafkaSettings } from '../../../src/sim/protocols/kafka/kafka.settings';

/** Kafka: the offset is committed after `handle` returns, so a rebalance or a crash in between replays the record. */
export default {
  id: 'kafka-commit-placement',
  protocol: 'kafka',
  broker: { ...kafkaDefaults, commit: 'sync' } satisfies KafkaSettings,
  title: { en: 'Kafka: between the charge and the commit', 'zh-cn': 'Kafka：扣款与提交位点之间' },
  goal: {
    en:
      'Two consumers in group billing; commitSync() runs after handle() returns. A consumer may stall past max.poll.interval.ms (its partition moves to the ' +
      'other one) or crash before the commit. The producer may crash before its response and, restarted, send order #42 again as a new record. Charge every ' +
      'order exactly once.',
    'zh-cn':
      '消费者组 billing 里有两个消费者；handle() 返回后才 commitSync()。消费者可能卡过 max.poll.interval.ms（分区转给另一个），也可能在提交前崩溃。生产者也可能在收到响应前崩溃，重启后把订单 #42 作为一条新记录再发一次。保证每个订单恰好扣一次款。',
  },
  consumers: 2,
  faults: { exceedMaxPollInterval: 1, crashConsumerBeforeEffect: 1, crashConsumerBeforeCommit: 1, crashProducer: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
