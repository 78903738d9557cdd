import type { ScenarioText } from '../../engine/scenario';

/** Titles, lessons and speaker notes of the rocketmq scenarios, by id: server-rendered, so islands never ship them. */
export const rocketScenarioText: Record<string, ScenarioText> = {
  'rocketmq-offset-not-persisted': {
    title: { en: 'Crash before the offset is persisted', 'zh-cn': '消费位点上报前崩溃' },
    lesson: {
    en: 'The consume offset reaches the broker only every 5 s; after a crash the restarted consumer starts from the broker’s offset and consumes the message again.',
    'zh-cn': '消费位点每 5 秒才上报 Broker 一次；崩溃重启后，消费者从 Broker 上的位点开始，又消费了一遍。',
  },
  },
  'rocketmq-rebalance': {
    title: { en: 'Rebalance while consuming', 'zh-cn': '消费过程中发生 Rebalance' },
    lesson: {
    en: 'A second consumer joins while the first is consuming order #42 on q1: q1 moves to consumer 2 at the persisted offset, and both consume it.',
    'zh-cn': '消费者 1 正在消费 q1 上的订单 #42 时，消费者 2 加入：q1 按已上报的位点交给消费者 2，两边都消费了它。',
  },
  },
  'rocketmq-send-retry-msgid': {
    title: { en: 'Application re-send, dedup by msgId', 'zh-cn': '应用重发，按 msgId 去重' },
    lesson: {
    en: 'The re-sent message has the same keys but a new msgId, so a dedup table keyed on msgId lets it through.',
    'zh-cn': '重发的消息 keys 相同、msgId 不同，按 msgId 建的去重表拦不住它。',
  },
  },
  'rocketmq-orderly-poison': {
    title: { en: 'Orderly consumption, poison message', 'zh-cn': '顺序消费遇到毒消息' },
    lesson: {
    en: 'In orderly mode a failing message is retried in place forever (maxReconsumeTimes -1): order #42 behind it on the same queue never runs.',
    'zh-cn': '顺序消费时，失败的消息原地无限重试（maxReconsumeTimes 为 -1）：同一队列后面的订单 #42 一直轮不到。',
  },
  },
  'rocketmq-broadcasting': {
    title: { en: 'Broadcasting mode, shared database', 'zh-cn': '广播消费，共用一个数据库' },
    lesson: {
    en: 'In BROADCASTING mode every consumer of the group gets every message: two consumers writing to one database charge twice.',
    'zh-cn': '广播模式下，组里每个消费者都会收到每条消息：两个消费者写同一个库，就扣了两次款。',
  },
  },
  'rocketmq-offset-not-persisted-keys': {
    title: { en: 'Crash before persisting, dedup by keys', 'zh-cn': '位点上报前崩溃，按 keys 去重' },
    lesson: { en: 'The second consumption finds the business key in the inbox and charges nothing.', 'zh-cn': '第二次消费在消费记录表里找到了业务键，没有扣款。' },
  },
  'rocketmq-rebalance-keys': {
    title: { en: 'Rebalance, dedup by keys', 'zh-cn': 'Rebalance，按 keys 去重' },
    lesson: { en: 'Both consumers run the listener; only one inbox insert commits.', 'zh-cn': '两个消费者都执行了监听器，只有一个消费记录插入能提交。' },
  },
  'rocketmq-send-retry-keys': {
    title: { en: 'Application re-send, dedup by keys', 'zh-cn': '应用重发，按 keys 去重' },
    lesson: { en: 'Keyed on the business key (`keys`), the second message is recognised whatever its msgId.', 'zh-cn': '按业务键（keys）去重，不管 msgId 是什么，第二条都能认出来。' },
  },
  'rocketmq-retry-then-dlq': {
    title: { en: '16 retries, then %DLQ%', 'zh-cn': '重试 16 次后进入 %DLQ%' },
    lesson: {
      en: 'A poison message is retried 16 times with growing delays (10 s … 2 h, about 4 h 46 min in all), then parked in %DLQ%billing.',
      'zh-cn': '毒消息按递增的间隔（10 秒 … 2 小时，合计约 4 小时 46 分）重试 16 次，然后停在 %DLQ%billing。',
    },
  },
  'rocketmq-retry-transient': {
    title: { en: 'Two failures, then success', 'zh-cn': '失败两次后成功' },
    lesson: { en: 'RECONSUME_LATER twice: retried after 10 s and 30 s, then charged once.', 'zh-cn': '两次 RECONSUME_LATER：10 秒、30 秒后重试，最后只扣一次款。' },
  },
  'rocketmq-orderly-max-reconsume': {
    title: { en: 'Orderly, maxReconsumeTimes 3', 'zh-cn': '顺序消费，maxReconsumeTimes 设为 3' },
    lesson: {
      en: 'With maxReconsumeTimes set to 3 the poison message goes to %DLQ%billing after 3 local retries, and order #42 is charged.',
      'zh-cn': 'maxReconsumeTimes 设为 3 时，毒消息原地重试 3 次后进入 %DLQ%billing，订单 #42 得以扣款。',
    },
  },
  'rocketmq-clustering': {
    title: { en: 'Clustering mode (the default)', 'zh-cn': '集群消费（默认）' },
    lesson: { en: 'In CLUSTERING mode each message goes to one consumer of the group.', 'zh-cn': '集群模式下，每条消息只交给组内一个消费者。' },
  },
};
