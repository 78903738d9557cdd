import type { LabDefinition } from '../../../src/sandbox/lab';

/** Optimistic locking: `UPDATE … WHERE version = v` tells you whether you won; the charge must depend on it. */
export default {
  id: 'optimistic-version',
  title: { en: 'Optimistic locking: the version column', 'zh-cn': '乐观锁：版本号' },
  goal: {
    en:
      'Each order row carries a version number. Two consumers can hold the same message at once (an ack timeout expires), a consumer may crash between any ' +
      'two statements, and a lost publisher confirm makes the producer publish order #42 again under a new id. Use the version to let exactly one copy pay ' +
      'the order, and charge it exactly once.',
    'zh-cn':
      '每个订单行都带一个版本号（version）。同一条消息可能同时在两个消费者手里（ack 超时到期），消费者可能在任意两条语句之间崩溃，发布确认丢失还会让生产者用新 ID 把订单 #42 再发一次。用版本号保证只有一份副本能把订单改成已支付，并且恰好扣一次款。',
  },
  consumers: 2,
  faults: { expireAckTimeout: 1, crashConsumerAfterEffect: 1, crashConsumerBeforeEffect: 1, loseConfirm: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
