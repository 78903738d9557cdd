import type { Strategy } from './strategy';

/** Check the cache, process, then set the key: a check-then-act race and a crash window. */
export const setnxAfter: Strategy = {
  id: 'setnxAfter',
  ops: ['cacheCheck', 'effect', 'cacheSet'],
  title: { en: 'Cache check, then mark after processing', 'zh-cn': '先查缓存，处理完再写标记' },
  summary: {
    en: 'A crash between the write and the SET, or two consumers checking at once, lets the duplicate through; Redis and the database are not atomic together.',
    'zh-cn': '写库之后、写标记之前崩溃，或者两个消费者同时查询，都会放过重复；Redis 和数据库之间没有原子性。',
  },
};
