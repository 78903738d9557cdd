import type { Strategy } from './strategy';

/** SELECT, then INSERT + write in one transaction, without a unique constraint. */
export const checkThenInsert: Strategy = {
  id: 'checkThenInsert',
  ops: ['dbCheck', 'dbInsertWithEffect'],
  title: { en: 'Check, then insert (no unique key)', 'zh-cn': '先查再插（没有唯一约束）' },
  summary: {
    en: 'Safe against a single consumer crashing, but two concurrent deliveries both see "absent" and both write.',
    'zh-cn': '单个消费者崩溃时没问题，但两次并发投递会同时查到“不存在”，然后都写入。',
  },
};
