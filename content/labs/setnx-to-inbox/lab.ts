import type { LabDefinition } from '../../../src/sandbox/lab';

/** SETNX before processing → an inbox row in the same transaction as the write. */
export default {
  id: 'setnx-to-inbox',
  title: { en: 'SETNX pitfalls', 'zh-cn': 'SETNX 的坑' },
  goal: {
    en:
      'A consumer may crash before or after charging, an ack may be lost (the broker redelivers after 30 s), a slow consumer’s ack timeout may hand the ' +
      'message to the other one, and a lost publisher confirm makes the producer publish order #42 again. Charge every order exactly once — never zero ' +
      'times.',
    'zh-cn':
      '消费者可能在扣款前后崩溃，ack 可能丢（Broker 30 秒后重投），慢消费者的 ack 超时会把消息交给另一个消费者，发布确认丢失还会让生产者把订单 #42 再发一次。保证每个订单恰好扣一次款，一次都不能少。',
  },
  consumers: 2,
  faults: { crashConsumerBeforeEffect: 1, crashConsumerAfterEffect: 1, loseAck: 1, expireAckTimeout: 1, loseConfirm: 1 },
  settings: { cacheTtl: 10_000 },
  intended: 'noMessageLost',
} satisfies LabDefinition;
