/** Faults only JetStream scenarios inject (crashes, the lost ack and the lost PubAck are the generic ones). */
export type JetStreamFaultKind = 'exceedAckWait' | 'failDownstream';

/** Menu labels and tooltips. */
export const jetstreamFaultInfo: Record<JetStreamFaultKind, { en: string; 'zh-cn': string; tip: { en: string; 'zh-cn': string } }> = {
  exceedAckWait: {
    en: 'Stall past ack_wait',
    'zh-cn': '处理超过 ack_wait',
    tip: {
      en: 'The handler is still working when ack_wait runs out: the server redelivers the message to whoever pulls next.',
      'zh-cn': '处理还没结束 ack_wait 就到了：服务端把消息重投给下一个来拉取的消费者。',
    },
  },
  failDownstream: {
    en: 'Fail the handler (a downstream call errors)',
    'zh-cn': '让处理失败（下游调用报错）',
    tip: {
      en: 'A downstream call fails before the charge; the consumer answers the message with nak, or term if it is configured to.',
      'zh-cn': '扣款前下游调用失败；消费者对这条消息回 nak，配置成 term 的话回 term。',
    },
  },
};
