import type { Strategy } from './strategy';

/** A naturally idempotent write: set the state instead of incrementing. */
export const upsert: Strategy = {
  id: 'upsert',
  ops: ['upsert'],
  title: { en: 'Naturally idempotent write', 'zh-cn': '天然幂等的写法' },
  summary: {
    en: 'Setting "order #42 is PAID" twice changes nothing the second time.',
    'zh-cn': '“把订单 #42 置为已支付”执行两次，第二次什么也不会改变。',
  },
};
