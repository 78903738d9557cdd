import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the Pulsar scenarios, by id: server-rendered, so islands never ship them. */
export const pulsarScenarioText: Record<string, ScenarioText> = {
  'pulsar-crash-before-ack': {
    title: { en: 'Crash between the charge and the ack (Shared)', 'zh-cn': '扣款后、ack 前崩溃（Shared）' },
    lesson: {
      en:
        'When a consumer’s connection closes, the broker hands its unacked messages to the other ' +
        'consumers, with redeliveryCount still 0: consumer 2 cannot tell, and charges again.',
      'zh-cn': '消费者连接一断，Broker 就把它没 ack 的消息交给其他消费者，redeliveryCount 还是 0：消费者 2 分辨不出来，又扣了一次。',
    },
    notes: {
      en:
        'Ask: what does the broker know when a consumer dies? Step until c1 charges #42, press F to crash it before the ack. ' +
        'Point at the broker replaying entry 0 to c2, the redeliveryCount of 0 in c2’s delivery, and the ledger at 2×.',
      'zh-cn':
        '先问：消费者挂了，Broker 知道些什么？单步到 c1 给 #42 扣款，按 F 让它在 ack 前崩溃。' +
        '指给学生看：Broker 把 entry 0 转给 c2，c2 拿到的 redeliveryCount 是 0，账本变成 2 次。',
    },
  },
  'pulsar-crash-before-ack-inbox': {
    title: { en: 'Crash before the ack, inbox on the consumer', 'zh-cn': 'ack 前崩溃，消费端用消费记录表去重' },
    lesson: {
      en: 'The inbox row keyed on the business key commits with the charge: consumer 2’s insert hits it, so it acks without charging.',
      'zh-cn': '以业务键为主键的消费记录和扣款在同一个事务里提交：消费者 2 插入时撞上唯一键，只 ack 不扣款。',
    },
    notes: {
      en: 'Same crash as before. Point at c2’s inbox insert failing on the unique key and the ledger staying at 1×, whatever the schedule.',
      'zh-cn': '同样的崩溃。指给学生看：c2 插入消费记录撞上唯一键，账本停在 1 次，不管执行顺序怎样都一样。',
    },
  },
  'pulsar-ack-group-window': {
    title: { en: 'acknowledge() returned, the ack never left', 'zh-cn': 'acknowledge() 返回了，ack 却没发出去' },
    lesson: {
      en:
        'Acks wait up to acknowledgmentGroupTime (100 ms) in the client. A crash inside that ' +
        'window loses the ack, and the broker delivers the message again after the restart.',
      'zh-cn': 'ack 会在客户端攒最多 acknowledgmentGroupTime（100 毫秒）再发。在这段时间里崩溃，ack 就丢了，重启后 Broker 再投一次。',
    },
    notes: {
      en:
        'Ask: once acknowledge() returns, is the message acked? Step until c1 has called acknowledge() for #42, then press F to crash it ' +
        'before the flush. Point at the ack still in c1’s lane, the broker rewinding when its last consumer leaves, and the ledger at 2×.',
      'zh-cn':
        '先问：acknowledge() 一返回，消息就算确认了吗？单步到 c1 对 #42 调用 acknowledge()，按 F 让它在 ack 刷出前崩溃。' +
        '指给学生看：ack 还留在 c1 那一栏里，最后一个消费者走了 Broker 就从头读，账本变成 2 次。',
    },
  },
  'pulsar-ack-group-window-inbox': {
    title: { en: 'Lost ack, inbox on the consumer', 'zh-cn': 'ack 丢了，消费端用消费记录表去重' },
    lesson: {
      en: 'Setting acknowledgmentGroupTime to 0 only narrows the window: a crash between the charge and the ack remains. The inbox row closes it.',
      'zh-cn': '把 acknowledgmentGroupTime 设成 0 只是把窗口变窄：扣款和 ack 之间崩溃的可能还在。消费记录表才把它堵上。',
    },
    notes: {
      en: 'Same crash. Point at the restarted consumer’s inbox insert hitting the row committed with the first charge: acked, not charged.',
      'zh-cn': '同样的崩溃。指给学生看：重启后的消费者插入消费记录，撞上第一次扣款时一起提交的那一行：只 ack，不扣款。',
    },
  },
  'pulsar-ack-timeout-short': {
    title: { en: 'ackTimeout shorter than the handler (Shared)', 'zh-cn': 'ackTimeout 比处理时间短（Shared）' },
    lesson: {
      en:
        'With ackTimeout on, the client asks for a redelivery while the handler is still ' +
        'working; in a Shared subscription the copy goes to the other consumer, and both charge.',
      'zh-cn': '开了 ackTimeout，处理还没完客户端就请求重投；在 Shared 订阅里这份消息发给了另一个消费者，两边都扣了款。',
    },
    notes: {
      en:
        'Ask: what is ackTimeout for, and what does it do to a slow but healthy consumer? Step until c1 receives #42, press F to stall past ackTimeout. ' +
        'Point at the redeliver request, redeliveryCount 1, c2 receiving #42 while c1 still works, and the ledger at 2×.',
      'zh-cn':
        '先问：ackTimeout 是干什么用的？它对一个慢但正常的消费者做了什么？单步到 c1 收到 #42，按 F 让处理超过 ackTimeout。' +
        '指给学生看：重投请求、redeliveryCount 变成 1、c1 还在处理时 c2 已经收到 #42，账本变成 2 次。',
    },
  },
  'pulsar-ack-timeout-off': {
    title: { en: 'ackTimeout off (the default)', 'zh-cn': '关闭 ackTimeout（默认值）' },
    lesson: {
      en: 'With ackTimeout at its default 0, a healthy consumer keeps its message however long it takes; failures go back with negativeAcknowledge().',
      'zh-cn': 'ackTimeout 保持默认的 0，正常的消费者处理多久都不会被抢走消息；处理失败就用 negativeAcknowledge() 退回。',
    },
    notes: {
      en:
        'The stall button stays disabled: nothing watches the clock. Press “Explore ' +
        'every schedule”: no duplicate. Crashes still need an idempotent consumer.',
      'zh-cn': '“处理超过 ackTimeout”按钮一直是灰的：没人在计时。点“穷举所有执行顺序”：没有重复。崩溃的情况仍然要靠幂等消费。',
    },
  },
  'pulsar-key-shared-ack-timeout': {
    title: { en: 'ackTimeout with Key_Shared', 'zh-cn': 'Key_Shared 下的 ackTimeout' },
    lesson: {
      en:
        'Key_Shared sends the redelivery back to the consumer that owns the key. If it arrives while the handler still runs, ' +
        'that consumer charges again after it: one after the other instead of at once, still two.',
      'zh-cn': 'Key_Shared 把重投的消息发回持有这个 key 的消费者。如果它在处理还没结束时就到了，这个消费者处理完会再扣一次：从同时变成先后，还是两次。',
    },
    notes: {
      en:
        'Ask: if one consumer owns each key, can a key be charged twice? Stall c1 past ackTimeout and keep stepping: here the copy arrives after ' +
        'acknowledge(), and the client drops it, because it still holds that ack. Then press “Explore every schedule” and “Replay ' +
        'counterexample”: the copy arrives during the handler, waits in c1’s receiver queue, and is charged again.',
      'zh-cn':
        '先问：每个 key 只归一个消费者，同一个 key 还会扣两次吗？让 c1 处理超过 ackTimeout，然后继续单步：这次副本在 acknowledge() 之后才到，' +
        '客户端手里还攒着这个 ack，就把副本丢了。再点“穷举所有执行顺序”和“回放反例”：副本在处理过程中就到了，排进 c1 的接收队列，又被扣了一次。',
    },
  },
  'pulsar-key-shared-ack-timeout-inbox': {
    title: { en: 'ackTimeout with Key_Shared, inbox on the consumer', 'zh-cn': 'Key_Shared 下的 ackTimeout，消费端用消费记录表去重' },
    lesson: {
      en: 'The second run finds the inbox row the first one committed with its charge, and only acks.',
      'zh-cn': '第二遍处理发现第一遍和扣款一起提交的消费记录，只做 ack。',
    },
    notes: {
      en: 'Same stall. Point at c1’s second run skipping the charge: ordering per key does not make a handler idempotent, the inbox does.',
      'zh-cn': '同样卡住。指给学生看：c1 第二遍跳过了扣款。按 key 保序不等于幂等，消费记录表才是。',
    },
  },
  'pulsar-poison-nack': {
    title: { en: 'Poison message, negative acks, no dead-letter policy', 'zh-cn': '毒消息反复 nack，没设死信策略' },
    lesson: {
      en: 'A message that always fails is negatively acked and comes back every minute, forever: without a dead-letter policy nothing ever settles it.',
      'zh-cn': '一条永远处理失败的消息被 nack 后每分钟回来一次，没完没了：不设死信策略，它永远没有着落。',
    },
    notes: {
      en:
        'Ask: where does a message go that can never succeed? Press Play: #13 fails, is negatively acked, and returns a minute later, again and again, ' +
        'while #42 is charged once. Point at #13’s redeliveryCount rising and the red “No loss”.',
      'zh-cn':
        '先问：一条永远不可能成功的消息最后去哪了？点“播放”：#13 失败、nack、一分钟后回来，周而复始；#42 正常扣款一次。' +
        '指给学生看：#13 的 redeliveryCount 一直涨，“无丢失”变红。',
    },
  },
  'pulsar-poison-dlq': {
    title: { en: 'Poison message with a dead-letter policy', 'zh-cn': '毒消息配上死信策略' },
    lesson: {
      en:
        'With maxRedeliverCount 3 the application sees #13 four times; at the next ' +
        'redelivery request the client publishes it to orders-billing-DLQ and acks it.',
      'zh-cn': 'maxRedeliverCount 设为 3，应用会看到 #13 四次；再要重投时，客户端把它发到 orders-billing-DLQ，并 ack 原消息。',
    },
    notes: {
      en:
        'Press Play and count the deliveries of #13. Point at the client, not the broker, publishing to the DLQ topic. Ask: the count lives in the ' +
        'broker’s memory; what happens to it if the only consumer restarts?',
      'zh-cn':
        '点“播放”，数一数 #13 被投递了几次。指给学生看：往死信主题发消息的是客户端，不是 Broker。再问：这个计数只在 Broker 内存里，唯一的消费者重启了会怎样？',
    },
  },
  'pulsar-send-retry-no-dedup': {
    title: { en: 'Connection drops before the send receipt', 'zh-cn': '发送回执到达前连接断开' },
    lesson: {
      en: 'The client resends the pending message with the same sequence id, but deduplication is off by default: the broker stores it twice.',
      'zh-cn': '客户端用同一个 sequence id 重发还没确认的消息，可去重默认是关的：Broker 存了两份。',
    },
    notes: {
      en:
        'Ask: the client retries by itself; is that safe? Step until the broker stores #42, then press F to drop the connection. Point at the resend ' +
        'with the same sequenceId, entry 1 holding a second copy, and the ledger at 2×.',
      'zh-cn':
        '先问：客户端会自己重试，这安全吗？单步到 Broker 存下 #42，按 F 断开连接。' +
        '指给学生看：重发用的是同一个 sequenceId，entry 1 多了一份，账本变成 2 次。',
    },
  },
  'pulsar-send-retry-dedup': {
    title: { en: 'Connection drops, deduplication on', 'zh-cn': '连接断开，开启去重' },
    lesson: {
      en:
        'With brokerDeduplicationEnabled the broker keeps the highest sequence id per ' +
        'producer name: the resend is answered as a success with id -1:-1 and not stored.',
      'zh-cn': '开了 brokerDeduplicationEnabled，Broker 按生产者名字记住最大的 sequence id：重发照样回复成功，消息 id 为 -1:-1，不再存储。',
    },
    notes: {
      en: 'Same drop. Point at the broker’s note (billing-producer ≤ 0) and the receipt with -1:-1: the producer’s retry is harmless now.',
      'zh-cn': '同样断开连接。指给学生看 Broker 的去重记录（billing-producer ≤ 0）和那个 -1:-1 的回执：生产者重试不再有害。',
    },
  },
  'pulsar-producer-restart-generated-name': {
    title: { en: 'Producer restart with a generated name', 'zh-cn': '生产者重启，名字由 Broker 生成' },
    lesson: {
      en:
        'Deduplication is on, but keyed on the producer name: the restarted process gets a new ' +
        'generated name that the broker has no history for, so the replayed row is stored again.',
      'zh-cn': '去重开着，但它是按生产者名字算的：重启后的进程拿到一个新生成的名字，Broker 对它毫无记录，重发的那一行又被存了一遍。',
    },
    notes: {
      en:
        'Ask: deduplication is on, so a producer restart is safe? Step until the broker stores #42 and press F to restart the producer before the receipt. ' +
        'Point at the new name after the restart and the second entry.',
      'zh-cn':
        '先问：去重已经打开，生产者重启总该安全了吧？单步到 Broker 存下 #42，在回执到达前按 F 重启生产者。' +
        '指给学生看：重启后名字换了，Broker 里多了第二条 entry。',
    },
  },
  'pulsar-producer-restart-fixed-name': {
    title: { en: 'Producer restart, fixed name only', 'zh-cn': '生产者重启，只固定了名字' },
    lesson: {
      en: 'With a fixed name the broker remembers sequence id 0, and the client numbers on from it: the replayed row goes out as sequence id 1, a new message.',
      'zh-cn': '名字固定了，Broker 记得 sequence id 0，客户端就从它往后编号：重发的那一行用 sequence id 1 发出，成了一条新消息。',
    },
    notes: {
      en:
        'Same restart. Point at “the broker’s last sequence id for this name is 0” and the replay going out with sequenceId 1. Ask: what must stay ' +
        'the same across the restart for the broker to recognise the row?',
      'zh-cn':
        '同样重启。指给学生看“Broker 记得这个名字最后的 sequence id 是 0”，以及重发用的是 sequenceId 1。' +
        '再问：重启前后什么必须保持不变，Broker 才认得出这一行？',
    },
  },
  'pulsar-producer-restart-outbox-seq': {
    title: { en: 'Producer restart, fixed name and sequence id from the outbox row', 'zh-cn': '生产者重启，固定名字并用事务发件箱行号作 sequence id' },
    lesson: {
      en:
        'The application sets each message’s sequence id to its outbox row id, so ' +
        'the replay carries the same id under the same name, and the broker drops it.',
      'zh-cn': '应用把每条消息的 sequence id 设成它在事务发件箱里的行号，重发时名字和 id 都不变，Broker 就把它丢掉了。',
    },
    notes: {
      en: 'Same restart. Point at the replay with sequenceId 0 and the receipt with -1:-1: one entry, charged once.',
      'zh-cn': '同样重启。指给学生看：重发的 sequenceId 还是 0，回执是 -1:-1：只有一条 entry，只扣一次款。',
    },
  },
};
