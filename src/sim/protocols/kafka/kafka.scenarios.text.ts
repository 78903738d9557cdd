import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the kafka scenarios, by id: server-rendered, so islands never ship them. */
export const kafkaScenarioText: Record<string, ScenarioText> = {
  'kafka-auto-commit-crash': {
    title: { en: 'Auto-commit, crash before the commit', 'zh-cn': '自动提交，提交前崩溃' },
    lesson: {
      en:
        'The record was processed but auto-commit had not run yet; after the session timeout ' +
        'the restarted consumer gets p0 back at the old committed offset and reads it again.',
      'zh-cn': '消息处理完了，自动提交还没执行；会话超时后，重启的消费者拿回 p0，从旧的已提交位点重新读到它。',
    },
    notes: {
      en:
        'Ask: c1 processed the record; where does the group think it is? Step until c1 charges #42, press F to crash it before the offset commit, ' +
        'then use “Skip to next timer”. Point at the 45 s session timeout, p0 handed back at committed offset 0, and the ledger at 2×.',
      'zh-cn':
        '先问：c1 已经处理完这条消息，消费者组认为它读到哪儿了？单步到 c1 给 #42 扣款，按 F 让它在提交位点前崩溃，' +
        '再点“跳到下一个定时器”。指给学生看：第 45 秒会话超时，p0 从已提交位点 0 交回，账本变成 2 次。',
    },
  },
  'kafka-poll-interval-exceeded': {
    title: { en: 'max.poll.interval.ms exceeded, rebalance', 'zh-cn': '超过 max.poll.interval.ms，触发再均衡' },
    lesson: {
      en:
        'A consumer stuck in its handler leaves the group; its partition goes to the other ' +
        'consumer at the committed offset while the slow one finishes, and its commit then fails.',
      'zh-cn': '卡在处理逻辑里的消费者离开了消费者组；分区从已提交位点交给另一个消费者，慢的那个随后也处理完，它的提交失败。',
    },
    notes: {
      en:
        'Ask: the process is healthy, just slow; can Kafka take its partition away? Step until c1 has polled #42, ' +
        'press F to stall it past max.poll.interval.ms (the clock jumps 5 minutes), and keep stepping. ' +
        'Point at c2 starting at committed offset 0, c1’s CommitFailedException, and two charges.',
      'zh-cn':
        '先问：进程好好的，只是处理慢，Kafka 会把它的分区收走吗？单步到 c1 拉到 #42，按 F 让处理超过 max.poll.interval.ms（时钟跳过 ' +
        '5 分钟），继续单步。指给学生看：c2 从已提交位点 0 开始读，c1 的提交抛出 CommitFailedException，扣了两次款。',
    },
  },
  'kafka-close-without-revoke-commit': {
    title: { en: 'Deploy without a commit on revocation', 'zh-cn': '发版时分区被收回却没提交' },
    lesson: {
      en:
        'The application commits on its own 5 s timer and has no rebalance listener: ' +
        'a shutdown between the charge and the timer hands p0 over at the old offset.',
      'zh-cn': '应用自己每 5 秒提交一次，也没有再均衡监听器：在扣款之后、定时器之前关闭，p0 按旧位点交接出去。',
    },
    notes: {
      en:
        'Ask: a deploy is a graceful close(); what can go wrong? Step until c1 has charged #42 and moved on to offset 1, ' +
        'then press F to shut consumer 1 down before its 5 s commit timer fires. Point at c2 starting at offset 0 and the ledger at 2×.',
      'zh-cn':
        '先问：发版是正常调用 close()，能出什么问题？单步到 c1 扣完 #42、位点前进到 1，' +
        '在 5 秒的提交定时器触发前按 F 关闭消费者 1。指给学生看：c2 从位点 0 开始读，账本变成 2 次。',
    },
  },
  'kafka-producer-retry': {
    title: { en: 'Producer retry without idempotence', 'zh-cn': '未开启幂等的生产者重试' },
    lesson: {
      en: 'With enable.idempotence=false, a retry after a lost response is a second record, and the consumer charges twice.',
      'zh-cn': 'enable.idempotence=false 时，响应丢失后的重试就是第二条记录，消费者扣两次款。',
    },
    notes: {
      en:
        'Ask: the broker appended the record but the producer never heard back; what does it do? Step until #42 is appended, press F to lose the ' +
        'produce response, then “Skip to next timer” and keep stepping. Point at the retry at 30 s, a second record of #42 at offset 1, and two charges.',
      'zh-cn':
        '先问：Broker 已经追加了记录，生产者却没收到响应，它会怎么做？单步到 #42 被追加，按 F 弄丢发送响应，' +
        '再点“跳到下一个定时器”，继续单步。指给学生看：第 30 秒重试，位点 1 上多出第二条 #42，扣了两次款。',
    },
  },
  'kafka-producer-restart': {
    title: { en: 'Idempotent producer restarts', 'zh-cn': '幂等生产者重启' },
    lesson: {
      en: 'Idempotence covers one producer session: after a restart the re-sent event has a new producer id, the broker cannot tell, and it is charged twice.',
      'zh-cn': '幂等只覆盖一个生产者会话：重启后重发的事件带着新的 producer id，Broker 认不出来，扣了两次款。',
    },
    notes: {
      en:
        'Ask: the producer is idempotent; can a duplicate still get into the log? Step until the broker has appended #42 and press F ' +
        'to crash the producer before the response. Point at the restart 1 s later under a new producer id: two records, two charges.',
      'zh-cn':
        '先问：生产者开了幂等，日志里还会出现重复吗？单步到 Broker 追加了 #42，' +
        '按 F 让生产者在收到响应前崩溃。指给学生看：1 秒后重启，换了新的 producer id：两条记录，扣两次款。',
    },
  },
  'kafka-auto-commit-crash-inbox': {
    title: { en: 'Auto-commit crash, inbox by business key', 'zh-cn': '自动提交崩溃，按业务键写消费记录' },
    lesson: {
      en: 'The re-read record hits the inbox row’s unique key: nothing is charged twice.',
      'zh-cn': '重新读到的消息撞上消费记录的唯一键，不会重复扣款。',
    },
    notes: {
      en:
        'Repeat the crash: step until c1 charges #42 and press F before the offset commit. At 45 s #42 is read again, but its inbox ' +
        'insert hits the unique key and the ledger stays at 1×. Press “Explore every schedule”: no schedule breaks either invariant.',
      'zh-cn':
        '重复刚才的崩溃：单步到 c1 给 #42 扣款，在提交位点前按 F。第 45 秒 #42 又被读到，' +
        '但消费记录插入撞上唯一键，账本停在 1 次。点“穷举所有执行顺序”：没有任何执行顺序能破坏这两条不变量。',
    },
  },
  'kafka-poll-interval-exceeded-inbox': {
    title: { en: 'Poll interval exceeded, inbox by business key', 'zh-cn': '超过 poll 间隔，按业务键写消费记录' },
    lesson: { en: 'Both consumers run the handler; only one inbox insert commits.', 'zh-cn': '两个消费者都执行了处理逻辑，只有一个消费记录插入能提交。' },
    notes: {
      en:
        'Same stall: step until c1 has polled #42 and press F. c1 and c2 both still run the handler, but only the first inbox ' +
        'transaction commits; the second hits the unique key. Press “Explore every schedule” to show the concurrent case is covered too.',
      'zh-cn':
        '同样让它卡住：单步到 c1 拉到 #42，按 F。c1 和 c2 仍然都执行了处理逻辑，' +
        '但只有先提交的消费记录事务成功，后一个撞上唯一键。点“穷举所有执行顺序”，说明并发的情况也被覆盖了。',
    },
  },
  'kafka-commit-on-revoke': {
    title: { en: 'Commit in onPartitionsRevoked', 'zh-cn': '在 onPartitionsRevoked 里提交' },
    lesson: {
      en: 'A rebalance listener that commits the processed offsets before giving up the partition: consumer 2 starts after the charged record.',
      'zh-cn': '再均衡监听器在交出分区前提交已处理的位点：消费者 2 从扣过款的那条之后开始。',
    },
    notes: {
      en:
        'Same deploy, now with a rebalance listener: shut consumer 1 down at the same point. onPartitionsRevoked commits ' +
        'offset 1 first, so c2 starts after #42 and both invariants hold. Ask: what if c1 had crashed instead of closing?',
      'zh-cn':
        '同样的发版，这次有再均衡监听器：在同一时刻关闭消费者 1。onPartitionsRevoked 先提交位点 1，' +
        'c2 从 #42 之后开始读，两条不变量都成立。再问：如果 c1 不是正常关闭而是崩溃了呢？',
    },
  },
  'kafka-idempotent-producer': {
    title: { en: 'Idempotent producer retry', 'zh-cn': '幂等生产者重试' },
    lesson: {
      en: 'The retry carries the same producer id, epoch and sequence number: the broker answers without appending.',
      'zh-cn': '重试带着同样的 producer id、epoch 和序列号：Broker 直接应答，不再写入。',
    },
    notes: {
      en:
        'Same lost response, now with enable.idempotence=true: lose it at the same point and skip to the 30 s retry. ' +
        'The broker recognises the producer id and sequence number and answers without appending. One record, one charge.',
      'zh-cn':
        '同样弄丢响应，这次 enable.idempotence=true：在同一时刻弄丢响应，跳到第 30 秒的重试。' +
        'Broker 认出 producer id 和序列号，直接应答、不再追加。一条记录，扣一次款。',
    },
  },
  'kafka-producer-restart-inbox': {
    title: { en: 'Producer restart, inbox by business key', 'zh-cn': '生产者重启，按业务键写消费记录' },
    lesson: {
      en: 'Two records reach the consumer; the second finds its business key in the inbox.',
      'zh-cn': '两条记录都到了消费者，第二条在消费记录表里找到了自己的业务键。',
    },
    notes: {
      en:
        'Crash the producer at the same point. The restarted producer still writes a second record of #42, but the consumer keys ' +
        'on order-42 and the second copy hits the inbox’s unique key. Stress that the fix lives in the consumer, not the producer.',
      'zh-cn': '在同一时刻让生产者崩溃。重启后照样写进第二条 #42，但消费者按 order-42 去重，第二份撞上消费记录的唯一键。强调：解决办法在消费端，而不在生产端。',
    },
  },
  'kafka-transaction-external-charge': {
    title: { en: 'Transactions, and a charge outside Kafka', 'zh-cn': '事务，以及 Kafka 之外的扣款' },
    lesson: {
      en:
        'Consume-transform-produce with transactions: a crash before the commit aborts the receipt and the offset, ' +
        'so Kafka itself stays exactly-once — but the database charge is outside the transaction and happens twice.',
      'zh-cn': '用事务做“消费-处理-生产”：提交前崩溃，回执和位点一起被中止，Kafka 内部仍是精确一次——可数据库扣款不在事务里，扣了两次。',
    },
    notes: {
      en:
        'Ask: Kafka has exactly-once transactions; are we safe? Step until c1 writes the receipt inside its transaction, press F, then press ' +
        '“Skip to next timer” a few times. Point at the aborted first receipt, the one receipt read_committed sees, and the ledger still at 2×.',
      'zh-cn':
        '先问：Kafka 有“精确一次”的事务，这样就安全了吗？单步到 c1 在事务里写入回执，按 F，' +
        '再点几次“跳到下一个定时器”。指给学生看：第一条回执被中止，read_committed 只看得到一条回执，账本却还是 2 次。',
    },
  },
  'kafka-transaction-external-charge-inbox': {
    title: { en: 'Transactions, plus an inbox in the database', 'zh-cn': '事务，再加数据库里的消费记录' },
    lesson: {
      en: 'The Kafka transaction covers the receipt and the offset; the inbox row covers the charge. One receipt, one charge.',
      'zh-cn': 'Kafka 事务管住回执和位点，消费记录表管住扣款：一条回执，一次扣款。',
    },
    notes: {
      en:
        'Repeat the crash after the receipt is written. The Kafka transaction still aborts the first receipt; this time ' +
        'the re-read record also hits the inbox’s unique key: one receipt, one charge. Ask which part each mechanism covers.',
      'zh-cn':
        '写入回执后同样让它崩溃。Kafka 事务照样中止第一条回执；这次重读的消息还撞上了消费记录的唯一键：一条回执，一次扣款。问学生：这两套机制各管哪一部分？',
    },
  },
  'spring-kafka-batch-crash': {
    title: { en: 'Spring Kafka defaults: crash before the batch commit', 'zh-cn': 'Spring Kafka 默认配置：批次提交前崩溃' },
    lesson: {
      en:
        'The container commits the offsets of a poll only after the listener has returned for every ' +
        'record in it; a crash in between makes the next owner re-read the record and charge again.',
      'zh-cn': '容器要等这一批消息的监听方法都返回了，才提交这一批的位点；中间崩溃，下一个消费者从旧位点重读，又扣一次款。',
    },
    notes: {
      en:
        'Ask: Spring turned auto-commit off; are we safe from duplicates now? Step until c1 has charged #42, ' +
        'press F before the commit, then Skip to next timer. Point at the second fetch of #42 and the ledger at 2×.',
      'zh-cn':
        '先问：Spring 已经关掉了自动提交，这样就不会重复了吗？单步到 c1 给 #42 扣完款，' +
        '在提交前按 F，再点“跳到下一个定时器”。指给学生看：#42 被第二次拉取，账本变成 2 次。',
    },
  },
  'spring-kafka-batch-crash-inbox': {
    title: { en: 'Spring Kafka, with an inbox in the listener', 'zh-cn': 'Spring Kafka，监听方法里加消费记录表' },
    lesson: {
      en: 'The same crash re-reads the record, but its inbox row is already committed with the charge: the second transaction hits the unique key, one charge.',
      'zh-cn': '同样的崩溃照样重读这条消息，但消费记录和扣款已经在同一个事务里提交：第二次事务撞上唯一键，只扣一次。',
    },
    notes: {
      en: 'Repeat the crash before the commit. Point at the re-read record and the unique-key hit; ask where the retry after a listener exception would land.',
      'zh-cn': '同样在提交前让它崩溃。指给学生看：消息被重读，撞上唯一键。再问：监听方法抛异常后的重试会落在哪里？',
    },
  },
};
