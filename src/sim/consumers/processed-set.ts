import type { Strategy } from './strategy';

/** An in-memory set of processed ids: forgotten on restart, not shared between consumers. */
export const processedSet: Strategy = {
  id: 'processedSet',
  ops: ['memoCheck', 'effect', 'memoAdd'],
  title: { en: 'In-memory processed set', 'zh-cn': '内存里的已处理集合' },
  summary: {
    en: 'Remembers processed ids in the process, so a restart or a second consumer forgets them.',
    'zh-cn': '已处理的 ID 只记在进程内存里，进程一重启、或者换一个消费者，就全忘了。',
  },
};
