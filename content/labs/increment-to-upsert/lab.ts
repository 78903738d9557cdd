import type { LabDefinition } from '../../../src/sandbox/lab';

/** balance += amount → an idempotent write keyed by the order. */
export default {
  id: 'increment-to-upsert',
  title: { en: 'Increment vs idempotent write', 'zh-cn': '累加 vs 幂等写入' },
  goal: {
    en: 'The consumer may crash after charging, and a publisher confirm may be lost (the producer publishes again). Make a second run of the handler change nothing.',
    'zh-cn': '消费者可能在扣款后崩溃，发布确认也可能丢（生产者会再发一次）。让处理函数执行第二次时什么也不改变。',
  },
  consumers: 1,
  faults: { crashConsumerAfterEffect: 1, loseConfirm: 1 },
  intended: 'noDuplicateSideEffect',
} satisfies LabDefinition;
