import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the JetStream scenarios, by id: server-rendered, so islands never ship them. */
export const jetstreamScenarioText: Record<string, ScenarioText> = {
  'jetstream-retry-inside-window': {
    title: { en: 'Lost PubAck, retry inside the duplicate window', 'zh-cn': 'PubAck 丢失，去重窗口内重试' },
    lesson: {
      en: 'The retry carries the same Nats-Msg-Id and arrives 5 s later, well inside the 2 min window: the stream answers duplicate=true and stores nothing. One charge.',
      'zh-cn': '重试带着同一个 Nats-Msg-Id，5 秒后就到了，远在 2 分钟窗口之内：流回复 duplicate=true，不再存储。只扣一次款。',
    },
    notes: {
      en: 'Ask first: "the producer published twice, how many messages are in the stream?" Then point at the PubAck marked duplicate.',
      'zh-cn': '先问："生产者发了两次，流里有几条消息？"再指给大家看标记了 duplicate 的 PubAck。',
    },
  },
  'jetstream-retry-after-window': {
    title: { en: 'Lost PubAck, retry after the window', 'zh-cn': 'PubAck 丢失，窗口过后才重试' },
    lesson: {
      en: 'The same retry, 3 minutes later (an outbox relay sweeping unconfirmed rows): the window forgot the id after 2 minutes, the stream stores a second copy, and the order is charged twice.',
      'zh-cn': '同样的重试，只是 3 分钟后才来（outbox 中继按周期补发未确认的记录）：2 分钟后窗口已经忘了这个 id，流存了第二份，订单扣了两次款。',
    },
    notes: {
      en: 'Use "Skip to next timer" to jump over the minutes. The question to leave the class with: how late can your retries be?',
      'zh-cn': '用"跳到下一个定时器"跳过这几分钟。留给学生的问题：你们的重试最晚会晚到什么时候？',
    },
  },
  'jetstream-retry-after-window-inbox': {
    title: { en: 'Retry after the window, inbox on the consumer', 'zh-cn': '窗口过后重试，消费端用 inbox 去重' },
    lesson: {
      en: 'Both copies carry the business key order-42; the second one hits the inbox table’s unique key and is acked without a charge.',
      'zh-cn': '两份消息的业务键都是 order-42；第二份撞上 inbox 表的唯一键，直接 ack，不扣款。',
    },
  },
  'jetstream-ack-wait-expiry': {
    title: { en: 'ack_wait runs out while the handler works', 'zh-cn': '处理还没结束，ack_wait 到了' },
    lesson: {
      en: 'Consumer 1 is still working when ack_wait (30 s) passes; the server redelivers to consumer 2, which charges too. Consumer 1’s late ack is accepted, but the second charge already happened.',
      'zh-cn': '消费者 1 还在处理，ack_wait（30 秒）就过了；服务端把消息重投给消费者 2，它也扣了款。消费者 1 迟到的 ack 依然被接受，但第二笔扣款已经发生。',
    },
    notes: {
      en: 'Unlike RabbitMQ’s consumer_timeout, nothing is closed and the late ack is not refused: the server simply hands the message out again.',
      'zh-cn': '和 RabbitMQ 的 consumer_timeout 不同，这里不会关闭任何连接，迟到的 ack 也不会被拒绝：服务端只是把消息再发一次。',
    },
  },
  'jetstream-ack-wait-expiry-inbox': {
    title: { en: 'ack_wait runs out, inbox on the consumer', 'zh-cn': 'ack_wait 到期，消费端用 inbox 去重' },
    lesson: {
      en: 'Consumer 2’s inbox insert hits the unique key consumer 1 wrote in the same transaction as its charge: acked, not charged. (For long handlers, in-progress acks also reset ack_wait.)',
      'zh-cn': '消费者 2 插入 inbox 时撞上消费者 1 在扣款事务里写下的唯一键：直接 ack，不扣款。（处理耗时长的话，还可以发 in-progress 确认来重置 ack_wait。）',
    },
  },
  'jetstream-lost-ack': {
    title: { en: 'The ack is lost on the way', 'zh-cn': 'ack 在路上丢了' },
    lesson: {
      en: 'A plain ack is fire-and-forget: the consumer never learns it was lost. After ack_wait the server redelivers, and the order is charged again.',
      'zh-cn': '普通 ack 发出即不管：消费者不知道它丢了。ack_wait 之后服务端重新投递，订单又扣了一次款。',
    },
  },
  'jetstream-lost-ack-sync': {
    title: { en: 'The ack is lost, but the consumer uses AckSync', 'zh-cn': 'ack 丢了，但消费者用 AckSync' },
    lesson: {
      en: 'AckSync waits for the server’s reply; none comes, so the consumer acks again 5 s later, long before ack_wait. One delivery, one charge. It narrows the gap; an inbox closes it.',
      'zh-cn': 'AckSync 会等服务端的回执；没等到，5 秒后再 ack 一次，远早于 ack_wait。只投递一次、只扣一次。它缩小了窗口，真正关上窗口的还是 inbox。',
    },
  },
  'jetstream-max-deliver-low': {
    title: { en: 'max_deliver 2 and a flaky downstream', 'zh-cn': 'max_deliver 为 2，下游偶发失败' },
    lesson: {
      en: 'Two transient failures use up max_deliver: the server stops delivering and publishes an advisory that nobody reads. The order is never charged.',
      'zh-cn': '两次临时失败就用完了 max_deliver：服务端不再投递，只发一条没人看的 advisory。这笔订单一直没扣款。',
    },
  },
  'jetstream-max-deliver-default': {
    title: { en: 'Default max_deliver (unlimited)', 'zh-cn': '默认 max_deliver（不限次数）' },
    lesson: {
      en: 'With max_deliver -1 the third delivery succeeds. A low limit without someone listening for the advisory turns a blip into a lost message.',
      'zh-cn': 'max_deliver 为 -1 时，第三次投递成功。上限设得低、又没人监听 advisory，一次抖动就会变成一条丢失的消息。',
    },
  },
  'jetstream-poison-nak': {
    title: { en: 'A poison message answered with nak', 'zh-cn': '对毒消息一直回 nak' },
    lesson: {
      en: 'Order #13 can never succeed; every nak only schedules the next attempt, 10 s later, forever. Order #42 still gets through: JetStream does not block the consumer, it just never gives up.',
      'zh-cn': '订单 #13 永远不会成功；每次 nak 只是把下一次重试排到 10 秒后，没完没了。订单 #42 照常处理：JetStream 不会堵住消费者，只是永远不放弃。',
    },
  },
  'jetstream-poison-term': {
    title: { en: 'A poison message answered with term', 'zh-cn': '对毒消息回 term' },
    lesson: {
      en: 'Tell errors apart: nak what may work next time, term what never will. The server stops redelivering and publishes an advisory; a listener parks order #13 in a dead-letter stream.',
      'zh-cn': '把错误分开处理：下次可能成功的回 nak，永远不会成功的回 term。服务端停止重投并发布 advisory；监听程序把订单 #13 存进死信流。',
    },
  },
};
