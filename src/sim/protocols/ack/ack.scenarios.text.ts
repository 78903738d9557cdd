import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the ack scenarios, by id: server-rendered, so islands never ship them. */
export const ackScenarioText: Record<string, ScenarioText> = {
  'auto-ack-crash': {
    title: { en: 'Auto-ack, then a crash', 'zh-cn': '自动 ack 后崩溃' },
    lesson: {
      en: 'With automatic acks the broker forgets the message on delivery, so a crash before the write loses it.',
      'zh-cn': '自动 ack 时，Broker 一投递就把消息删了，消费者写入前崩溃，消息就丢了。',
    },
    notes: {
      en:
        'Ask: when does the broker forget the message with auto-ack? Step to the delivery, ' +
        'press F and crash the consumer before it charges. Point at the empty queue and the red “No loss”.',
      'zh-cn': '先问：自动 ack 时 Broker 什么时候忘掉这条消息？单步到投递，按 F 让消费者在扣款前崩溃。指给学生看：队列是空的，“无丢失”变红。',
    },
  },
  'manual-ack-crash-after-effect': {
    title: { en: 'Manual ack, crash after the write', 'zh-cn': '手动 ack，写入后崩溃' },
    lesson: {
      en: 'Acking after the write never loses the message, but a crash between the write and the ack charges twice.',
      'zh-cn': '写入之后再 ack 不会丢消息，但写入和 ack 之间一崩溃，就会重复扣款。',
    },
    notes: {
      en:
        'Ask: the consumer charged but never acked; what will the broker do? Step until the charge, ' +
        'press F and crash it. Point at the requeue, delivery 2 with ↻, and the ledger at 2×.',
      'zh-cn': '先问：款扣了但没 ack，Broker 会怎么做？单步到扣款，按 F 让它崩溃。指给学生看：消息回到队列、第 2 次投递带 ↻ 标记、账本变成 2 次。',
    },
  },
  'lost-ack-redelivery': {
    title: { en: 'Lost ack, redelivery after the timeout', 'zh-cn': 'ack 丢失，超时后重投' },
    lesson: {
      en: 'The consumer charged and acked, but the ack never arrived; after its 30 s ack timeout the broker delivers again.',
      'zh-cn': '消费者扣完款也 ack 了，可 ack 没送到；30 秒 ack 超时后 Broker 又投递了一次。',
    },
    notes: {
      en:
        'Ask: the ack left the consumer; is the message done? Press F when the ack is on the network ' +
        'and lose it. Let the clock run to the 30 s ack timeout and watch the second delivery.',
      'zh-cn': '先问：ack 已经发出去了，这条消息算处理完了吗？ack 在网络上时按 F 把它弄丢，让时钟走到 30 秒 ack 超时，看第二次投递。',
    },
  },
  'lost-confirm-retry': {
    title: { en: 'Lost confirm, producer retries', 'zh-cn': '确认丢失，生产者重发' },
    lesson: {
      en: 'The broker stored the message but the confirm was lost; the retry stores a second copy and the consumer charges twice.',
      'zh-cn': 'Broker 已经存下消息，确认却丢了；生产者重发后队列里有两份，消费者扣两次款。',
    },
    notes: {
      en:
        'Ask: the broker stored the message but the producer never heard back; what does a careful ' +
        'producer do? Lose the confirm with F, play on: two copies in the queue, two charges.',
      'zh-cn': '先问：Broker 存下了消息，生产者却没收到确认，谨慎的生产者会怎么做？按 F 弄丢确认，继续播放：队列里两份，扣两次。',
    },
  },
  'lost-confirm-dedup-window': {
    title: { en: 'Lost confirm, broker dedup window', 'zh-cn': '确认丢失，Broker 去重窗口' },
    lesson: {
      en: 'A broker that remembers message ids for 2 minutes drops the retry: one copy, one charge.',
      'zh-cn': 'Broker 在 2 分钟窗口内记住消息 ID，把重发的那份丢掉：只有一份，只扣一次。',
    },
    notes: {
      en:
        'Same lost confirm, but the broker remembers message ids for 2 minutes. Point at “deduplicated” ' +
        'in the log: one copy, one charge. Ask what happens if the retry comes later.',
      'zh-cn': '同样弄丢确认，但 Broker 会记住消息 ID 2 分钟。指给学生看日志里的“去重”：只有一份，只扣一次。再问：重发来得更晚会怎样？',
    },
  },
  'retry-after-dedup-window': {
    title: { en: 'Retry after the dedup window', 'zh-cn': '重发晚于去重窗口' },
    lesson: {
      en: 'Dedup windows are time-bound: here the window is shortened to 2 s and the retry comes after 5 s, so it is stored again.',
      'zh-cn': '去重窗口有时限：这里窗口缩短为 2 秒，重发在 5 秒后才到，于是又被存了一份。',
    },
    notes: {
      en: 'The window is shortened to 2 s and the retry comes after 5 s. Lose the confirm and play: the retry is stored again. Dedup windows are time-bound.',
      'zh-cn': '窗口缩短到 2 秒，重发 5 秒后才到。弄丢确认再播放：重发又被存了一份。去重窗口是有时限的。',
    },
  },
  'processed-set-crash': {
    title: { en: 'In-memory processed set, crash', 'zh-cn': '内存去重集合，崩溃' },
    lesson: {
      en: 'The set of processed ids dies with the process, so the redelivery after a crash is charged again.',
      'zh-cn': '已处理 ID 的集合随进程一起消失，崩溃后的重投又扣了一次款。',
    },
    notes: {
      en:
        'Ask: the consumer remembers what it processed; what happens to that memory on a crash? ' +
        'Crash after the charge and watch the restarted consumer charge again.',
      'zh-cn': '先问：消费者记住了处理过哪些消息，崩溃后这份记忆还在吗？扣款后让它崩溃，看重启后的消费者再扣一次。',
    },
  },
  'setnx-before-crash': {
    title: { en: 'SETNX before processing, crash', 'zh-cn': '处理前 SETNX，崩溃' },
    lesson: {
      en: 'The key is set, the consumer crashes before charging, and the redelivery sees the key and skips: the charge is lost.',
      'zh-cn': '占坑成功后、扣款前崩溃，重投看到 key 已存在就跳过：这笔款永远没扣。',
    },
    notes: {
      en:
        'Ask: SETNX first, then charge: what if the process dies in between? ' +
        'Step past the SETNX, crash before the charge, and watch the redelivery skip the order.',
      'zh-cn': '先问：先 SETNX 再扣款，中间进程挂了会怎样？单步越过 SETNX，在扣款前崩溃，看重投被当成已处理而跳过。',
    },
  },
  'setnx-ttl-shorter-than-redelivery': {
    title: { en: 'SETNX TTL shorter than the redelivery', 'zh-cn': 'SETNX 的 TTL 比重投间隔短' },
    lesson: {
      en: 'The ack is lost; the key expires after 10 s, the broker redelivers after its 30 s ack timeout, and the order is charged again.',
      'zh-cn': 'ack 丢了；key 10 秒后过期，Broker 30 秒 ack 超时后才重投，于是又扣了一次。',
    },
    notes: {
      en: 'The key lives 10 s; the broker redelivers after 30 s. Lose the ack and play: the key expires first, and the order is charged twice.',
      'zh-cn': 'key 只活 10 秒，Broker 30 秒后才重投。弄丢 ack 再播放：key 先过期，订单被扣两次。',
    },
  },
  'check-then-insert-race': {
    title: { en: 'Check-then-insert under concurrent redelivery', 'zh-cn': '并发重投下的先查再插' },
    lesson: {
      en: 'A slow consumer’s ack timeout expires, a second consumer gets the same message, and both see “not processed yet”.',
      'zh-cn': '一个消费者处理太慢、ack 超时，消息被交给第二个消费者，两边都查到“还没处理”。',
    },
    notes: {
      en:
        'Two consumers. Ask: can two of them hold the same message? Let one check, ' +
        'expire its ack timeout with F, let the other check: both see “absent”. Or press Explore.',
      'zh-cn': '两个消费者。先问：同一条消息会同时在两个人手里吗？让第一个先查，按 F 让它 ack 超时，再让第二个查：两边都是“不存在”。也可以直接点穷举。',
    },
  },
  'inbox-in-transaction': {
    title: { en: 'Inbox row in the same transaction', 'zh-cn': '同一事务写入消费记录' },
    lesson: {
      en: 'Crashes before and after the write, a lost ack, a lost confirm: the unique key written with the charge turns every redelivery into a no-op.',
      'zh-cn': '写入前后崩溃、ack 丢失、确认丢失：和扣款同一事务写入的唯一键，让每一次重投都变成空操作。',
    },
    notes: {
      en: 'Try every fault the class suggests; the ledger stays at 1×. Then press Explore: every schedule within these bounds is safe.',
      'zh-cn': '让学生随便点故障，账本始终是 1 次。然后点穷举：这些边界内所有执行顺序都安全。',
    },
  },
  'inbox-concurrent-redelivery': {
    title: { en: 'Inbox row under concurrent redelivery', 'zh-cn': '并发重投下的消费记录表' },
    lesson: {
      en: 'Two consumers hold the same message at once; the unique key lets exactly one transaction commit, even with a crash on top.',
      'zh-cn': '两个消费者同时拿着同一条消息；唯一键只允许一个事务提交，再叠加一次崩溃也一样。',
    },
    notes: {
      en: 'The race from before, with the inbox table. Both consumers try; exactly one transaction commits. Explore to prove it.',
      'zh-cn': '还是刚才的竞态，换成消费记录表。两个消费者都尝试，只有一个事务能提交。用穷举来证明。',
    },
  },
  'upsert-idempotent-write': {
    title: { en: 'Naturally idempotent write', 'zh-cn': '天然幂等的写入' },
    lesson: {
      en: 'Setting the order to PAID twice leaves it PAID: redeliveries and retries change nothing.',
      'zh-cn': '把订单置为已支付，执行两次仍是已支付：重投和重发都不会改变结果。',
    },
    notes: {
      en: 'Ask: what if running the handler twice simply changes nothing? Crash, lose the ack, lose the confirm: still one payment.',
      'zh-cn': '先问：如果处理函数执行两次根本不改变结果呢？让它崩溃、弄丢 ack、弄丢确认：仍然只有一笔支付。',
    },
  },
  'broker-crash-async-flush': {
    title: { en: 'Broker crash, flushed after the confirm', 'zh-cn': 'Broker 宕机：确认之后才刷盘' },
    lesson: {
      en: 'The broker confirmed order #43 while it was still only in memory; the machine crashed before the flush, and a confirmed message is gone.',
      'zh-cn': 'Broker 在订单 #43 还只在内存里时就回了确认；机器在刷盘前宕机，一条“已确认”的消息就这样没了。',
    },
    notes: {
      en:
        'Ask: the producer got its confirm; is the message safe? Step until order #43 is confirmed and waits in the queue (the ' +
        'broker lane says “not on disk yet”), press F and crash the broker. Point at the empty queue and the red “No loss”.',
      'zh-cn':
        '先问：生产者收到确认了，消息就安全了吗？单步到订单 #43 已确认、在队列里等待（Broker ' +
        '那一栏写着“尚未刷盘”），按 F 让 Broker 宕机。指给学生看：队列空了，“无丢失”变红。',
    },
  },
  'broker-crash-sync-flush': {
    title: { en: 'Broker crash, flushed before the confirm', 'zh-cn': 'Broker 宕机：刷盘之后才确认' },
    lesson: {
      en:
        'Flushed before the confirm, nothing confirmed is lost. But a crash while order #42 is unacked, or while its ' +
        'confirm is on the wire, brings #42 back (redelivered, or re-sent by the producer) and it is charged twice.',
      'zh-cn':
        '先刷盘再确认，确认过的消息一条不丢。可如果宕机时订单 #42 还没 ack，或者它的确认还在路上，#42 就会再来一次（被重投，或被生产者重发），扣两次款。',
    },
    notes: {
      en:
        'Crash at the same point as before (#43 queued): nothing is lost. Reset and crash while the consumer is sending ' +
        'the ack for #42: point at the requeue, delivery 2 with ↻, the ledger at 2×. Reset and crash right after the ' +
        'broker stored #42: the producer re-sends at 5 s, a second copy, 2× again. Durability brought the duplicate with it.',
      'zh-cn':
        '在和刚才同样的位置宕机（#43 在队列里）：什么都没丢。重置，在消费者“发送 ack 中”（#42）时宕机：指给学生看消息回到队列、' +
        '第 2 次投递带 ↻、账本变成 2 次。再重置，在 Broker 刚存下 #42 时宕机：生产者第 5 秒重发，多出一份，又是 2 次。可靠性把重复一起带来了。',
    },
  },
  'broker-crash-sync-flush-inbox': {
    title: { en: 'Broker crash, flushed before the confirm, inbox in the consumer', 'zh-cn': 'Broker 宕机：先刷盘再确认，消费端用消费记录表' },
    lesson: {
      en:
        'The broker keeps every confirmed message; the consumer’s inbox row turns ' +
        'each redelivery and re-send into a no-op: nothing lost, nothing charged twice.',
      'zh-cn': 'Broker 保住每一条确认过的消息；消费端的消费记录表让重投和重发都变成空操作：不丢，也不重复扣款。',
    },
    notes: {
      en: 'Durable broker plus idempotent consumer. Crash the broker anywhere, then run Explore: both badges stay green.',
      'zh-cn': '可靠的 Broker 加幂等的消费者。在任意位置让 Broker 宕机，再运行穷举：两个徽章都保持绿色。',
    },
  },
};
