import type { Strategy } from './strategy';

/** An inbox row with a unique key, written in the same transaction as the business change. */
export const inboxInTransaction: Strategy = {
  id: 'inboxInTransaction',
  ops: ['inboxTx'],
  title: { en: 'Inbox row in the same transaction', 'zh-cn': '同一事务写入消费记录（唯一键）' },
  summary: {
    en: 'The unique key and the business write commit together or not at all, so every redelivery is a no-op.',
    'zh-cn': '唯一键记录和业务写入要么一起提交、要么都不提交，任何重投都只是空操作。',
  },
};

/**
 * The same inbox, keyed on the broker's message id. It holds while a retry keeps the id, and fails
 * where the same business message arrives under a new id (a RocketMQ application re-send: new
 * msgId, same keys — https://rocketmq.apache.org/docs/4.x/bestPractice/01bestpractice).
 */
export const inboxByMsgId: Strategy = {
  id: 'inboxByMsgId',
  ops: ['inboxTxByMsgId'],
  title: { en: 'Inbox row keyed on the msgId', 'zh-cn': '按 msgId 建唯一键的消费记录' },
  summary: {
    en: 'Atomic like the business-key inbox, but a re-send under a new message id is not recognised.',
    'zh-cn': '和按业务键的消费记录一样是原子的，但换了 msgId 的重发认不出来。',
  },
};
