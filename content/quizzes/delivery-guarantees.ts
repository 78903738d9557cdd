import type { Quiz } from '../../src/quiz/types';

/** Outcome options shared by this chapter's "predict" questions: how many times order #42 is charged. */
const outcomes = [
  { label: { en: 'Never charged (the message is lost)', 'zh-cn': '一次都没扣（消息丢了）' }, charges: 0 },
  { label: { en: 'Charged once', 'zh-cn': '扣了一次' }, charges: 1 },
  { label: { en: 'Charged twice', 'zh-cn': '扣了两次' }, charges: 2 },
];

export default {
  chapter: 'concepts/delivery-guarantees',
  questions: [
    {
      kind: 'predict',
      id: 'guarantees-auto-ack-crash',
      scenario: 'auto-ack-crash',
      faults: ['f:crashConsumerBeforeEffect'],
      prompt: {
        en:
          'The consumer uses automatic acknowledgement. Right after the message is delivered, before it charges ' +
          'order #42, the consumer crashes and restarts a second later. How many times is order #42 charged?',
        'zh-cn': '消费者用的是自动 ack。消息刚投递过来、还没给订单 #42 扣款，消费者就崩溃了，1 秒后重启。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 0,
      why: {
        en:
          'With auto-ack the broker forgets the message the moment it sends it, so when the connection closes ' +
          'there is nothing to requeue. Ack-before-work is at-most-once: a crash in between loses the message.',
        'zh-cn': '自动 ack 下，Broker 把消息发出去的那一刻就把它删了，连接断开时没有任何消息可以放回队列。先确认后处理就是至多一次：中间一崩溃，消息就丢了。',
      },
    },
    {
      kind: 'predict',
      id: 'guarantees-charge-then-ack-crash',
      scenario: 'manual-ack-crash-after-effect',
      faults: ['f:crashConsumerAfterEffect'],
      prompt: {
        en:
          'Now the consumer uses manual acks: it charges first and acks after. It crashes ' +
          'right after the charge, before its ack leaves. How many times is order #42 charged?',
        'zh-cn': '这次改成手动 ack：先扣款，再 ack。消费者刚扣完款、ack 还没发出就崩溃了。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 2,
      why: {
        en:
          'The broker never got the ack, so it requeues the delivery when the connection closes and the restarted consumer charges again. ' +
          'Nothing is lost, but at-least-once means a crash between the side effect and the ack repeats the side effect.',
        'zh-cn':
          'Broker 没收到 ack，连接一断就把这次投递放回队列，重启后的消费者又扣了一次。' +
          '消息没丢，但这正是至少一次的代价：业务操作和 ack 之间一崩溃，业务操作就会重做。',
      },
    },
    {
      kind: 'choice',
      id: 'guarantees-what-decides',
      prompt: {
        en: 'What decides whether a consumer gets at-most-once or at-least-once delivery?',
        'zh-cn': '消费者拿到的是至多一次还是至少一次，取决于什么？',
      },
      options: [
        { en: 'Whether the broker keeps messages in order', 'zh-cn': 'Broker 是否保证消息有序' },
        { en: 'Whether the ack (or offset commit) comes before or after the side effect', 'zh-cn': 'ack（或位点提交）放在业务操作之前还是之后' },
        { en: 'How often the consumer sends heartbeats', 'zh-cn': '消费者多久发一次心跳' },
        { en: 'Whether the messages have a TTL', 'zh-cn': '消息有没有设置 TTL' },
      ],
      answer: 1,
      why: {
        en:
          'The broker only sees the ack, never your database. Ack first and a crash loses the message (at-most-once); ' +
          'ack after and a crash repeats the side effect (at-least-once). Ordering, heartbeats and TTL don’t change that.',
        'zh-cn':
          'Broker 只看得到 ack，看不到你的数据库。先 ack，崩溃就丢消息（至多一次）；后 ack，崩溃就重复处理（至少一次）。有序、心跳、TTL 都改变不了这一点。',
      },
    },
    {
      kind: 'choice',
      id: 'guarantees-two-generals',
      prompt: {
        en: 'Why can’t a broker simply make acknowledgements reliable and deliver every message exactly once?',
        'zh-cn': '为什么 Broker 不能干脆把 ack 做得绝对可靠，让每条消息恰好投递一次？',
      },
      options: [
        { en: 'Because acks are sent over UDP', 'zh-cn': '因为 ack 走的是 UDP' },
        {
          en: 'Because exactly-once needs a distributed transaction, which every broker supports but few enable',
          'zh-cn': '因为精确一次需要分布式事务，每个 Broker 都支持，只是很少有人开',
        },
        {
          en: 'Because a side waiting for a reply can’t tell a lost request from a lost reply, so it must retry, and a retry can duplicate',
          'zh-cn': '因为等回复的一方分不清是请求丢了还是回复丢了，只能重发，而重发就可能重复',
        },
        { en: 'Because brokers delete messages as soon as they are delivered', 'zh-cn': '因为 Broker 一投递就把消息删掉' },
      ],
      answer: 2,
      why: {
        en:
          'This is the two generals problem: any confirmation can itself be lost, so no extra round trip settles it. ' +
          'A system that must not lose messages retries, and the fix is to make the repeat harmless (idempotent processing).',
        'zh-cn': '这就是两军问题：每一轮确认本身也可能丢，多加几轮往返也解决不了。不能丢消息的系统只能重发，出路是让重复变得无害，也就是幂等处理。',
      },
    },
    {
      kind: 'choice',
      id: 'guarantees-idempotent-producer',
      prompt: {
        en:
          'Kafka’s idempotent producer (`enable.idempotence`, on by default since 3.0, ' +
          'in practice from 3.0.1/3.1.1/3.2.0) is switched on. What does it guarantee?',
        'zh-cn': 'Kafka 的幂等生产者（`enable.idempotence`，3.0 起默认开启，因为一个 bug 实际要到 3.0.1/3.1.1/3.2.0 才真正默认生效）已经打开。它保证了什么？',
      },
      options: [
        {
          en: 'Each business event is stored once, even if the application calls send() twice',
          'zh-cn': '同一个业务事件只会存一份，哪怕应用调用了两次 send()',
        },
        { en: 'Consumers never process a record twice', 'zh-cn': '消费者永远不会把一条记录处理两次' },
        {
          en: 'The broker drops the producer client’s own retries, within one producer session and per partition',
          'zh-cn': 'Broker 会丢掉生产者客户端自己的内部重试，范围是一个生产者会话、每个分区',
        },
        { en: 'A charge made by the consumer happens exactly once', 'zh-cn': '消费者发起的扣款恰好执行一次' },
      ],
      answer: 2,
      why: {
        en:
          'The broker dedups by producer id, epoch and sequence number, which only covers the client’s internal retries. A restarted ' +
          'producer gets a new id, an application re-send is a new record, and consumers still see duplicates after crashes and rebalances.',
        'zh-cn':
          'Broker 靠生产者 ID、epoch 和序列号去重，只能挡住客户端自己的内部重试。' +
          '生产者重启会换一个新 ID，应用层再发一次就是一条新记录，消费端在崩溃、再均衡之后照样会重复。',
      },
    },
  ],
} satisfies Quiz;
