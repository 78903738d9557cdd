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
