/** Faults only RabbitMQ scenarios inject (the crashes and the lost confirm are the generic ones). */
export type RabbitFaultKind = 'exceedConsumerTimeout' | 'failHandler';

/** Menu labels and tooltips. */
export const rabbitFaultInfo: Record<RabbitFaultKind, { en: string; 'zh-cn': string; tip: { en: string; 'zh-cn': string } }> = {
  exceedConsumerTimeout: {
    en: 'Stall past consumer_timeout',
    'zh-cn': '处理超过 consumer_timeout',
    tip: {
      en: 'The handler is still running when the delivery has been unacked for 30 minutes: the broker closes the channel and requeues.',
      'zh-cn': '一条投递 30 分钟还没 ack，处理还没结束：Broker 关闭这个 channel 并把消息重新入队。',
    },
  },
  failHandler: {
    en: 'Fail the handler (it nacks with requeue)',
    'zh-cn': '让处理失败（nack 并重新入队）',
    tip: {
      en: 'A downstream call fails before the charge; the consumer sends basic.nack with requeue=true.',
      'zh-cn': '扣款前下游调用失败，消费者发送 basic.nack(requeue=true)。',
    },
  },
};
