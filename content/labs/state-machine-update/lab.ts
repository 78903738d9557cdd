import type { LabDefinition } from '../../../src/sandbox/lab';

/** The state-machine update: `UPDATE … WHERE status = 'UNPAID'` decides, but only inside the charge's transaction. */
export default {
  id: 'state-machine-update',
  title: { en: 'The state machine: UNPAID → PAID', 'zh-cn': '状态机：UNPAID → PAID' },
  goal: {
    en:
      'Each order row starts UNPAID. Two consumers can hold the same message at once (an ack timeout expires), a consumer may crash between any two ' +
      'statements, and a lost publisher confirm makes the producer publish order #42 again under a new id. Move each order from UNPAID to PAID and charge ' +
      'it exactly once, its exact amount.',
    'zh-cn':
      '每个订单行一开始都是 UNPAID。同一条消息可能同时在两个消费者手里（ack 超时到期），消费者可能在任意两条语句之间崩溃，发布确认丢失还会让生产者用新 ID 把订单 #42 再发一次。让每个订单从 UNPAID 变成 PAID，并且恰好扣一次款，金额分毫不差。',
  },
  consumers: 2,
  faults: { expireAckTimeout: 1, crashConsumerAfterEffect: 1, crashConsumerBeforeEffect: 1, loseConfirm: 1 },
  intended: 'noMessageLost',
} satisfies LabDefinition;
