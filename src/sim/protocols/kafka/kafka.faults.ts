/** Faults Kafka scenarios inject. */
export type KafkaFaultKind = 'crashConsumerBeforeCommit' | 'exceedMaxPollInterval' | 'closeConsumer' | 'loseProduceResponse' | 'crashProducer';

/** Menu labels and tooltips. */
export const kafkaFaultInfo: Record<KafkaFaultKind, { en: string; 'zh-cn': string; tip: { en: string; 'zh-cn': string } }> = {
  crashConsumerBeforeCommit: {
    en: 'Crash consumer after processing, before the offset commit',
    'zh-cn': '处理完、提交位点前让消费者崩溃',
    tip: {
      en: 'The record is processed, but its offset is not committed yet: whoever owns the partition next starts from the last committed offset.',
      'zh-cn': '消息已经处理，位点还没提交：下一个拿到分区的消费者从上次提交的位点开始读。',
    },
  },
  exceedMaxPollInterval: {
    en: 'Stall past max.poll.interval.ms',
    'zh-cn': '处理超过 max.poll.interval.ms',
    tip: {
      en: 'The handler takes longer than max.poll.interval.ms: the consumer leaves the group and its partition is reassigned while it keeps working.',
      'zh-cn': '处理时间超过 max.poll.interval.ms：消费者离开消费者组，分区被重新分配，而它还在处理。',
    },
  },
  closeConsumer: {
    en: 'Shut consumer 1 down (deploy)',
    'zh-cn': '关闭消费者 1（发版）',
    tip: {
      en: 'A graceful close(), as in a deploy: the partition moves to consumer 2.',
      'zh-cn': '正常调用 close()，比如发版：分区转给消费者 2。',
    },
  },
  loseProduceResponse: {
    en: 'Lose the produce response',
    'zh-cn': '弄丢发送响应',
    tip: {
      en: 'The broker appended the record, but the response never reaches the producer; it retries after request.timeout.ms.',
      'zh-cn': 'Broker 已经写入，响应没回到生产者；生产者在 request.timeout.ms 后重试。',
    },
  },
  crashProducer: {
    en: 'Crash the producer before the response',
    'zh-cn': '收到响应前让生产者崩溃',
    tip: {
      en: 'The producer process dies after sending; the restarted application sends the event again with a new producer id.',
      'zh-cn': '生产者发出后进程崩溃；重启后的应用用新的 producer id 再发一次。',
    },
  },
};
