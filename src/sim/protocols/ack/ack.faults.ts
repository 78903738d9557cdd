/**
 * The fault catalogue of the generic at-least-once system. Each fault is an event the reader (or the
 * checker) can inject; `ackFaults` says when each one can happen, so a widget can enable only those.
 */

/** Every fault, named as `fault.<kind>` in traces and menus. */
export type FaultKind =
  | 'crashConsumerBeforeEffect'
  | 'crashConsumerAfterEffect'
  | 'crashConsumerAfterAck'
  | 'loseAck'
  | 'loseConfirm'
  | 'losePublish'
  | 'expireAckTimeout'
  | 'restartBroker'
  | 'delayMessage'
  // The database's own fault, offered on every broker where a reader's handler commits a transaction.
  | 'loseCommitReply';

/** Descriptions for menus and tooltips, in both languages. */
export const faultInfo: Record<FaultKind, { en: string; 'zh-cn': string; tip: { en: string; 'zh-cn': string } }> = {
  crashConsumerBeforeEffect: {
    en: 'Crash consumer before the business write',
    'zh-cn': '业务写入前让消费者崩溃',
    tip: {
      en: 'The consumer dies after receiving the message and before charging; nothing in its memory survives.',
      'zh-cn': '消费者收到消息、还没扣款就崩溃，内存里的东西全部丢失。',
    },
  },
  crashConsumerAfterEffect: {
    en: 'Crash consumer after the write, before the ack',
    'zh-cn': '写入之后、ack 之前让消费者崩溃',
    tip: {
      en: 'The charge is done but the ack never leaves: the broker will deliver the message again.',
      'zh-cn': '款已经扣了，ack 却没发出去：Broker 会再投递一次。',
    },
  },
  loseCommitReply: {
    en: 'Lose the reply to COMMIT',
    'zh-cn': '丢失 COMMIT 的响应',
    tip: {
      en: 'The database commits, but the connection drops before the consumer hears so: the handler gets an error and does not know whether it committed.',
      'zh-cn': '数据库已经提交，但连接在消费者收到结果前断了：处理函数拿到一个错误，不知道到底提交了没有。',
    },
  },
  crashConsumerAfterAck: {
    en: 'Crash consumer after the ack',
    'zh-cn': 'ack 之后让消费者崩溃',
    tip: { en: 'The consumer dies once its ack is sent.', 'zh-cn': 'ack 发出之后消费者崩溃。' },
  },
  loseAck: {
    en: 'Lose the ack',
    'zh-cn': '弄丢 ack',
    tip: {
      en: 'The network drops the consumer’s ack; the broker waits for its ack timeout and redelivers.',
      'zh-cn': '网络丢了消费者的 ack；Broker 等到 ack 超时后重新投递。',
    },
  },
  loseConfirm: {
    en: 'Lose the publisher confirm',
    'zh-cn': '弄丢发布确认',
    tip: {
      en: 'The broker stored the message, but its confirm never reaches the producer, which will publish again.',
      'zh-cn': 'Broker 已经存下消息，但确认没回到生产者，生产者会再发一次。',
    },
  },
  losePublish: {
    en: 'Lose the published message',
    'zh-cn': '弄丢发布的消息',
    tip: { en: 'The message never reaches the broker; the producer retries after its timeout.', 'zh-cn': '消息没到达 Broker；生产者超时后重试。' },
  },
  expireAckTimeout: {
    en: 'Expire the ack timeout (slow consumer)',
    'zh-cn': '让 ack 超时（消费者太慢）',
    tip: {
      en: 'The consumer is still working when its ack timeout runs out: the broker hands the message to another consumer.',
      'zh-cn': '消费者还在处理，ack 超时就到了：Broker 把消息交给另一个消费者。',
    },
  },
  restartBroker: {
    en: 'Crash the broker’s machine (it restarts)',
    'zh-cn': '让 Broker 所在机器宕机（随后重启）',
    tip: {
      en:
        'Power loss: every connection drops with what was in flight, unacked deliveries ' +
        'go back to the queue, and whatever was not yet flushed to disk is gone.',
      'zh-cn': '断电：所有连接连同在途的数据一起断掉，未确认的投递回到队列，还没刷盘的消息全部丢失。',
    },
  },
  delayMessage: {
    en: 'Delay the next message on the network',
    'zh-cn': '延迟网络上的下一条消息',
    tip: { en: 'The next envelope on this link arrives late; timers may fire first.', 'zh-cn': '这条链路上的下一个包晚到，定时器可能先触发。' },
  },
};
