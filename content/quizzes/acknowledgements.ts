import type { Quiz } from '../../src/quiz/types';

/** Outcome options shared by this chapter's "predict" questions: how many times order #42 is charged. */
const outcomes = [
  { label: { en: 'Never charged (the message is lost)', 'zh-cn': '一次都没扣（消息丢了）' }, charges: 0 },
  { label: { en: 'Charged once', 'zh-cn': '扣了一次' }, charges: 1 },
  { label: { en: 'Charged twice', 'zh-cn': '扣了两次' }, charges: 2 },
];

export default {
  chapter: 'concepts/acknowledgements',
  questions: [
    {
      kind: 'predict',
      id: 'ack-lost-ack-charges',
      scenario: 'lost-ack-redelivery',
      faults: ['f:loseAck'],
      prompt: {
        en:
          'The consumer charges order #42 and acks, but the network drops the ack. The broker’s ack ' +
          'timeout is 30 s and the consumer does no deduplication. How many times is order #42 charged?',
        'zh-cn': '消费者给订单 #42 扣了款，也发了 ack，但 ack 在网络上丢了。Broker 的 ack 超时是 30 秒，消费者不做去重。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 2,
      why: {
        en: 'To the broker a lost ack looks exactly like a consumer that never finished. After 30 s it delivers again, and the handler charges a second time.',
        'zh-cn': '在 Broker 看来，ack 丢了和消费者没处理完一模一样。30 秒后它再投一次，处理逻辑又扣了一次款。',
      },
    },
    {
      kind: 'predict',
      id: 'ack-ttl-shorter-than-timeout',
      scenario: 'setnx-ttl-shorter-than-redelivery',
      faults: ['f:loseAck'],
      prompt: {
        en:
          'The consumer runs `SET key NX` with a 10 s TTL before charging, then charges and acks. ' +
          'The ack is lost; the broker redelivers after its 30 s ack timeout. How many times is order #42 charged?',
        'zh-cn': '消费者扣款前先执行 `SET key NX`，TTL 为 10 秒，然后扣款、ack。ack 丢了，Broker 30 秒 ack 超时后重投。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 2,
      why: {
        en:
          'The key expires at 10 s, the redelivery comes at 30 s, so its `SET NX` succeeds and it charges again. ' +
          'A dedup key must outlive the redelivery horizon: ack timeout, retries and replays.',
        'zh-cn':
          'key 在第 10 秒就过期了，重投在第 30 秒才到，它的 `SET NX` 又成功了，' +
          '于是再扣一次。去重键的寿命必须长过整个重投窗口：ack 超时、重试、重放都要算进去。',
      },
    },
    {
      kind: 'predict',
      id: 'ack-concurrent-inbox',
      scenario: 'inbox-concurrent-redelivery',
      faults: ['f:expireAckTimeout', 'f:crashConsumerAfterEffect'],
      prompt: {
        en:
          'Two consumers; each writes an inbox row with a unique key in the same transaction as the charge, then acks. Consumer 1’s ack timeout expires, ' +
          'so consumer 2 gets the same message; then consumer 1 crashes right after its transaction commits. How many times is order #42 charged?',
        'zh-cn':
          '两个消费者；每个都在扣款的同一事务里写一条带唯一键的消费记录，然后 ack。消费者 1 的 ack 超时到了，' +
          '同一条消息被交给消费者 2；接着消费者 1 在事务提交后立刻崩溃。订单 #42 最终被扣了几次款？',
      },
      options: outcomes,
      answer: 1,
      why: {
        en:
          'Consumer 1’s transaction committed the charge and the inbox row together; consumer 2’s transaction hits the unique key, ' +
          'rolls back and acks without effect. The crash changes nothing because the record and the charge can’t part ways.',
        'zh-cn':
          '消费者 1 的事务把扣款和消费记录一起提交了；消费者 2 的事务撞上唯一键，回滚后直接 ack。崩溃也改变不了结果，因为记录和扣款要么一起在，要么一起不在。',
      },
    },
    {
      kind: 'choice',
      id: 'ack-redelivered-meaning',
      prompt: {
        en: 'RabbitMQ delivers a message with `redelivered=true`. What does that tell the consumer?',
        'zh-cn': 'RabbitMQ 投递过来一条 `redelivered=true` 的消息。这个标记告诉了消费者什么？',
      },
      options: [
        { en: 'The message was already processed successfully; ack it and skip', 'zh-cn': '这条消息已经处理成功了，直接 ack 跳过即可' },
        {
          en: 'It was delivered before and not acked, so it may have been seen; only your own records can say whether it was processed',
          'zh-cn': '它之前投递过但没被确认，可能被看过；到底处理没处理，只有你自己的记录说了算',
        },
        { en: 'The producer published it twice', 'zh-cn': '生产者把它发了两次' },
        { en: 'It has reached its delivery limit and will be dead-lettered next time', 'zh-cn': '它已经达到投递上限，下次就会进死信' },
      ],
      answer: 1,
      why: {
        en:
          'The consumer may have died before its write (must process) or after it (must not). ' +
          'And producer retries arrive without the flag, so use it as a hint, never as the dedup check.',
        'zh-cn':
          '上一个消费者可能死在写库之前（必须处理），也可能死在写库之后（不能再处理）。' +
          '而且生产者重发的消息根本不带这个标记，所以它只能当提示，不能当去重依据。',
      },
    },
    {
      kind: 'choice',
      id: 'ack-quorum-delivery-limit',
      prompt: {
        en:
          'A poison message crashes the consumer process every time it is delivered, and keeps coming back. ' +
          'The queue is a RabbitMQ 4.x quorum queue with default settings. What stops it?',
        'zh-cn': '一条毒消息每次投递都让消费者进程崩溃，于是反复回来。队列是 RabbitMQ 4.x 的仲裁队列，配置都是默认值。什么会让它停下来？',
      },
      options: [
        { en: 'Nothing: quorum queues redeliver without limit by default', 'zh-cn': '什么也不会：仲裁队列默认无限次重投' },
        {
          en: 'The default `delivery-limit` of 20: past it the message is dropped, or dead-lettered if a DLX is configured',
          'zh-cn': '默认的 `delivery-limit` 为 20：超过后消息被丢弃，配置了死信交换机（DLX）的话就转入死信',
        },
        { en: '16 retries, then it moves to `%DLQ%<group>`', 'zh-cn': '重试 16 次后进入 `%DLQ%<group>`' },
        { en: 'A delivery-count limit of 5, after which the record is archived', 'zh-cn': '投递次数上限 5 次，之后记录被归档' },
      ],
      answer: 1,
      why: {
        en:
          'Since 4.0 quorum queues default `delivery-limit` to 20 (before 4.0 it was unlimited), and a lost connection ' +
          'counts as a failed delivery. The other options are RocketMQ’s 16 retries into its DLQ and Kafka share groups’ ' +
          'default limit of 5. Beware of 4.3: only failed deliveries count, and a `basic.nack` with `requeue=true` ' +
          'no longer does, so a consumer that nacks a poison message is never stopped by the limit; reject it instead.',
        'zh-cn':
          '4.0 起仲裁队列的 `delivery-limit` 默认是 20（4.0 之前不限次数），连接断开算一次失败的投递。' +
          '另外两个选项分别是 RocketMQ 重试 16 次后进死信队列，以及 Kafka 共享组默认上限 5 次。注意 4.3：只有失败的投递才计数，' +
          '`basic.nack` 加 `requeue=true` 已经不算了，所以用 nack 退回毒消息的消费者永远碰不到这个上限，应该改用 reject。',
      },
    },
  ],
} satisfies Quiz;
