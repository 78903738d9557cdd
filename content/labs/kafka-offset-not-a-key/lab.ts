import type { LabDefinition } from '../../../src/sandbox/lab';
import { kafkaDefaults, type KafkaSettings } from '../../../src/sim/protocols/kafka/kafka.settings';

/** The id changed on re-send: a re-sent record is a new record at a new offset; dedup on the business key. */
export default {
  id: 'kafka-offset-not-a-key',
  protocol: 'kafka',
  broker: { ...kafkaDefaults, commit: 'sync' } satisfies KafkaSettings,
  title: { en: 'Kafka: a re-sent record gets a new offset', 'zh-cn': 'Kafka：重发的消息换了位点' },
  goal: {
    en:
      'Two consumers in group billing. A consumer may stall past max.poll.interval.ms or crash before its commit, so a record can be read twice at the same ' +
      'offset. The producer may also crash before its response and, restarted, send order #42 again: the same order, a new record, a new offset. Charge ' +
      'every order exactly once.',
    'zh-cn':
      '消费者组 billing 里有两个消费者。消费者可能卡过 max.poll.interval.ms，也可能在提交位点前崩溃，于是同一个位点上的记录会被读两次。生产者也可能在收到响应前崩溃，重启后把订单 #42 再发一次：同一个订单，一条新记录，一个新的位点。保证每个订单恰好扣一次款。',
  },
  consumers: 2,
  faults: { exceedMaxPollInterval: 1, crashConsumerBeforeEffect: 1, crashConsumerBeforeCommit: 1, crashProducer: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
