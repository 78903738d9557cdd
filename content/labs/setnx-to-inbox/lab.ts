import type { LabDefinition } from '../../../src/sandbox/lab';

/** SETNX before processing → an inbox row in the same transaction as the write. */
export default {
  id: 'setnx-to-inbox',
  title: { en: 'SETNX pitfalls', 'zh-cn': 'SETNX 的坑' },
  goal: {
    en: 'The consumer may crash before or after charging, and an ack may be lost (the broker redelivers after 30 s). Charge order #42 exactly once — never zero times.',
    'zh-cn': '消费者可能在扣款前后崩溃，ack 也可能丢（Broker 30 秒后重投）。保证订单 #42 恰好扣一次款，一次都不能少。',
  },
  consumers: 1,
  faults: { crashConsumerBeforeEffect: 1, crashConsumerAfterEffect: 1, loseAck: 1 },
  settings: { cacheTtl: 10_000 },
  intended: 'noMessageLost',
} satisfies LabDefinition;
