import type { LabDefinition } from '../../../src/sandbox/lab';

/** Check-then-act under concurrent redelivery → a unique key decides. */
export default {
  id: 'check-then-act',
  title: { en: 'Check, then act: the race', 'zh-cn': '先查后做：并发下的竞态' },
  goal: {
    en: 'Two consumers can hold the same message at once (a slow consumer’s ack timeout expires). Make sure order #42 is charged exactly once.',
    'zh-cn': '同一条消息可能同时在两个消费者手里（慢消费者的 ack 超时了）。保证订单 #42 只扣一次款。',
  },
  consumers: 2,
  // A crash before the write makes a redelivery that "skip anything redelivered" would lose.
  faults: { expireAckTimeout: 1, crashConsumerAfterEffect: 1, crashConsumerBeforeEffect: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
