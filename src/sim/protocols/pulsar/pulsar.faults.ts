/** Faults only Pulsar scenarios inject (the two crashes of a busy consumer are the generic ones). */
export type PulsarFaultKind = 'crashBeforeAckFlush' | 'failHandler' | 'exceedAckTimeout' | 'dropProducerConnection' | 'restartProducer';

/** Menu labels and tooltips. */
export const pulsarFaultInfo: Record<PulsarFaultKind, { en: string; 'zh-cn': string; tip: { en: string; 'zh-cn': string } }> = {
  crashBeforeAckFlush: {
    en: 'Crash consumer before the ack is flushed',
    'zh-cn': 'ack 刷出前让消费者崩溃',
    tip: {
      en: 'acknowledge() has returned, but the ack waits up to acknowledgmentGroupTime (100 ms) in the client before it is sent.',
      'zh-cn': 'acknowledge() 已经返回，但 ack 还在客户端里攒着，最多等 acknowledgmentGroupTime（100 毫秒）才发出去。',
    },
  },
  failHandler: {
    en: 'Fail the handler (negativeAcknowledge)',
    'zh-cn': '让处理失败（negativeAcknowledge）',
    tip: {
      en: 'A downstream call fails before the charge; the consumer calls negativeAcknowledge().',
      'zh-cn': '扣款前下游调用失败；消费者调用 negativeAcknowledge()。',
    },
  },
  exceedAckTimeout: {
    en: 'Stall past ackTimeout',
    'zh-cn': '处理超过 ackTimeout',
    tip: {
      en: 'The handler is still working when ackTimeout runs out: the client asks the broker to redeliver the message.',
      'zh-cn': '处理还没结束 ackTimeout 就到了：客户端请求 Broker 重投这条消息。',
    },
  },
  dropProducerConnection: {
    en: 'Drop the producer’s connection (receipt lost)',
    'zh-cn': '断开生产者连接（回执丢失）',
    tip: {
      en: 'The broker stored the message, but the connection drops before the receipt arrives; the client reconnects and resends it with the same sequence id.',
      'zh-cn': 'Broker 已经存下消息，回执还没到连接就断了；客户端重连后用同一个 sequence id 重发。',
    },
  },
  restartProducer: {
    en: 'Restart the producer process',
    'zh-cn': '重启生产者进程',
    tip: {
      en: 'The producer process dies before the receipt; after the restart the application sends every outbox row not yet confirmed again.',
      'zh-cn': '生产者进程在收到回执前挂了；重启后应用把事务发件箱里还没确认的行再发一遍。',
    },
  },
};
