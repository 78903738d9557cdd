import type { Strategy } from './strategy';

/** Redis `SET key NX EX ttl` before processing. A crash after the SET loses the message. */
export const setnxBefore: Strategy = {
  id: 'setnxBefore',
  ops: ['setnx', 'effect'],
  title: { en: 'SETNX before processing', 'zh-cn': '处理前先 SETNX' },
  summary: {
    en: 'Marks the key first: a crash before the write makes the redelivery skip it (loss), and a TTL shorter than the redelivery lets a duplicate through.',
    'zh-cn': '先占坑再处理：占坑后崩溃，重投会被当成已处理而跳过（丢消息）；TTL 比重投间隔短，又会放过重复。',
  },
};
