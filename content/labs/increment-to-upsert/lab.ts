import type { LabDefinition } from '../../../src/sandbox/lab';

/** balance += amount → an idempotent write keyed by the order. */
export default {
  id: 'increment-to-upsert',
  title: { en: 'Increment vs idempotent write', 'zh-cn': '累加 vs 幂等写入' },
  goal: {
    en:
      'A consumer may crash before or after charging, a publisher confirm may be lost (the producer publishes again, and the queue gives the copy a new ' +
      'id), and a slow consumer’s ack timeout may hand the message to the other one. Make a second run of the handler change nothing.',
    'zh-cn':
      '消费者可能在扣款前后崩溃，发布确认可能丢（生产者会再发一次，队列给副本分配新的 ID），慢消费者的 ack 超时也会把消息交给另一个消费者。让处理函数执行第二次时什么也不改变。',
  },
  consumers: 2,
  faults: { crashConsumerBeforeEffect: 1, crashConsumerAfterEffect: 1, loseConfirm: 1, expireAckTimeout: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
