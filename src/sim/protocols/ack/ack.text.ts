import type { Text } from '../../engine/protocol';

/** The generic queue's own explanation of a loss (its log sentences are UI strings: `log.message.lostInCrash` …). */
export const ackText: Record<string, Text> = {
  'cause:log.message.lostInCrash': {
    en: 'the broker confirmed the message before flushing it to disk, and its machine crashed in between.',
    'zh-cn': 'Broker 在刷盘之前就回了确认，而机器恰好在这之间宕机。',
  },
};
