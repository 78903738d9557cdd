import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the rabbitmq scenarios, by id: server-rendered, so islands never ship them. */
export const rabbitScenarioText: Record<string, ScenarioText> = {
  'rabbitmq-crash-requeue': {
    title: { en: 'Crash with two prefetched deliveries', 'zh-cn': '预取了两条时消费者崩溃' },
    lesson: {
    en: 'A crash closes the connection: every unacked delivery on it, prefetched ones included, comes back with redelivered=true, and the charged one is charged again.',
    'zh-cn': '崩溃会关闭连接：上面所有未 ack 的投递（包括预取还没处理的）都带着 redelivered=true 回来，已经扣过款的那条再扣一次。',
  },
  },
  'rabbitmq-consumer-timeout': {
    title: { en: 'consumer_timeout closes a slow consumer’s channel', 'zh-cn': 'consumer_timeout 关闭慢消费者的 channel' },
    lesson: {
    en: 'After 30 minutes without an ack the broker closes the channel and requeues; a second consumer charges while the first is still working, and the first one’s ack is refused.',
    'zh-cn': '30 分钟没有 ack，Broker 关闭 channel 并重新入队；第一个消费者还在处理，第二个已经扣了款，第一个的 ack 随后被拒绝。',
  },
  },
  'rabbitmq-lost-confirm': {
    title: { en: 'Lost publisher confirm, republish', 'zh-cn': '发布确认丢失，重新发布' },
    lesson: {
    en: 'Classic and quorum queues have no deduplication: the republished message is a second copy, and it is charged twice.',
    'zh-cn': '经典队列和仲裁队列都不去重：重新发布的消息就是第二份，扣两次款。',
  },
  },
  'rabbitmq-delivery-limit-low': {
    title: { en: 'Quorum queue, delivery limit 2', 'zh-cn': '仲裁队列，投递上限 2' },
    lesson: {
    en: 'Three failed deliveries exceed a delivery limit of 2: the message goes to the dead-letter exchange and the order is never charged.',
    'zh-cn': '失败三次就超过了上限 2：消息进入死信交换机，这笔订单一直没有扣款。',
  },
  },
  'rabbitmq-ttl-not-dedup': {
    title: { en: 'A message TTL is not deduplication', 'zh-cn': '消息 TTL 不是去重' },
    lesson: {
    en: 'A 60 s TTL lets the republished copy through (charged twice) and drops a requeued message while the consumer is down for 2 minutes (never charged).',
    'zh-cn': '60 秒 TTL 拦不住重新发布的那份（扣两次），却会在消费者宕机 2 分钟时把重新入队的消息丢掉（一次都没扣）。',
  },
  },
  'rabbitmq-crash-requeue-inbox': {
    title: { en: 'Crash and requeue, inbox by business key', 'zh-cn': '崩溃重投，按业务键写消费记录' },
    lesson: {
      en: 'The redelivery hits the inbox row’s unique key and is acked without a second charge.',
      'zh-cn': '重投撞上消费记录的唯一键，直接 ack，不会再扣款。',
    },
  },
  'rabbitmq-consumer-timeout-inbox': {
    title: { en: 'consumer_timeout, inbox by business key', 'zh-cn': 'consumer_timeout，按业务键写消费记录' },
    lesson: {
      en: 'Both consumers run the handler, but only one inbox insert commits; the other rolls back.',
      'zh-cn': '两个消费者都跑了处理逻辑，但只有一个消费记录插入能提交，另一个回滚。',
    },
  },
  'rabbitmq-lost-confirm-inbox': {
    title: { en: 'Lost confirm, inbox by business key', 'zh-cn': '确认丢失，按业务键写消费记录' },
    lesson: {
      en: 'Two copies still sit in the queue, but the second one finds its business key in the inbox.',
      'zh-cn': '队列里仍然有两份，但第二份在消费记录表里找到了自己的业务键。',
    },
  },
  'rabbitmq-delivery-limit-default': {
    title: { en: 'Quorum queue, delivery limit 20', 'zh-cn': '仲裁队列，投递上限 20' },
    lesson: {
      en: 'With the 4.x default limit of 20, the fourth delivery succeeds after three transient failures.',
      'zh-cn': '用 4.x 的默认上限 20，三次临时失败之后第四次投递成功。',
    },
  },
  'rabbitmq-dedup-not-ttl': {
    title: { en: 'No TTL, inbox by business key', 'zh-cn': '不设 TTL，按业务键写消费记录' },
    lesson: {
      en: 'Without a TTL the requeued message waits for the consumer, and the inbox stops the second copy.',
      'zh-cn': '不设 TTL，重新入队的消息会等消费者回来，第二份由消费记录表挡住。',
    },
  },
  'rabbitmq-poison-reject-drop': {
    title: { en: 'A poison message rejected, no dead-letter exchange', 'zh-cn': '拒绝毒消息，但没有死信交换机' },
    lesson: {
      en: 'basic.reject with requeue=false stops the loop at once, and order #42 behind it goes through; but without a DLX RabbitMQ drops order #13, and nobody ever finds out.',
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
      en: 'The same reject with x-dead-letter-exchange set: order #13 is dead-lettered to orders.dlx, with an x-death header saying why, for a person to fix and replay.',
      'zh-cn': '同样的 reject，但队列设置了 x-dead-letter-exchange：订单 #13 进入 orders.dlx，x-death 头里写明原因，等人修复后再重放。',
    },
  },
};
