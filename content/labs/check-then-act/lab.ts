import type { LabDefinition } from '../../../src/sandbox/lab';

/** Check-then-act under concurrent redelivery → a unique key decides. */
export default {
  id: 'check-then-act',
  title: { en: 'Check, then act: the race', 'zh-cn': '先查后做：并发下的竞态' },
  goal: {
    en:
      'Two consumers can hold the same message at once (a slow consumer’s ack timeout expires), a consumer may crash between any two statements, and a lost ' +
      'publisher confirm makes the producer publish order #42 again (the queue gives the copy a new id). Charge every order exactly once, its exact amount.',
    'zh-cn':
      '同一条消息可能同时在两个消费者手里（慢消费者的 ack 超时了），消费者可能在任意两条语句之间崩溃，发布确认丢失还会让生产者把订单 #42 再发一次（队列给这份副本分配新的 ID）。保证每个订单恰好扣一次款，金额分毫不差。',
  },
  consumers: 2,
  // A crash before the write makes a redelivery that "skip anything redelivered" would lose.
  faults: { expireAckTimeout: 1, crashConsumerAfterEffect: 1, crashConsumerBeforeEffect: 1, loseConfirm: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
