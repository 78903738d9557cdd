import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the rabbitmq scenarios, by id: server-rendered, so islands never ship them. */
export const rabbitScenarioText: Record<string, ScenarioText> = {
  'rabbitmq-crash-requeue': {
    title: { en: 'Crash with two prefetched deliveries', 'zh-cn': '预取了两条时消费者崩溃' },
    lesson: {
      en:
        'A crash closes the connection: every unacked delivery on it, prefetched ones included, ' +
        'comes back with redelivered=true, and the charged one is charged again.',
      'zh-cn': '崩溃会关闭连接：上面所有未 ack 的投递（包括预取还没处理的）都带着 redelivered=true 回来，已经扣过款的那条再扣一次。',
    },
    notes: {
      en:
        'Ask: c1 holds two unacked deliveries and crashes; which ones come back? Step until c1 charges #42, press F to crash it before the ack, ' +
        'and keep stepping. Point at both messages back with redelivered=true, #42 charged twice, and #43 flagged although it was never processed.',
      'zh-cn':
        '先问：c1 手里压着两条未 ack 的投递时崩溃，哪些会回来？单步到 c1 给 #42 扣款，按 F 让它在 ack 前崩溃，' +
        '继续单步。指给学生看：两条都带着 redelivered=true 回来，#42 扣了两次，#43 从没处理过却也带着重投标记。',
    },
  },
  'rabbitmq-consumer-timeout': {
    title: { en: 'consumer_timeout closes a slow consumer’s channel', 'zh-cn': 'consumer_timeout 关闭慢消费者的 channel' },
    lesson: {
      en:
        'After 30 minutes without an ack the broker closes the channel and requeues; ' +
        'a second consumer charges while the first is still working, and the first one’s ack is refused.',
      'zh-cn': '30 分钟没有 ack，Broker 关闭 channel 并重新入队；第一个消费者还在处理，第二个已经扣了款，第一个的 ack 随后被拒绝。',
    },
    notes: {
      en:
        'Ask: can two consumers run the same message at the same moment? Step until c1 receives #42 and press F: the clock jumps 30 minutes, ' +
        'and the broker closes c1’s channel while its handler keeps running. Point at c1’s refused ack and c2 charging #42 a second time.',
      'zh-cn':
        '先问：同一条消息会同时在两个消费者手里处理吗？单步到 c1 收到 #42，按 F：时钟跳过 30 分钟，' +
        'Broker 关闭 c1 的 channel，而它的处理逻辑还在跑。指给学生看：c1 的 ack 被拒绝，c2 又扣了一次 #42。',
    },
  },
  'rabbitmq-lost-confirm': {
    title: { en: 'Lost publisher confirm, republish', 'zh-cn': '发布确认丢失，重新发布' },
    lesson: {
      en: 'Classic and quorum queues have no deduplication: the republished message is a second copy, and it is charged twice.',
      'zh-cn': '经典队列和仲裁队列都不去重：重新发布的消息就是第二份，扣两次款。',
    },
    notes: {
      en:
        'Ask: the broker stored #42 but the confirm was lost; what does the publisher do? Step until #42 is stored, press F to lose the publisher confirm, ' +
        'then “Skip to next timer” and keep stepping: after 5 s a second copy is stored and charged. Point out that neither copy is marked redelivered.',
      'zh-cn':
        '先问：Broker 存下了 #42，确认却丢了，发布者会怎么做？单步到 #42 被存下，按 F 弄丢发布确认，' +
        '再点“跳到下一个定时器”，继续单步：5 秒后第二份被存下并扣款。指给学生看：两份都没有重投标记。',
    },
  },
  'rabbitmq-delivery-limit-low': {
    title: { en: 'Quorum queue, delivery limit 2', 'zh-cn': '仲裁队列，投递上限 2' },
    lesson: {
      en: 'Three failed deliveries exceed a delivery limit of 2: the message goes to the dead-letter exchange and the order is never charged.',
      'zh-cn': '失败三次就超过了上限 2：消息进入死信交换机，这笔订单一直没有扣款。',
    },
    notes: {
      en:
        'Ask: is a low delivery limit a safe way to stop retry loops? Each time #42 reaches the consumer, press F to fail the ' +
        'handler: three times. Point at x-delivery-count 1, then 2, #42 dead-lettered to orders.dlx, and the red “No loss”.',
      'zh-cn':
        '先问：把投递上限设低，是止住重试循环的稳妥办法吗？每次 #42 到达消费者就按 F 让处理失败，' +
        '一共三次。指给学生看：x-delivery-count 依次是 1、2，#42 进了 orders.dlx，“无丢失”变红。',
    },
  },
  'rabbitmq-ttl-not-dedup': {
    title: { en: 'A message TTL is not deduplication', 'zh-cn': '消息 TTL 不是去重' },
    lesson: {
      en: 'A 60 s TTL lets the republished copy through (charged twice) and drops a requeued message while the consumer is down for 2 minutes (never charged).',
      'zh-cn': '60 秒 TTL 拦不住重新发布的那份（扣两次），却会在消费者宕机 2 分钟时把重新入队的消息丢掉（一次都没扣）。',
    },
    notes: {
      en:
        'Ask: will a 60 s TTL stop duplicates? First crash the consumer before the write when #42 arrives and skip the timers: the requeued message ' +
        'expires before c1 is back at 2 min. Then Reset, lose the publisher confirm once #42 is stored, and Play: the retry is charged a second time.',
      'zh-cn':
        '先问：60 秒的 TTL 能挡住重复吗？先在 #42 送到时让消费者在业务写入前崩溃，跳过定时器：c1 第 2 分钟回来之前，' +
        '重新入队的消息已经过期。再点“重置”，等 #42 存下后弄丢发布确认，再点“播放”：重发的那份又扣了一次。',
    },
  },
  'rabbitmq-crash-requeue-inbox': {
    title: { en: 'Crash and requeue, inbox by business key', 'zh-cn': '崩溃重投，按业务键写消费记录' },
    lesson: {
      en: 'The redelivery hits the inbox row’s unique key and is acked without a second charge.',
      'zh-cn': '重投撞上消费记录的唯一键，直接 ack，不会再扣款。',
    },
    notes: {
      en:
        'Repeat the first experiment: crash c1 after it charges #42, before the ack. #42’s second transaction hits the unique key and is ' +
        'acked without a charge, and #43 is charged normally. Then press “Explore every schedule”: no schedule breaks either invariant.',
      'zh-cn':
        '把第一个实验再做一遍：c1 给 #42 扣款后、ack 前让它崩溃。#42 的第二个事务撞上唯一键，' +
        '不扣款直接 ack，#43 正常扣款。然后点“穷举所有执行顺序”：没有任何执行顺序能破坏这两条不变量。',
    },
  },
  'rabbitmq-consumer-timeout-inbox': {
    title: { en: 'consumer_timeout, inbox by business key', 'zh-cn': 'consumer_timeout，按业务键写消费记录' },
    lesson: {
      en: 'Both consumers run the handler, but only one inbox insert commits; the other rolls back.',
      'zh-cn': '两个消费者都跑了处理逻辑，但只有一个消费记录插入能提交，另一个回滚。',
    },
    notes: {
      en:
        'Same stall past consumer_timeout: step until c1 receives #42 and press F. Both consumers run the handler; the later transaction hits ' +
        'the unique key and rolls back, so there is one charge. Stress that this concurrent case needs a unique key, not check-then-insert.',
      'zh-cn':
        '同样让处理超过 consumer_timeout：单步到 c1 收到 #42，按 F。两个消费者都执行了处理逻辑，' +
        '后提交的事务撞上唯一键并回滚，只扣一次。强调：这种并发情况要靠唯一键，先查再插挡不住。',
    },
  },
  'rabbitmq-lost-confirm-inbox': {
    title: { en: 'Lost confirm, inbox by business key', 'zh-cn': '确认丢失，按业务键写消费记录' },
    lesson: {
      en: 'Two copies still sit in the queue, but the second one finds its business key in the inbox.',
      'zh-cn': '队列里仍然有两份，但第二份在消费记录表里找到了自己的业务键。',
    },
    notes: {
      en:
        'Lose the confirm at the same point and skip to the 5 s republish. Two copies still reach the queue, but the second finds ' +
        'order-42 in the inbox and is acked without a charge. Ask: what if the publisher made a new message_id on every send?',
      'zh-cn':
        '在同一时刻弄丢确认，跳到第 5 秒的重新发布。队列里照样有两份，但第二份在消费记录表里找到了 ' +
        'order-42，直接 ack、不扣款。再问：如果发布者每次发送都生成新的 message_id 呢？',
    },
  },
  'rabbitmq-delivery-limit-default': {
    title: { en: 'Quorum queue, delivery limit 20', 'zh-cn': '仲裁队列，投递上限 20' },
    lesson: {
      en: 'With the 4.x default limit of 20, the fourth delivery succeeds after three transient failures.',
      'zh-cn': '用 4.x 的默认上限 20，三次临时失败之后第四次投递成功。',
    },
    notes: {
      en:
        'Fail the handler three times again, now with the 4.x default limit of 20. The fourth delivery succeeds: one charge, ' +
        'and “No duplicate” and “No loss” both hold. Remind the class that a limit bounds retries but removes no duplicates.',
      'zh-cn': '同样让处理失败三次，这次上限是 4.x 默认的 20。第四次投递成功：只扣一次，“无重复”和“无丢失”都成立。提醒学生：上限只是给重试封顶，并不消除重复。',
    },
  },
  'rabbitmq-dedup-not-ttl': {
    title: { en: 'No TTL, inbox by business key', 'zh-cn': '不设 TTL，按业务键写消费记录' },
    lesson: {
      en: 'Without a TTL the requeued message waits for the consumer, and the inbox stops the second copy.',
      'zh-cn': '不设 TTL，重新入队的消息会等消费者回来，第二份由消费记录表挡住。',
    },
    notes: {
      en:
        'The same two faults, with no TTL and an inbox keyed on the business key. Crash c1 before the write and the requeued ' +
        'message simply waits for it; lose the confirm and the second copy hits the unique key. One charge, and both invariants hold.',
      'zh-cn':
        '同样两个故障，这次不设 TTL，按业务键写消费记录。业务写入前让 c1 崩溃，' +
        '重新入队的消息老老实实等它回来；弄丢发布确认，第二份撞上唯一键。只扣一次，两条不变量都成立。',
    },
  },
  'rabbitmq-poison-reject-drop': {
    title: { en: 'A poison message rejected, no dead-letter exchange', 'zh-cn': '拒绝毒消息，但没有死信交换机' },
    lesson: {
      en:
        'basic.reject with requeue=false stops the loop at once, and order #42 behind it ' +
        'goes through; but without a DLX RabbitMQ drops order #13, and nobody ever finds out.',
      'zh-cn': 'basic.reject(requeue=false) 立刻止住了死循环，后面的订单 #42 照常处理；但没有 DLX，RabbitMQ 把订单 #13 直接丢了，没人会知道。',
    },
    notes: {
      en: 'Ask: the retries stopped and the queue is empty — is that success? Then point at the ledger: #13 is missing, not parked.',
      'zh-cn': '先问：重试停了，队列也空了，这算成功吗？再指给大家看账本：#13 是丢了，不是进了死信队列。',
    },
  },
  'rabbitmq-poison-reject-dlx': {
    title: { en: 'A poison message rejected into a dead-letter exchange', 'zh-cn': '拒绝毒消息，进入死信交换机' },
    lesson: {
      en:
        'The same reject with x-dead-letter-exchange set: order #13 is dead-lettered to ' +
        'orders.dlx, with an x-death header saying why, for a person to fix and replay.',
      'zh-cn': '同样的 reject，但队列设置了 x-dead-letter-exchange：订单 #13 进入 orders.dlx，x-death 头里写明原因，等人修复后再重放。',
    },
    notes: {
      en:
        'The same reject, on a queue with x-dead-letter-exchange set to orders.dlx. Press Play: #13 is dead-lettered to orders.dlx with ' +
        'the reason “rejected”, and #42 is charged. Point at the ledger marking #13 as in the dead-letter queue: both invariants hold.',
      'zh-cn':
        '同样的 reject，这次队列设置了 x-dead-letter-exchange 为 orders.dlx。点“播放”：#13 进入 orders.dlx，' +
        '原因是 rejected，#42 照常扣款。指给学生看：账本把 #13 记为进了死信队列，两条不变量都成立。',
    },
  },
  'spring-amqp-poison-requeue': {
    title: { en: 'Spring AMQP defaults: a poison message requeued', 'zh-cn': 'Spring AMQP 默认配置：毒消息反复重新入队' },
    lesson: {
      en:
        'The listener throws, the container nacks with requeue=true, and #13 comes straight back: 21 deliveries in ' +
        'the same instant, then the quorum queue’s delivery limit drops it, because no dead-letter exchange is set.',
      'zh-cn': '监听方法抛异常，容器发 nack(requeue=true)，#13 立刻回来：同一时刻投递了 21 次，最后仲裁队列的投递上限把它丢掉，因为没有配置死信交换机。',
    },
    notes: {
      en:
        'Ask: the listener throws on an invalid amount; what does Spring do with the message? Press Play. Point at the delivery count climbing to 21 with ' +
        'the clock still at 0, and #13 gone without a trace. On a classic queue, or on RabbitMQ 4.3 where a nack no longer counts, it would never stop.',
      'zh-cn':
        '先问：金额非法，监听方法抛了异常，Spring 会怎么处理这条消息？点“播放”。指给学生看：时钟一直是 0，' +
        '投递次数涨到 21；#13 悄无声息地没了。换成经典队列，或者 RabbitMQ 4.3（nack 不再计数），它会一直循环下去。',
    },
  },
  'spring-amqp-reject-dont-requeue': {
    title: { en: 'Spring AMQP: reject without requeue, into a DLX', 'zh-cn': 'Spring AMQP：拒绝且不重新入队，进入死信交换机' },
    lesson: {
      en:
        'With defaultRequeueRejected=false (or an AmqpRejectAndDontRequeueException) the container rejects ' +
        'with requeue=false, and the queue’s dead-letter exchange keeps #13 for a person to look at.',
      'zh-cn':
        '设置 defaultRequeueRejected=false（或抛出 AmqpRejectAndDontRequeueException），' +
        '容器就用 requeue=false 拒绝消息，队列的死信交换机把 #13 留下来等人处理。',
    },
    notes: {
      en: 'Press Play. #13 is delivered once, rejected, and dead-lettered to orders.dlx. Ask: what would you alert on now?',
      'zh-cn': '点“播放”。#13 只投递一次，被拒绝后进入 orders.dlx。问学生：现在该对什么设告警？',
    },
  },
};
