import type { Text } from '../../engine/protocol';

/** Log sentences of RocketMQ's own events (placeholders are filled in by the widget). */
export const rocketText: Record<string, Text> = {
  'rocketmq.stored': { en: 'The broker stored {msg} (msgId {id}) in {queue}.', 'zh-cn': 'Broker 把 {msg}（msgId {id}）存入 {queue}。' },
  'rocketmq.storedAgain': {
    en: 'The broker stored {msg} again under a new msgId {id}: same keys, a second message.',
    'zh-cn': 'Broker 又存了一份 {msg}，msgId 换成了 {id}：keys 相同，却是第二条消息。',
  },
  'rocketmq.sendResult': { en: 'The producer got SEND_OK for {msg}.', 'zh-cn': '生产者收到 {msg} 的 SEND_OK。' },
  'rocketmq.resend': {
    en: 'send() timed out after sendMsgTimeout: the application sends {msg} again as a new Message (attempt {attempt}).',
    'zh-cn': 'send() 超过 sendMsgTimeout 超时：应用把 {msg} 当成新 Message 再发一次（第 {attempt} 次）。',
  },
  'rocketmq.fault.loseSendResponse': { en: 'The send result for {msg} never reaches the producer.', 'zh-cn': '{msg} 的发送结果没有回到生产者。' },
  'rocketmq.joined': { en: '{actor} registers with group billing.', 'zh-cn': '{actor} 向消费者组 billing 注册。' },
  'rocketmq.left': {
    en: 'The broker lost {consumer}’s connection and removes it from group billing.',
    'zh-cn': 'Broker 发现 {consumer} 的连接断了，把它移出消费者组 billing。',
  },
  'rocketmq.allocated': { en: 'Rebalance: {actor} now consumes {queues}.', 'zh-cn': '再均衡：{actor} 现在负责 {queues}。' },
  'rocketmq.pulled': { en: '{actor} pulled {msg} from {where}.', 'zh-cn': '{actor} 从 {where} 拉到 {msg}。' },
  'rocketmq.pulledAgain': {
    en: '{actor} pulled {msg} from {where} again (consumed {count} times by the group).',
    'zh-cn': '{actor} 又从 {where} 拉到 {msg}（这个消费者组第 {count} 次消费它）。',
  },
  'rocketmq.consumed': {
    en: '{actor} returns CONSUME_SUCCESS for {msg}; its consume offset for {queue} moves to {offset}.',
    'zh-cn': '{actor} 对 {msg} 返回 CONSUME_SUCCESS，{queue} 的消费位点前进到 {offset}。',
  },
  'rocketmq.consumedDropped': {
    en: '{actor} finished {msg}, but its queue was reallocated meanwhile: the result is not counted.',
    'zh-cn': '{actor} 处理完了 {msg}，但这个队列已经被重新分配：这次结果不算数。',
  },
  'rocketmq.pullReceived': {
    en: 'The broker received {from}’s pull request for {queue} from offset {offset}.',
    'zh-cn': 'Broker 收到 {from} 对 {queue} 的拉取请求，从位点 {offset} 开始。',
  },
  'rocketmq.persisted': { en: '{actor} persists its consume offsets to the broker: {offsets}.', 'zh-cn': '{actor} 把消费位点上报 Broker：{offsets}。' },
  'rocketmq.offsetsStored': { en: 'The broker stores {consumer}’s consume offsets: {offsets}.', 'zh-cn': 'Broker 记下 {consumer} 上报的消费位点：{offsets}。' },
  'rocketmq.reconsumeLater': {
    en: '{actor} returns RECONSUME_LATER for {msg}: it goes back to the broker for %RETRY%billing.',
    'zh-cn': '{actor} 对 {msg} 返回 RECONSUME_LATER：消息交回 Broker，进入 %RETRY%billing。',
  },
  'rocketmq.suspended': {
    en: '{actor} failed {msg} in orderly mode: the queue is suspended for suspendCurrentQueueTimeMillis and the same message retried.',
    'zh-cn': '{actor} 顺序消费 {msg} 失败：队列暂停 suspendCurrentQueueTimeMillis，然后重试同一条。',
  },
  'rocketmq.retryScheduled': {
    en: '{msg} waits {delay} in the schedule topic before retry {retries}.',
    'zh-cn': '{msg} 在定时队列里等待 {delay}，然后进行第 {retries} 次重试。',
  },
  'rocketmq.retryDue': { en: 'Retry {retries} of {msg} is now in %RETRY%billing.', 'zh-cn': '{msg} 的第 {retries} 次重试进入 %RETRY%billing。' },
  'rocketmq.dlq': { en: '{msg} has used its retries: it goes to %DLQ%billing.', 'zh-cn': '{msg} 重试次数用完：进入死信队列 %DLQ%billing。' },
  'rocketmq.restarted': { en: '{actor} restarted; its in-memory offsets are gone.', 'zh-cn': '{actor} 重启了，内存里的消费位点全部丢失。' },
  'rocketmq.fault.crash': {
    en: '{actor} crashed before its consume offsets were persisted (the broker still has {offsets}).',
    'zh-cn': '{actor} 在消费位点上报前崩溃了（Broker 上还是 {offsets}）。',
  },
  'rocketmq.fault.join': { en: 'Consumer 2 starts and joins group billing.', 'zh-cn': '消费者 2 启动，加入消费者组 billing。' },
  'rocketmq.fault.fail': { en: '{actor}’s listener fails on {msg} before charging.', 'zh-cn': '{actor} 的监听器处理 {msg} 时在扣款前失败。' },
  // Why a duplicate or a loss happened, by the explain key of the event that caused it.
  'cause:rocketmq.fault.crash': {
    en: 'the consumer crashed before its consume offset was persisted, so the restarted consumer pulled the message again.',
    'zh-cn': '消费者在消费位点上报前崩溃，重启后又拉到了这条消息。',
  },
  'cause:rocketmq.fault.join': {
    en: 'a rebalance moved the queue to consumer 2 at the persisted offset while consumer 1 was still consuming it.',
    'zh-cn': '再均衡按已上报的位点把队列交给了消费者 2，而消费者 1 还在消费这条消息。',
  },
  'cause:rocketmq.fault.loseSendResponse': {
    en: 'the application re-sent it after a send timeout: same keys, new msgId, stored twice.',
    'zh-cn': '发送超时后应用重发了一次：keys 相同、msgId 不同，存了两份。',
  },
  'cause:rocketmq-broadcasting': {
    en: 'in BROADCASTING mode every consumer of the group receives every message.',
    'zh-cn': '广播模式下，组内每个消费者都会收到每条消息。',
  },
  'lost:rocketmq-orderly-poison': {
    en: 'the poison message ahead of it on the same queue is retried in place forever, so it never ran.',
    'zh-cn': '同一队列前面的毒消息一直在原地重试，它始终轮不到。',
  },
  // Steps whose actors report nothing of their own (engine/quiet.ts).
  'step.received.pulled': { en: '{to} got a pull result with nothing new in it.', 'zh-cn': '{to} 收到拉取结果，里面没有新消息。' },
  'step.timer.persist': {
    en: '{actor}’s persistConsumerOffsetInterval timer fired: it has no new consume offset to report to the broker.',
    'zh-cn': '{actor} 的 persistConsumerOffsetInterval 定时器到点：没有新的消费位点需要上报 Broker。',
  },
  'step.timer.suspend': {
    en: 'suspendCurrentQueueTimeMillis is over: {actor} resumes the queue and retries the same message in place.',
    'zh-cn': 'suspendCurrentQueueTimeMillis 到了：{actor} 恢复这个队列，原地重试同一条消息。',
  },
  'step.timer.start': { en: 'The producer starts and sends its first message.', 'zh-cn': '生产者启动，发出第一条消息。' },
};
