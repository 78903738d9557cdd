import type { Text } from '../../engine/protocol';

/** Log sentences of Kafka's own events (placeholders are filled in by the widget). */
export const kafkaText: Record<string, Text> = {
  'kafka.produce.appended': { en: 'The broker appended {msg} to orders-p0 at offset {offset}.', 'zh-cn': 'Broker 把 {msg} 写入 orders-p0，位点 {offset}。' },
  'kafka.produce.appendedAgain': {
    en: 'The broker appended {msg} again at offset {offset}: a second record of the same event.',
    'zh-cn': 'Broker 又把 {msg} 写入了位点 {offset}：同一个事件有了第二条记录。',
  },
  'kafka.produce.duplicate': {
    en: 'The broker recognised the retry (producer id {pid}, sequence {seq}) and answered without appending.',
    'zh-cn': 'Broker 认出这是重试（producer id {pid}，序列号 {seq}），直接应答，不再写入。',
  },
  'kafka.txn.produced': {
    en: '{actor} writes the receipt for {msg} to topic receipts inside its transaction: read_committed readers do not see it yet.',
    'zh-cn': '{actor} 在事务里把 {msg} 的回执写入 receipts：read_committed 的读者暂时看不到。',
  },
  'kafka.txn.commitSent': {
    en: '{actor} calls sendOffsetsToTransaction() for offset {offset}, then commitTransaction().',
    'zh-cn': '{actor} 调用 sendOffsetsToTransaction() 提交位点 {offset}，然后 commitTransaction()。',
  },
  'kafka.txn.committed': {
    en: 'The transaction commits: the receipt becomes visible to read_committed readers and offset {offset} is committed, together.',
    'zh-cn': '事务提交：回执对 read_committed 可见，位点 {offset} 同时提交。',
  },
  'kafka.txn.abortedLate': {
    en: 'The transaction of {consumer} is aborted: it is no longer a member, so neither its receipt nor its offset counts.',
    'zh-cn': '{consumer} 的事务被中止：它已不是成员，回执和位点都不算数。',
  },
  'kafka.txn.fenced': {
    en: 'The restarted {consumer} fences its old transaction (same transactional.id): the open one is aborted, its receipt never becomes visible.',
    'zh-cn': '重启后的 {consumer} 用同一个 transactional.id 隔离了旧实例：未提交的事务被中止，那条回执永远不可见。',
  },
  'kafka.response.nobody': {
    en: 'The response for {msg} reaches no one: the producer process is gone.',
    'zh-cn': '{msg} 的响应没人接收：生产者进程已经不在了。',
  },
  'kafka.produce.acked': { en: 'The producer got the response for {msg}.', 'zh-cn': '生产者收到了 {msg} 的发送响应。' },
  'kafka.retry.plain': {
    en: 'No response within request.timeout.ms: the producer sends {msg} again (attempt {attempt}), with no sequence number to recognise it by.',
    'zh-cn': 'request.timeout.ms 内没有响应：生产者再发一次 {msg}（第 {attempt} 次），没有序列号可供识别。',
  },
  'kafka.retry.idempotent': {
    en: 'No response within request.timeout.ms: the producer retries {msg} (attempt {attempt}) with the same producer id {pid} and sequence {seq}.',
    'zh-cn': 'request.timeout.ms 内没有响应：生产者用同一个 producer id {pid}、序列号 {seq} 重试 {msg}（第 {attempt} 次）。',
  },
  'kafka.producer.restarted': {
    en: 'The producer restarted with a new producer id {pid} and sends {msg} again: to the broker it is a new record.',
    'zh-cn': '生产者重启，拿到新的 producer id {pid}，再次发送 {msg}：在 Broker 看来这是一条新记录。',
  },
  'kafka.producer.restartedPlain': { en: 'The producer restarted and sends {msg} again.', 'zh-cn': '生产者重启，再次发送 {msg}。' },
  'kafka.fault.loseProduceResponse': { en: 'The network lost the produce response for {msg}.', 'zh-cn': '网络弄丢了 {msg} 的发送响应。' },
  'kafka.fault.crashProducer': { en: 'The producer crashed before the response for {msg} arrived.', 'zh-cn': '生产者在收到 {msg} 的响应前崩溃。' },
  'kafka.member.joined': { en: '{actor} asks to join group billing.', 'zh-cn': '{actor} 申请加入消费者组 billing。' },
  'kafka.member.left': { en: '{consumer} left group billing.', 'zh-cn': '{consumer} 离开了消费者组 billing。' },
  'kafka.session.expired': {
    en: 'No heartbeat from {consumer} for session.timeout.ms: the coordinator removes it from the group.',
    'zh-cn': 'session.timeout.ms 内没有 {consumer} 的心跳：协调者把它移出消费者组。',
  },
  'kafka.rebalance.started': {
    en: '{actor} hears that the group is rebalancing; it will rejoin at its next poll().',
    'zh-cn': '{actor} 得知消费者组正在再均衡，会在下一次 poll() 时重新加入。',
  },
  'kafka.assigned': {
    en: '{actor} is assigned orders-p0 (generation {generation}) and starts at the committed offset {offset}.',
    'zh-cn': '{actor} 分到了 orders-p0（第 {generation} 代），从已提交位点 {offset} 开始读。',
  },
  'kafka.assigned.none': {
    en: '{actor} is in the group (generation {generation}) with no partition.',
    'zh-cn': '{actor} 在消费者组里（第 {generation} 代），没有分到分区。',
  },
  'kafka.record.fetched': { en: '{actor} polled {msg} at offset {offset}.', 'zh-cn': '{actor} poll 到 {msg}，位点 {offset}。' },
  'kafka.record.reread': {
    en: '{actor} polled {msg} at offset {offset} again: read {count} times by the group.',
    'zh-cn': '{actor} 又 poll 到位点 {offset} 的 {msg}：这个消费者组已经读了 {count} 次。',
  },
  'kafka.records.stale': { en: '{actor} dropped a fetch answer from an older generation.', 'zh-cn': '{actor} 丢弃了上一代的拉取结果。' },
  'kafka.commitSync.sent': { en: '{actor} calls commitSync() for offset {offset}.', 'zh-cn': '{actor} 调用 commitSync() 提交位点 {offset}。' },
  'kafka.position.auto': {
    en: '{actor} moves on to offset {offset}; auto-commit will commit it within auto.commit.interval.ms.',
    'zh-cn': '{actor} 前进到位点 {offset}；自动提交会在 auto.commit.interval.ms 内提交它。',
  },
  'kafka.position.timer': {
    en: '{actor} moves on to offset {offset}; the application’s commit timer will commit it.',
    'zh-cn': '{actor} 前进到位点 {offset}；由应用自己的定时器来提交。',
  },
  'kafka.autoCommit': { en: 'Auto-commit: {actor} commits offset {offset}.', 'zh-cn': '自动提交：{actor} 提交位点 {offset}。' },
  'kafka.timerCommit': { en: 'The application’s timer: {actor} commits offset {offset}.', 'zh-cn': '应用定时器触发：{actor} 提交位点 {offset}。' },
  'kafka.committed': { en: 'The group’s committed offset for p0 is now {offset}.', 'zh-cn': '消费者组在 p0 上的已提交位点变为 {offset}。' },
  'kafka.commitFailed': {
    en: '{actor}’s commit of offset {offset} fails: CommitFailedException, it is no longer a member of this generation.',
    'zh-cn': '{actor} 提交位点 {offset} 失败：CommitFailedException，它已不是这一代的成员。',
  },
  'kafka.consumer.restarted': { en: '{actor} restarted; everything it kept in memory is gone.', 'zh-cn': '{actor} 重启了，内存里的东西全部丢失。' },
  'kafka.fault.crashConsumerBeforeCommit': {
    en: '{actor} crashed after processing, before its offset was committed (the group’s committed offset is {offset}).',
    'zh-cn': '{actor} 处理完、位点还没提交就崩溃了（消费者组的已提交位点是 {offset}）。',
  },
  'kafka.fault.exceedMaxPollInterval': {
    en: '{actor} has not called poll() for max.poll.interval.ms while working on {msg}: it leaves the group, and keeps working.',
    'zh-cn': '{actor} 处理 {msg} 期间超过 max.poll.interval.ms 没有调用 poll()：它离开了消费者组，但还在继续处理。',
  },
  'kafka.fault.closeConsumer': {
    en: '{actor} is shut down (close()) at position {offset} without committing it: nothing commits on revocation.',
    'zh-cn': '{actor} 被关闭（close()），消费到 {offset} 却没有提交：分区被收回时没有人提交位点。',
  },
  'kafka.fault.closeConsumer.commit': {
    en: '{actor} is shut down (close()); onPartitionsRevoked commits offset {offset} first.',
    'zh-cn': '{actor} 被关闭（close()）；onPartitionsRevoked 先提交了位点 {offset}。',
  },
  // Why a duplicate happened, by the explain key of the event that caused it (the ledger's sentence).
  'cause:kafka.fault.crashConsumerBeforeCommit': {
    en: 'the consumer crashed after charging, before its offset was committed, so the partition was read again from the committed offset.',
    'zh-cn': '消费者扣款后、提交位点前崩溃，分区又从已提交的位点重新读了一遍。',
  },
  'cause:kafka.txn.fenced': {
    en:
      'the consumer crashed inside its transaction: Kafka aborted the receipt and the offset, ' +
      'but the charge in the database had already happened, and the record was processed again.',
    'zh-cn': '消费者在事务中途崩溃：Kafka 中止了回执和位点，可数据库里的扣款已经发生，这条消息又被处理了一次。',
  },
  'cause:kafka.fault.exceedMaxPollInterval': {
    en: 'the slow consumer left the group, and its partition was re-read from the committed offset by the other consumer while it kept working.',
    'zh-cn': '慢消费者离开了消费者组，另一个消费者从已提交的位点重新读了这个分区，而它自己还在处理。',
  },
  'cause:kafka.fault.closeConsumer': {
    en: 'the partition moved at the deploy before the processed offset was committed, so consumer 2 read the record again.',
    'zh-cn': '发版时分区交接了，已处理的位点却还没提交，消费者 2 又读了一遍。',
  },
  'cause:kafka.fault.loseProduceResponse': {
    en: 'the produce response was lost and the retry was appended as a second record.',
    'zh-cn': '发送响应丢了，重试被当成第二条记录写入。',
  },
  'cause:kafka.fault.crashProducer': {
    en: 'the restarted producer sent the event again under a new producer id, so the broker stored a second record.',
    'zh-cn': '重启后的生产者用新的 producer id 又发了一次，Broker 存了第二条记录。',
  },
  // Steps whose actors report nothing of their own (engine/quiet.ts), and this broker's words for its states.
  'step.received.fetch': {
    en: 'The broker received {from}’s fetch request from offset {offset}.',
    'zh-cn': 'Broker 收到 {from} 的拉取请求，从位点 {offset} 开始读。',
  },
  'step.received.commit': {
    en: 'The group coordinator received {from}’s commit of offset {offset}.',
    'zh-cn': '组协调者收到 {from} 提交位点 {offset} 的请求。',
  },
  'step.received.txnProduce': {
    en: 'The broker appended the receipt for {key} to topic receipts inside {from}’s transaction: not committed yet.',
    'zh-cn': 'Broker 把 {key} 的回执追加到 receipts，属于 {from} 的事务，尚未提交。',
  },
  'step.timer.start': { en: 'The producer starts and sends its first record.', 'zh-cn': '生产者启动，发出第一条消息。' },
  'state:idle': { en: 'In the group, no partition', 'zh-cn': '在组内，没有分到分区' },
};
