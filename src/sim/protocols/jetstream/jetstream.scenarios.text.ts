import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the JetStream scenarios, by id: server-rendered, so islands never ship them. */
export const jetstreamScenarioText: Record<string, ScenarioText> = {
  'jetstream-retry-inside-window': {
    title: { en: 'Lost PubAck, retry inside the duplicate window', 'zh-cn': 'PubAck 丢失，去重窗口内重试' },
    lesson: {
      en:
        'The retry carries the same Nats-Msg-Id and arrives 5 s later, well inside the ' +
        '2 min window: the stream answers duplicate=true and stores nothing. One charge.',
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
      en:
        'The same retry, 3 minutes later (an outbox relay sweeping unconfirmed rows): the window ' +
        'forgot the id after 2 minutes, the stream stores a second copy, and the order is charged twice.',
      'zh-cn': '同样的重试，只是 3 分钟后才来（事务发件箱的中继按周期补发未确认的记录）：2 分钟后窗口已经忘了这个 id，流存了第二份，订单扣了两次款。',
    },
    notes: {
      en: 'Use "Skip to next timer" to jump over the minutes. The question to leave the class with: how late can your retries be?',
      'zh-cn': '用"跳到下一个定时器"跳过这几分钟。留给学生的问题：你们的重试最晚会晚到什么时候？',
    },
  },
  'jetstream-retry-after-window-inbox': {
    title: { en: 'Retry after the window, inbox on the consumer', 'zh-cn': '窗口过后重试，消费端用消费记录表去重' },
    lesson: {
      en: 'Both copies carry the business key order-42; the second one hits the inbox table’s unique key and is acked without a charge.',
      'zh-cn': '两份消息的业务键都是 order-42；第二份撞上消费记录表的唯一键，直接 ack，不扣款。',
    },
    notes: {
      en:
        'At the same point press F to lose the publisher confirm (the PubAck), then skip through the timers: the stream forgets the id at 2 min ' +
        'and stores the retry again at 3 min. Both copies carry order-42, so the second hits the inbox’s unique key and is acked without a charge.',
      'zh-cn':
        '在同一时刻按 F 弄丢发布确认（PubAck），再跳过定时器：第 2 分钟流忘掉这个 ID，' +
        '第 3 分钟又把重试存了一份。两份都带着 order-42，第二份撞上消费记录表的唯一键，直接 ack、不扣款。',
    },
  },
  'jetstream-ack-wait-expiry': {
    title: { en: 'ack_wait runs out while the handler works', 'zh-cn': '处理还没结束，ack_wait 到了' },
    lesson: {
      en:
        'Consumer 1 is still working when ack_wait (30 s) passes; the server redelivers to consumer 2, ' +
        'which charges too. Consumer 1’s late ack is accepted, but the second charge already happened.',
      'zh-cn': '消费者 1 还在处理，ack_wait（30 秒）就过了；服务端把消息重投给消费者 2，它也扣了款。消费者 1 迟到的 ack 依然被接受，但第二笔扣款已经发生。',
    },
    notes: {
      en: 'Unlike RabbitMQ’s consumer_timeout, nothing is closed and the late ack is not refused: the server simply hands the message out again.',
      'zh-cn': '和 RabbitMQ 的 consumer_timeout 不同，这里不会关闭任何连接，迟到的 ack 也不会被拒绝：服务端只是把消息再发一次。',
    },
  },
  'jetstream-ack-wait-expiry-inbox': {
    title: { en: 'ack_wait runs out, inbox on the consumer', 'zh-cn': 'ack_wait 到期，消费端用消费记录表去重' },
    lesson: {
      en:
        'Consumer 2’s inbox insert hits the unique key consumer 1 wrote in the same transaction as ' +
        'its charge: acked, not charged. (For long handlers, in-progress acks also reset ack_wait.)',
      'zh-cn': '消费者 2 插入消费记录时撞上消费者 1 在扣款事务里写下的唯一键：直接 ack，不扣款。（处理耗时长的话，还可以发 in-progress 确认来重置 ack_wait。）',
    },
    notes: {
      en:
        'Same stall: step until consumer 1 has pulled #42 and press F to stall it past ack_wait. Both handlers run, but consumer 2’s inbox ' +
        'insert hits the key consumer 1 committed, so it acks without charging. Ask what in-progress acks would change, and what they can’t.',
      'zh-cn':
        '同样卡住：单步到消费者 1 拉到 #42，按 F 让处理超过 ack_wait。两个处理逻辑都跑了，' +
        '但消费者 2 插入消费记录时撞上消费者 1 已提交的唯一键，只 ack 不扣款。再问：发送“处理中”能改变什么，又改变不了什么？',
    },
  },
  'jetstream-lost-ack': {
    title: { en: 'The ack is lost on the way', 'zh-cn': 'ack 在路上丢了' },
    lesson: {
      en: 'A plain ack is fire-and-forget: the consumer never learns it was lost. After ack_wait the server redelivers, and the order is charged again.',
      'zh-cn': '普通 ack 发出即不管：消费者不知道它丢了。ack_wait 之后服务端重新投递，订单又扣了一次款。',
    },
    notes: {
      en:
        'Ask: the consumer acked; how would it know the ack never arrived? Step until #42 is charged and acked, press F to lose the ack, ' +
        'then Play. Nothing happens for 30 s; then ack_wait runs out, and #42 comes back with num_delivered 2 and is charged again.',
      'zh-cn':
        '先问：消费者已经 ack 了，它怎么知道 ack 没送到？单步到 #42 扣完款并发出 ack，按 F 弄丢 ack，' +
        '再点“播放”。30 秒内什么都没发生；然后 ack_wait 超时，#42 带着 num_delivered 2 回来，又扣了一次。',
    },
  },
  'jetstream-lost-ack-sync': {
    title: { en: 'The ack is lost, but the consumer uses AckSync', 'zh-cn': 'ack 丢了，但消费者用 AckSync' },
    lesson: {
      en:
        'AckSync waits for the server’s reply; none comes, so the consumer acks again 5 s later, ' +
        'long before ack_wait. One delivery, one charge. It narrows the gap; an inbox closes it.',
      'zh-cn': 'AckSync 会等服务端的回执；没等到，5 秒后再 ack 一次，远早于 ack_wait。只投递一次、只扣一次。它缩小了窗口，真正关上窗口的还是消费记录表。',
    },
    notes: {
      en:
        'Same lost ack, but this consumer uses AckSync. Lose it and press Play: no reply comes, so at 5 s the consumer acks again, ' +
        'the server confirms, and nothing is redelivered. Ask: what about a crash between the charge and the ack?',
      'zh-cn':
        '同样弄丢 ack，但这个消费者用 AckSync。弄丢之后点“播放”：没等到回复，' +
        '第 5 秒消费者再 ack 一次，服务端确认，没有重投。再问：如果在扣款之后、ack 之前崩溃呢？',
    },
  },
  'jetstream-max-deliver-low': {
    title: { en: 'max_deliver 2 and a flaky downstream', 'zh-cn': 'max_deliver 为 2，下游偶发失败' },
    lesson: {
      en: 'Two transient failures use up max_deliver: the server stops delivering and publishes an advisory that nobody reads. The order is never charged.',
      'zh-cn': '两次临时失败就用完了 max_deliver：服务端不再投递，只发一条没人看的 advisory。这笔订单一直没扣款。',
    },
    notes: {
      en:
        'Ask: is a low max_deliver a safe retry cap? Each time #42 reaches the consumer, press F to fail the handler: twice. ' +
        'After the second nak the server gives up with a MAX_DELIVERIES advisory nobody reads, and “No loss” turns red.',
      'zh-cn':
        '先问：把 max_deliver 设低，是稳妥的重试上限吗？每次 #42 送到消费者就按 F 让处理失败，' +
        '一共两次。第二次 nak 之后服务端放弃，只发一条没人看的 MAX_DELIVERIES advisory，“无丢失”变红。',
    },
  },
  'jetstream-max-deliver-default': {
    title: { en: 'Default max_deliver (unlimited)', 'zh-cn': '默认 max_deliver（不限次数）' },
    lesson: {
      en: 'With max_deliver -1 the third delivery succeeds. A low limit without someone listening for the advisory turns a blip into a lost message.',
      'zh-cn': 'max_deliver 为 -1 时，第三次投递成功。上限设得低、又没人监听 advisory，一次抖动就会变成一条丢失的消息。',
    },
    notes: {
      en:
        'The same two failures, with the default max_deliver of -1. The third delivery succeeds: one charge, ' +
        'and both invariants hold. Ask who would notice if a limit were hit: JetStream has no dead-letter queue.',
      'zh-cn': '同样失败两次，这次 max_deliver 是默认的 -1。第三次投递成功：只扣一次，两条不变量都成立。再问：真碰到上限时谁会发现？JetStream 没有死信队列。',
    },
  },
  'jetstream-poison-nak': {
    title: { en: 'A poison message answered with nak', 'zh-cn': '对毒消息一直回 nak' },
    lesson: {
      en:
        'Order #13 can never succeed; every nak only schedules the next attempt, 10 s later, forever. ' +
        'Order #42 still gets through: JetStream does not block the consumer, it just never gives up.',
      'zh-cn': '订单 #13 永远不会成功；每次 nak 只是把下一次重试排到 10 秒后，没完没了。订单 #42 照常处理：JetStream 不会堵住消费者，只是永远不放弃。',
    },
    notes: {
      en:
        'Ask: #13 will never succeed; what does nak do with it? Press Play: #13 comes back every 10 s until the demo stops at 1 minute, ' +
        'while #42 is charged normally. Compare with orderly RocketMQ: nothing is blocked, but nothing ever gives up either.',
      'zh-cn':
        '先问：#13 永远不会成功，对它回 nak 会怎样？点“播放”：#13 每 10 秒回来一次，直到第 1 分钟演示结束，' +
        '#42 则照常扣款。和 RocketMQ 顺序消费对比：这里谁也没被堵住，但也永远不会放弃。',
    },
  },
  'jetstream-poison-term': {
    title: { en: 'A poison message answered with term', 'zh-cn': '对毒消息回 term' },
    lesson: {
      en:
        'Tell errors apart: nak what may work next time, term what never will. The server stops ' +
        'redelivering and publishes an advisory; a listener parks order #13 in a dead-letter stream.',
      'zh-cn': '把错误分开处理：下次可能成功的回 nak，永远不会成功的回 term。服务端停止重投并发布 advisory；监听程序把订单 #13 存进死信流。',
    },
    notes: {
      en:
        'The same consumer now answers a permanent failure with term. Press Play: #13 is delivered once, the server publishes ' +
        'MSG_TERMINATED, and a listener parks #13 in a dead-letter stream. Point at the ledger marking it parked: both invariants hold.',
      'zh-cn':
        '同一个消费者，这次对永久性失败回 term。点“播放”：#13 只投递一次，服务端发布 MSG_TERMINATED，' +
        '监听程序把 #13 存进死信流。指给学生看：账本把它记为停在死信队列，两条不变量都成立。',
    },
  },
};
