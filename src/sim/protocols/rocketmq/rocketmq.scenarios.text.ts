import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the rocketmq scenarios, by id: server-rendered, so islands never ship them. */
export const rocketScenarioText: Record<string, ScenarioText> = {
  'rocketmq-offset-not-persisted': {
    title: { en: 'Crash before the offset is persisted', 'zh-cn': '消费位点上报前崩溃' },
    lesson: {
      en:
        'The consume offset reaches the broker only every 5 s; after a crash the ' +
        'restarted consumer starts from the broker’s offset and consumes the message again.',
      'zh-cn': '消费位点每 5 秒才上报 Broker 一次；崩溃重启后，消费者从 Broker 上的位点开始，又消费了一遍。',
    },
    notes: {
      en:
        'Ask: c1 consumed #42; when does the broker learn that? Step until c1 charges #42 and press F to crash it before the offset ' +
        'is persisted. Point at the restarted consumer pulling from the broker’s offset, still before #42, and the ledger at 2×.',
      'zh-cn':
        '先问：c1 消费完了 #42，Broker 什么时候才知道？单步到 c1 给 #42 扣款，按 F 让它在位点持久化前崩溃。' +
        '指给学生看：重启后的消费者从 Broker 上的位点拉取，那个位点还在 #42 之前，账本变成 2 次。',
    },
  },
  'rocketmq-rebalance': {
    title: { en: 'Rebalance while consuming', 'zh-cn': '消费过程中发生再均衡' },
    lesson: {
      en: 'A second consumer joins while the first is consuming order #42 on q1: q1 moves to consumer 2 at the persisted offset, and both consume it.',
      'zh-cn': '消费者 1 正在消费 q1 上的订单 #42 时，消费者 2 加入：q1 按已上报的位点交给消费者 2，两边都消费了它。',
    },
    notes: {
      en:
        'Ask: adding a consumer can only help, right? Step until c1 has pulled #42 from q1, then press F to ' +
        'start consumer 2: c1’s offset 1 lives only in its memory, so q1 goes to c2 at offset 0 and #42 is ' +
        'charged twice. Then press “Explore every schedule” and “Replay counterexample” for the concurrent case.',
      'zh-cn':
        '先问：多加一个消费者总不会坏事吧？单步到 c1 从 q1 拉到 #42，按 F 启动消费者 2：c1 的位点 1 只在内存里，' +
        'Broker 按位点 0 把 q1 交给 c2，#42 扣了两次。再点“穷举所有执行顺序”和“回放反例”，看并发的情况。',
    },
  },
  'rocketmq-send-retry-msgid': {
    title: { en: 'Application re-send, dedup by msgId', 'zh-cn': '应用重发，按 msgId 去重' },
    lesson: {
      en: 'The re-sent message has the same keys but a new msgId, so a dedup table keyed on msgId lets it through.',
      'zh-cn': '重发的消息 keys 相同、msgId 不同，按 msgId 建的消费记录表拦不住它。',
    },
    notes: {
      en:
        'Ask: the consumer dedupes on msgId; is a re-sent message the same message? Step until the broker stores #42, press F to ' +
        'time out the send, and skip to the re-send at 3 s. Point at the same keys order-42 under a new msgId, and the ledger at 2×.',
      'zh-cn':
        '先问：消费者按 msgId 去重，重发的消息算同一条吗？单步到 Broker 存下 #42，按 F 让发送超时，' +
        '再跳到第 3 秒的重发。指给学生看：keys 还是 order-42，msgId 换了新的，账本变成 2 次。',
    },
  },
  'rocketmq-orderly-poison': {
    title: { en: 'Orderly consumption, poison message', 'zh-cn': '顺序消费遇到毒消息' },
    lesson: {
      en: 'In orderly mode a failing message is retried in place forever (maxReconsumeTimes -1): order #42 behind it on the same queue never runs.',
      'zh-cn': '顺序消费时，失败的消息原地无限重试（maxReconsumeTimes 为 -1）：同一队列后面的订单 #42 一直轮不到。',
    },
    notes: {
      en:
        'Ask: in orderly mode, what happens to the messages behind one that always fails? Press Play: #13 is retried in place every second, ' +
        'and #42 behind it on q0 never runs. Point at the red “No loss”; “Explore every schedule” finds a counterexample within the first simulated minute.',
      'zh-cn':
        '先问：顺序消费时，排在一条永远失败的消息后面的消息会怎样？点“播放”：#13 每秒原地重试一次，' +
        'q0 上排在它后面的 #42 始终轮不到。指给学生看：“无丢失”变红；“穷举所有执行顺序”在模拟时钟的第一分钟内就能找到反例。',
    },
  },
  'rocketmq-broadcasting': {
    title: { en: 'Broadcasting mode, shared database', 'zh-cn': '广播消费，共用一个数据库' },
    lesson: {
      en: 'In BROADCASTING mode every consumer of the group gets every message: two consumers writing to one database charge twice.',
      'zh-cn': '广播模式下，组里每个消费者都会收到每条消息：两个消费者写同一个库，就扣了两次款。',
    },
    notes: {
      en:
        'Ask: does a consumer group give each message to exactly one consumer? Press Play; no fault is needed: ' +
        'in BROADCASTING mode c1 and c2 both receive #42 and both charge it. Point at the ledger at 2× and the red “No duplicate”.',
      'zh-cn':
        '先问：消费者组是不是每条消息只给一个消费者？点“播放”，不用注入任何故障：' +
        '广播模式下 c1 和 c2 都收到 #42，各扣一次款。指给学生看：账本是 2 次，“无重复”变红。',
    },
  },
  'rocketmq-offset-not-persisted-keys': {
    title: { en: 'Crash before persisting, dedup by keys', 'zh-cn': '位点上报前崩溃，按 keys 去重' },
    lesson: {
      en: 'The second consumption finds the business key in the inbox and charges nothing.',
      'zh-cn': '第二次消费在消费记录表里找到了业务键，没有扣款。',
    },
    notes: {
      en:
        'Repeat the crash before the offset is persisted. #42 arrives twice, but the second transaction finds order-42 ' +
        'in the inbox and charges nothing. Press “Explore every schedule”: no schedule breaks either invariant.',
      'zh-cn':
        '同样在位点持久化前让它崩溃。#42 照样来了两次，但第二个事务在消费记录表里找到 order-42，' +
        '不扣款。点“穷举所有执行顺序”：没有任何执行顺序能破坏这两条不变量。',
    },
  },
  'rocketmq-rebalance-keys': {
    title: { en: 'Rebalance, dedup by keys', 'zh-cn': '再均衡，按 keys 去重' },
    lesson: { en: 'Both consumers run the listener; only one inbox insert commits.', 'zh-cn': '两个消费者都执行了监听器，只有一个消费记录插入能提交。' },
    notes: {
      en:
        'Same rebalance: step until c1 is consuming #42 and press F to start consumer 2. #42 still reaches both consumers; ' +
        'one transaction commits and the other hits the unique key. Then press “Explore every schedule”: the concurrent case is covered too.',
      'zh-cn':
        '同样的再均衡：单步到 c1 开始消费 #42，按 F 启动消费者 2。#42 照样到了两个消费者手里，' +
        '一个事务提交，另一个撞上唯一键。然后点“穷举所有执行顺序”：并发的情况也被覆盖了。',
    },
  },
  'rocketmq-send-retry-keys': {
    title: { en: 'Application re-send, dedup by keys', 'zh-cn': '应用重发，按 keys 去重' },
    lesson: {
      en: 'Keyed on the business key (`keys`), the second message is recognised whatever its msgId.',
      'zh-cn': '按业务键（keys）去重，不管 msgId 是什么，第二条都能认出来。',
    },
    notes: {
      en:
        'Time out the send at the same point. The broker still stores a second message under a new msgId, but the consumer keys ' +
        'on order-42, so the second transaction hits the unique key: one charge. Ask which key your own consumers dedupe on.',
      'zh-cn':
        '在同一时刻让发送超时。Broker 照样用新的 msgId 存下第二条，但消费者按 order-42 去重，' +
        '第二个事务撞上唯一键：只扣一次。问学生：你们自己的消费者按哪个键去重？',
    },
  },
  'rocketmq-retry-then-dlq': {
    title: { en: '16 retries, then %DLQ%', 'zh-cn': '重试 16 次后进入 %DLQ%' },
    lesson: {
      en: 'A poison message is retried 16 times with growing delays (10 s … 2 h, about 4 h 46 min in all), then parked in %DLQ%billing.',
      'zh-cn': '毒消息按递增的间隔（10 秒 … 2 小时，合计约 4 小时 46 分）重试 16 次，然后停在 %DLQ%billing。',
    },
    notes: {
      en:
        'Ask: #13 can never succeed; how long will RocketMQ keep trying? Press Play and use “Skip to next timer” to jump the waits: ' +
        '10 s, 30 s … 2 h, 16 retries. At 285 min 40 s #13 lands in %DLQ%billing, and the ledger marks it parked, not lost.',
      'zh-cn':
        '先问：#13 永远不会成功，RocketMQ 会重试多久？点“播放”，用“跳到下一个定时器”跳过等待：10 秒、30 秒……2 小时，' +
        '共 16 次重试。时钟到 285 分 40 秒时 #13 进入 %DLQ%billing，账本把它记为停在死信队列，而不是丢失。',
    },
  },
  'rocketmq-retry-overtaken': {
    title: { en: 'Concurrent consumption: the retry is overtaken', 'zh-cn': '并发消费：重试的消息被后来者超过' },
    lesson: {
      en:
        'Order #13 fails and goes to %RETRY%billing; order #42, sent after it on the ' +
        'same queue, is charged at once. The retry comes back 10 s later, behind it.',
      'zh-cn': '订单 #13 失败后进入 %RETRY%billing；同一个队列里在它之后发送的订单 #42 立刻扣款。重试 10 秒后才回来，排在了 #42 后面。',
    },
    notes: {
      en:
        'Ask: #13 was sent before #42; which one is charged first? Press Play: #13 fails and leaves for the retry topic, ' +
        '#42 is charged at 0 s, #13 returns at 10 s. Compare with orderly consumption below: there #42 waits.',
      'zh-cn':
        '先问：#13 比 #42 先发，谁先扣款？点“播放”：#13 失败后转去重试队列，' +
        '#42 在第 0 秒就扣了款，#13 第 10 秒才回来。再和下面的顺序消费对比：那里 #42 会一直等着。',
    },
  },
  'rocketmq-retry-transient': {
    title: { en: 'Two failures, then success', 'zh-cn': '失败两次后成功' },
    lesson: {
      en: 'RECONSUME_LATER twice: retried after 10 s and 30 s, then charged once.',
      'zh-cn': '两次 RECONSUME_LATER：10 秒、30 秒后重试，最后只扣一次款。',
    },
    notes: {
      en:
        'Ask: the listener fails before charging; does the retry hurt? Press F when c1 consumes #42, skip the timers (the first stop is the ' +
        '5 s offset persist) and fail it again when it returns at 10 s; the next retry waits 30 s. Let the third attempt through: one charge.',
      'zh-cn':
        '先问：监听器在扣款前就失败了，重试有害吗？c1 消费 #42 时按 F，跳过定时器（第一次停在第 5 秒的位点上报），' +
        '第 10 秒它回来时再让它失败一次，下一次重试要等 30 秒。第三次放它过去：只扣一次款。',
    },
  },
  'rocketmq-orderly-max-reconsume': {
    title: { en: 'Orderly, maxReconsumeTimes 3', 'zh-cn': '顺序消费，maxReconsumeTimes 设为 3' },
    lesson: {
      en: 'With maxReconsumeTimes set to 3 the poison message goes to %DLQ%billing after 3 local retries, and order #42 is charged.',
      'zh-cn': 'maxReconsumeTimes 设为 3 时，毒消息原地重试 3 次后进入 %DLQ%billing，订单 #42 得以扣款。',
    },
    notes: {
      en:
        'Same queue with maxReconsumeTimes 3. Press Play: after three local retries #13 goes to %DLQ%billing, ' +
        'q0 moves on, and #42 is charged once. Ask what it costs: #13 is now out of order when someone replays the DLQ.',
      'zh-cn':
        '同一个队列，maxReconsumeTimes 设为 3。点“播放”：本地重试 3 次后 #13 进入 %DLQ%billing，' +
        'q0 继续往下走，#42 扣款一次。问学生代价是什么：之后重放死信时，#13 已经脱离了原来的顺序。',
    },
  },
  'rocketmq-clustering': {
    title: { en: 'Clustering mode (the default)', 'zh-cn': '集群消费（默认）' },
    lesson: { en: 'In CLUSTERING mode each message goes to one consumer of the group.', 'zh-cn': '集群模式下，每条消息只交给组内一个消费者。' },
    notes: {
      en:
        'The same run in CLUSTERING mode, the default. Press Play: only one consumer receives #42, one charge. ' +
        'Remind the class this is just the happy path: clustering divides the work, it deduplicates nothing.',
      'zh-cn':
        '同样的场景换成集群消费，也就是默认模式。点“播放”：只有一个消费者收到 #42，扣一次款。提醒学生这只是一切顺利的情况：集群消费只是分摊工作，并不去重。',
    },
  },
};
