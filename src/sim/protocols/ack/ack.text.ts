import type { Text } from '../../engine/protocol';

/** Log sentences of the generic queue's own events (placeholders are filled in by the widget). */
export const ackText: Record<string, Text> = {
  'ack.storedUnflushed': {
    en: 'The broker wrote {msg} to memory and confirmed it at once; it reaches the disk at the next flush.',
    'zh-cn': 'Broker 把 {msg} 写进内存就立刻回了确认；要等下一次刷盘才落到磁盘上。',
  },
  'ack.flushed': {
    en: 'The background flush wrote {n} {n|message|messages} to disk.',
    'zh-cn': '后台刷盘把 {n} 条消息写到了磁盘。',
  },
  'ack.lostInCrash': {
    en: '{msg} was only in the broker’s memory: the crash erased it, though the producer had been told it was stored.',
    'zh-cn': '{msg} 还只在 Broker 内存里：宕机把它抹掉了，尽管生产者已经收到“已存储”的确认。',
  },
  'ack.crashDropped': {
    en: 'The crash cut the connection: the {what} on its way to {to} never arrived.',
    'zh-cn': '宕机切断了连接：正发往{to}的{what}没有送到。',
  },
  'cause:ack.lostInCrash': {
    en: 'the broker confirmed the message before flushing it to disk, and its machine crashed in between.',
    'zh-cn': 'Broker 在刷盘之前就回了确认，而机器恰好在这之间宕机。',
  },
};
