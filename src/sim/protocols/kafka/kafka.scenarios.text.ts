import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the kafka scenarios, by id: server-rendered, so islands never ship them. */
export const kafkaScenarioText: Record<string, ScenarioText> = {
  'kafka-auto-commit-crash': {
    title: { en: 'Auto-commit, crash before the commit', 'zh-cn': '自动提交，提交前崩溃' },
    lesson: {
    en: 'The record was processed but auto-commit had not run yet; after the session timeout the restarted consumer gets p0 back at the old committed offset and reads it again.',
    'zh-cn': '消息处理完了，自动提交还没执行；会话超时后，重启的消费者拿回 p0，从旧的已提交位点重新读到它。',
  },
  },
  'kafka-poll-interval-exceeded': {
    title: { en: 'max.poll.interval.ms exceeded, rebalance', 'zh-cn': '超过 max.poll.interval.ms，触发再均衡' },
    lesson: {
    en: 'A consumer stuck in its handler leaves the group; its partition goes to the other consumer at the committed offset while the slow one finishes, and its commit then fails.',
    'zh-cn': '卡在处理逻辑里的消费者离开了消费者组；分区从已提交位点交给另一个消费者，慢的那个随后也处理完，它的提交失败。',
  },
  },
  'kafka-close-without-revoke-commit': {
    title: { en: 'Deploy without a commit on revocation', 'zh-cn': '发版时分区被收回却没提交' },
    lesson: {
    en: 'The application commits on its own 5 s timer and has no rebalance listener: a shutdown between the charge and the timer hands p0 over at the old offset.',
    'zh-cn': '应用自己每 5 秒提交一次，也没有再均衡监听器：在扣款之后、定时器之前关闭，p0 按旧位点交接出去。',
  },
  },
  'kafka-producer-retry': {
    title: { en: 'Producer retry without idempotence', 'zh-cn': '未开启幂等的生产者重试' },
    lesson: {
    en: 'With enable.idempotence=false, a retry after a lost response is a second record, and the consumer charges twice.',
    'zh-cn': 'enable.idempotence=false 时，响应丢失后的重试就是第二条记录，消费者扣两次款。',
  },
  },
  'kafka-producer-restart': {
    title: { en: 'Idempotent producer restarts', 'zh-cn': '幂等生产者重启' },
    lesson: {
    en: 'Idempotence covers one producer session: after a restart the re-sent event has a new producer id, the broker cannot tell, and it is charged twice.',
    'zh-cn': '幂等只覆盖一个生产者会话：重启后重发的事件带着新的 producer id，Broker 认不出来，扣了两次款。',
  },
  },
  'kafka-auto-commit-crash-inbox': {
    title: { en: 'Auto-commit crash, inbox by business key', 'zh-cn': '自动提交崩溃，按业务键写消费记录' },
    lesson: { en: 'The re-read record hits the inbox row’s unique key: nothing is charged twice.', 'zh-cn': '重新读到的消息撞上消费记录的唯一键，不会重复扣款。' },
  },
  'kafka-poll-interval-exceeded-inbox': {
    title: { en: 'Poll interval exceeded, inbox by business key', 'zh-cn': '超过 poll 间隔，按业务键写消费记录' },
    lesson: { en: 'Both consumers run the handler; only one inbox insert commits.', 'zh-cn': '两个消费者都执行了处理逻辑，只有一个消费记录插入能提交。' },
  },
  'kafka-commit-on-revoke': {
    title: { en: 'Commit in onPartitionsRevoked', 'zh-cn': '在 onPartitionsRevoked 里提交' },
    lesson: {
      en: 'A rebalance listener that commits the processed offsets before giving up the partition: consumer 2 starts after the charged record.',
      'zh-cn': '再均衡监听器在交出分区前提交已处理的位点：消费者 2 从扣过款的那条之后开始。',
    },
  },
  'kafka-idempotent-producer': {
    title: { en: 'Idempotent producer retry', 'zh-cn': '幂等生产者重试' },
    lesson: {
      en: 'The retry carries the same producer id, epoch and sequence number: the broker answers without appending.',
      'zh-cn': '重试带着同样的 producer id、epoch 和序列号：Broker 直接应答，不再写入。',
    },
  },
  'kafka-producer-restart-inbox': {
    title: { en: 'Producer restart, inbox by business key', 'zh-cn': '生产者重启，按业务键写消费记录' },
    lesson: { en: 'Two records reach the consumer; the second finds its business key in the inbox.', 'zh-cn': '两条记录都到了消费者，第二条在消费记录表里找到了自己的业务键。' },
  },
  'kafka-transaction-external-charge': {
    title: { en: 'Transactions, and a charge outside Kafka', 'zh-cn': '事务，以及 Kafka 之外的扣款' },
    lesson: {
      en: 'Consume-transform-produce with transactions: a crash before the commit aborts the receipt and the offset, so Kafka itself stays exactly-once — but the database charge is outside the transaction and happens twice.',
      'zh-cn': '用事务做“消费-处理-生产”：提交前崩溃，回执和位点一起被中止，Kafka 内部仍是恰好一次——可数据库扣款不在事务里，扣了两次。',
    },
  },
  'kafka-transaction-external-charge-inbox': {
    title: { en: 'Transactions, plus an inbox in the database', 'zh-cn': '事务，再加数据库里的消费记录' },
    lesson: {
      en: 'The Kafka transaction covers the receipt and the offset; the inbox row covers the charge. One receipt, one charge.',
      'zh-cn': 'Kafka 事务管住回执和位点，消费记录表管住扣款：一条回执，一次扣款。',
    },
  },
};
