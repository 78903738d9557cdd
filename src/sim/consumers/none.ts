import type { Strategy } from './strategy';

/** No deduplication: every delivery charges the order. */
export const none: Strategy = {
  id: 'none',
  ops: ['effect'],
  title: { en: 'No deduplication', 'zh-cn': '不做去重' },
  summary: {
    en: 'Every delivery runs the business write, so every redelivery is a duplicate.',
    'zh-cn': '每次投递都执行业务写入，所以每次重投都是一次重复消费。',
  },
};
