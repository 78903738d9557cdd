import type { LabDefinition } from '../../../src/sandbox/lab';

/** A plain SELECT inside a transaction locks nothing at READ COMMITTED; SELECT … FOR UPDATE does. */
export default {
  id: 'select-for-update',
  title: { en: 'Inside a transaction is not enough: SELECT … FOR UPDATE', 'zh-cn': '放进事务还不够：SELECT … FOR UPDATE' },
  goal: {
    en:
      'PostgreSQL runs at READ COMMITTED, its default. Two consumers can hold the same message at once (an ack timeout expires), a consumer may crash ' +
      'between any two statements, and a lost publisher confirm makes the producer publish order #42 again under a new id. Read the order, pay it if it is ' +
      'UNPAID, and charge every order exactly once.',
    'zh-cn':
      'PostgreSQL 用默认的 READ COMMITTED 隔离级别。同一条消息可能同时在两个消费者手里（ack 超时到期），消费者可能在任意两条语句之间崩溃，发布确认丢失还会让生产者用新 ID 把订单 #42 再发一次。先读订单，是 UNPAID 才支付，保证每个订单恰好扣一次款。',
  },
  consumers: 2,
  faults: { expireAckTimeout: 1, crashConsumerAfterEffect: 1, crashConsumerBeforeEffect: 1, loseConfirm: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
