/** Faults RocketMQ scenarios inject. */
export type RocketFaultKind = 'crashConsumerBeforePersist' | 'joinConsumer' | 'loseSendResponse' | 'failConsumption';

/** Menu labels and tooltips. */
export const rocketFaultInfo: Record<RocketFaultKind, { en: string; 'zh-cn': string; tip: { en: string; 'zh-cn': string } }> = {
  crashConsumerBeforePersist: {
    en: 'Crash consumer before the offset is persisted',
    'zh-cn': '位点持久化前让消费者崩溃',
    tip: {
      en: 'Consumed, but the consume offset reaches the broker only every persistConsumerOffsetInterval (5 s).',
      'zh-cn': '已经消费，但消费位点每 persistConsumerOffsetInterval（5 秒）才上报一次 Broker。',
    },
  },
  joinConsumer: {
    en: 'Start consumer 2 (rebalance)',
    'zh-cn': '启动消费者 2（触发再均衡）',
    tip: { en: 'A second consumer joins group billing; the queues are divided again.', 'zh-cn': '第二个消费者加入消费者组 billing，队列重新分配。' },
  },
  loseSendResponse: {
    en: 'Time out the send after the broker stored it',
    'zh-cn': '发送超时（Broker 其实已存下）',
    tip: {
      en: 'The broker stored the message but the result never arrives; the application sends again: a new Message, same keys, new msgId.',
      'zh-cn': 'Broker 已经存下消息，结果却没回来；应用重新发送：新的 Message，keys 相同，msgId 不同。',
    },
  },
  failConsumption: {
    en: 'Fail consumption (RECONSUME_LATER)',
    'zh-cn': '消费失败（RECONSUME_LATER）',
    tip: { en: 'The listener returns RECONSUME_LATER before charging.', 'zh-cn': '监听器在扣款前返回 RECONSUME_LATER。' },
  },
};
