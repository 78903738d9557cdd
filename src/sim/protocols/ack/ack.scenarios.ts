import { defaultSettings, order42, type Scenario } from '../../engine/scenario';

const base = {
  messages: [order42],
  consumers: 1,
  autoAck: false,
  strategy: 'none',
  settings: defaultSettings,
} as const satisfies Partial<Scenario>;

/**
 * The built-in scenarios of the generic at-least-once system. Each one declares its expected verdict;
 * the tests and the benchmark compare the checker's verdict against it.
 */
export const ackScenarios: Scenario[] = [
  {
    ...base,
    id: 'auto-ack-crash',
    title: { en: 'Auto-ack, then a crash', 'zh-cn': '自动 ack 后崩溃' },
    lesson: {
      en: 'With automatic acks the broker forgets the message on delivery, so a crash before the write loses it.',
      'zh-cn': '自动 ack 时，Broker 一投递就把消息删了，消费者写入前崩溃，消息就丢了。',
    },
    autoAck: true,
    faults: { crashConsumerBeforeEffect: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
  },
  {
    ...base,
    id: 'manual-ack-crash-after-effect',
    title: { en: 'Manual ack, crash after the write', 'zh-cn': '手动 ack，写入后崩溃' },
    lesson: {
      en: 'Acking after the write never loses the message, but a crash between the write and the ack charges twice.',
      'zh-cn': '写入之后再 ack 不会丢消息，但写入和 ack 之间一崩溃，就会重复扣款。',
    },
    faults: { crashConsumerAfterEffect: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'lost-ack-redelivery',
    title: { en: 'Lost ack, redelivery after the timeout', 'zh-cn': 'ack 丢失，超时后重投' },
    lesson: {
      en: 'The consumer charged and acked, but the ack never arrived; after its 30 s ack timeout the broker delivers again.',
      'zh-cn': '消费者扣完款也 ack 了，可 ack 没送到；30 秒 ack 超时后 Broker 又投递了一次。',
    },
    faults: { loseAck: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'lost-confirm-retry',
    title: { en: 'Lost confirm, producer retries', 'zh-cn': '确认丢失，生产者重发' },
    lesson: {
      en: 'The broker stored the message but the confirm was lost; the retry stores a second copy and the consumer charges twice.',
      'zh-cn': 'Broker 已经存下消息，确认却丢了；生产者重发后队列里有两份，消费者扣两次款。',
    },
    faults: { loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'lost-confirm-dedup-window',
    title: { en: 'Lost confirm, broker dedup window', 'zh-cn': '确认丢失，Broker 去重窗口' },
    lesson: {
      en: 'A broker that remembers message ids for 2 minutes drops the retry: one copy, one charge.',
      'zh-cn': 'Broker 在 2 分钟窗口内记住消息 ID，把重发的那份丢掉：只有一份，只扣一次。',
    },
    settings: { ...defaultSettings, dedupWindow: 120_000 },
    faults: { loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'retry-after-dedup-window',
    title: { en: 'Retry after the dedup window', 'zh-cn': '重发晚于去重窗口' },
    lesson: {
      en: 'Dedup windows are time-bound: here the window is shortened to 2 s and the retry comes after 5 s, so it is stored again.',
      'zh-cn': '去重窗口有时限：这里窗口缩短为 2 秒，重发在 5 秒后才到，于是又被存了一份。',
    },
    settings: { ...defaultSettings, dedupWindow: 2_000 },
    faults: { loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'processed-set-crash',
    title: { en: 'In-memory processed set, crash', 'zh-cn': '内存去重集合，崩溃' },
    lesson: {
      en: 'The set of processed ids dies with the process, so the redelivery after a crash is charged again.',
      'zh-cn': '已处理 ID 的集合随进程一起消失，崩溃后的重投又扣了一次款。',
    },
    strategy: 'processedSet',
    faults: { crashConsumerAfterEffect: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'setnx-before-crash',
    title: { en: 'SETNX before processing, crash', 'zh-cn': '处理前 SETNX，崩溃' },
    lesson: {
      en: 'The key is set, the consumer crashes before charging, and the redelivery sees the key and skips: the charge is lost.',
      'zh-cn': '占坑成功后、扣款前崩溃，重投看到 key 已存在就跳过：这笔款永远没扣。',
    },
    strategy: 'setnxBefore',
    faults: { crashConsumerBeforeEffect: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
  },
  {
    ...base,
    id: 'setnx-ttl-shorter-than-redelivery',
    title: { en: 'SETNX TTL shorter than the redelivery', 'zh-cn': 'SETNX 的 TTL 比重投间隔短' },
    lesson: {
      en: 'The ack is lost; the key expires after 10 s, the broker redelivers after its 30 s ack timeout, and the order is charged again.',
      'zh-cn': 'ack 丢了；key 10 秒后过期，Broker 30 秒 ack 超时后才重投，于是又扣了一次。',
    },
    strategy: 'setnxBefore',
    settings: { ...defaultSettings, cacheTtl: 10_000 },
    faults: { loseAck: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'check-then-insert-race',
    title: { en: 'Check-then-insert under concurrent redelivery', 'zh-cn': '并发重投下的先查再插' },
    lesson: {
      en: 'A slow consumer’s ack timeout expires, a second consumer gets the same message, and both see “not processed yet”.',
      'zh-cn': '一个消费者处理太慢、ack 超时，消息被交给第二个消费者，两边都查到“还没处理”。',
    },
    consumers: 2,
    strategy: 'checkThenInsert',
    faults: { expireAckTimeout: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'inbox-in-transaction',
    title: { en: 'Inbox row in the same transaction', 'zh-cn': '同一事务写入消费记录' },
    lesson: {
      en: 'Crashes before and after the write, a lost ack, a lost confirm: the unique key written with the charge turns every redelivery into a no-op.',
      'zh-cn': '写入前后崩溃、ack 丢失、确认丢失：和扣款同一事务写入的唯一键，让每一次重投都变成空操作。',
    },
    strategy: 'inboxInTransaction',
    faults: { crashConsumerBeforeEffect: 1, crashConsumerAfterEffect: 1, loseAck: 1, loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'inbox-concurrent-redelivery',
    title: { en: 'Inbox row under concurrent redelivery', 'zh-cn': '并发重投下的消费记录表' },
    lesson: {
      en: 'Two consumers hold the same message at once; the unique key lets exactly one transaction commit, even with a crash on top.',
      'zh-cn': '两个消费者同时拿着同一条消息；唯一键只允许一个事务提交，再叠加一次崩溃也一样。',
    },
    consumers: 2,
    strategy: 'inboxInTransaction',
    faults: { expireAckTimeout: 1, crashConsumerAfterEffect: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'upsert-idempotent-write',
    title: { en: 'Naturally idempotent write', 'zh-cn': '天然幂等的写入' },
    lesson: {
      en: 'Setting the order to PAID twice leaves it PAID: redeliveries and retries change nothing.',
      'zh-cn': '把订单置为已支付，执行两次仍是已支付：重投和重发都不会改变结果。',
    },
    strategy: 'upsert',
    faults: { crashConsumerAfterEffect: 1, loseConfirm: 1, loseAck: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
];
