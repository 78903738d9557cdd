import type { Text } from '../../engine/protocol';

/** Log sentences of JetStream's own events (placeholders are filled in by the widget). */
export const jetstreamText: Record<string, Text> = {
  'jetstream.stored': {
    en: 'The stream stored {msg} at seq {seq} and remembers its Nats-Msg-Id for the duplicate window.',
    'zh-cn': '流把 {msg} 存为 seq {seq}，并在去重窗口内记住它的 Nats-Msg-Id。',
  },
  'jetstream.storedAgain': {
    en: 'The stream no longer remembers this Nats-Msg-Id: it stored {msg} again at seq {seq} (copy {copy}).',
    'zh-cn': '流已经不记得这个 Nats-Msg-Id：又把 {msg} 存了一遍，seq {seq}（第 {copy} 份）。',
  },
  'jetstream.duplicate': {
    en: 'Same Nats-Msg-Id as seq {seq}, inside the {window} s duplicate window: the stream answers duplicate=true and stores nothing.',
    'zh-cn': 'Nats-Msg-Id 与 seq {seq} 相同，还在 {window} 秒的去重窗口内：流回复 duplicate=true，不再存储。',
  },
  'jetstream.pubAck': { en: 'The producer received the PubAck for {msg}.', 'zh-cn': '生产者收到 {msg} 的 PubAck。' },
  'jetstream.pubAck.duplicate': {
    en: 'The producer received a PubAck for {msg} marked duplicate: already stored.',
    'zh-cn': '生产者收到 {msg} 的 PubAck，标记 duplicate：之前已经存过。',
  },
  'jetstream.republished': {
    en: 'No PubAck in time: the producer publishes {msg} again with the same Nats-Msg-Id.',
    'zh-cn': '超时没等到 PubAck：生产者用同一个 Nats-Msg-Id 再发一次 {msg}。',
  },
  'jetstream.window.expired': {
    en: 'The duplicate window ({window} s) for {msg} has passed: the stream forgets its Nats-Msg-Id.',
    'zh-cn': '{msg} 的去重窗口（{window} 秒）已过：流忘掉了它的 Nats-Msg-Id。',
  },
  'jetstream.delivered': { en: '{actor} pulled {msg} (seq {seq}).', 'zh-cn': '{actor} 拉取到 {msg}（seq {seq}）。' },
  'jetstream.redelivered': {
    en: '{actor} pulled {msg} again: num_delivered {count}, redelivered.',
    'zh-cn': '{actor} 再次拉取到 {msg}：num_delivered 为 {count}，属于重投。',
  },
  'jetstream.delivery.discarded': {
    en: 'The server answered a pull request {actor} made before it crashed; nobody is there, so the delivery waits out ack_wait.',
    'zh-cn': '服务端回应了 {actor} 崩溃前发出的拉取请求；那边已经没人了，这次投递只能等 ack_wait 过期。',
  },
  'jetstream.ack.sent': {
    en: '{actor} acks {msg} (fire and forget) and pulls the next message.',
    'zh-cn': '{actor} 对 {msg} 发出 ack（发出即不管），接着拉下一条。',
  },
  'jetstream.ackSync.sent': {
    en: '{actor} acks {msg} with AckSync and waits for the server’s reply.',
    'zh-cn': '{actor} 用 AckSync 确认 {msg}，等服务端回执。',
  },
  'jetstream.ackSync.retry': {
    en: 'No reply to the AckSync within {after} s: {actor} acks {msg} again.',
    'zh-cn': '{after} 秒内没收到 AckSync 回执：{actor} 再 ack 一次 {msg}。',
  },
  'jetstream.ackSync.confirmed': {
    en: 'The server confirmed {actor}’s ack for {msg}; it pulls the next message.',
    'zh-cn': '服务端确认收到了 {actor} 对 {msg} 的 ack；它接着拉下一条。',
  },
  'jetstream.ack.received': {
    en: 'The server received the ack from {from}: {msg} is done for consumer billing.',
    'zh-cn': '服务端收到 {from} 的 ack：{msg} 对消费者 billing 来说已完成。',
  },
  'jetstream.ack.already': {
    en: 'The ack from {from} for {msg} changes nothing: it was already acked.',
    'zh-cn': '{from} 对 {msg} 的 ack 不起作用：它已经被确认过。',
  },
  'jetstream.nak.sent': { en: '{actor} answers {msg} with nak: redeliver now.', 'zh-cn': '{actor} 对 {msg} 回 nak：马上重投。' },
  'jetstream.nak.delay': { en: '{actor} answers {msg} with nak and a {delay} s delay.', 'zh-cn': '{actor} 对 {msg} 回 nak，延迟 {delay} 秒后重投。' },
  'jetstream.nak.due': { en: 'The nak delay for {msg} has passed: the server redelivers it.', 'zh-cn': '{msg} 的 nak 延迟到了：服务端重新投递。' },
  'jetstream.term.sent': { en: '{actor} answers {msg} with term: never redeliver it.', 'zh-cn': '{actor} 对 {msg} 回 term：不要再投递。' },
  'jetstream.terminated': {
    en: 'The server stops delivering {msg} and publishes a MSG_TERMINATED advisory; an advisory listener parks it in a dead-letter stream.',
    'zh-cn': '服务端不再投递 {msg}，并发布 MSG_TERMINATED advisory；监听 advisory 的程序把它存进死信流。',
  },
  'jetstream.maxDeliver': {
    en: '{msg} was delivered max_deliver ({max}) times without an ack: the server stops trying and only publishes a MAX_DELIVERIES advisory.',
    'zh-cn': '{msg} 已投递 max_deliver（{max}）次仍未 ack：服务端不再投递，只发布一条 MAX_DELIVERIES advisory。',
  },
  'jetstream.ackWait': {
    en: 'No ack for {msg} within ack_wait ({wait} s): the server will redeliver it.',
    'zh-cn': '{msg} 在 ack_wait（{wait} 秒）内没有 ack：服务端会重新投递。',
  },
  'jetstream.fault.exceedAckWait': {
    en: '{consumer} is still working on {msg} when ack_wait ({wait} s) runs out: the server will redeliver it to whoever pulls next.',
    'zh-cn': '{consumer} 还在处理 {msg}，ack_wait（{wait} 秒）就到了：服务端会把它重投给下一个来拉取的消费者。',
  },
  'jetstream.fault.failDownstream': {
    en: '{actor}’s handler fails before the charge (a downstream call errors out).',
    'zh-cn': '{actor} 的处理在扣款前失败（下游调用报错）。',
  },
  'jetstream.fault.loseAck': { en: 'The network lost the ack from {from}.', 'zh-cn': '网络丢掉了 {from} 的 ack。' },
  'jetstream.fault.loseConfirm': { en: 'The network lost the PubAck for {msg}.', 'zh-cn': '网络丢掉了 {msg} 的 PubAck。' },
  'jetstream.fault.crashConsumerBeforeEffect': {
    en: '{actor} crashed before charging {msg}. The server does not notice: {msg} stays pending until ack_wait.',
    'zh-cn': '{actor} 在给 {msg} 扣款前崩溃。服务端察觉不到：{msg} 一直挂着，直到 ack_wait 过期。',
  },
  'jetstream.fault.crashConsumerAfterEffect': {
    en: '{actor} crashed after charging {msg}, before the ack. {msg} stays pending until ack_wait.',
    'zh-cn': '{actor} 给 {msg} 扣完款、还没 ack 就崩溃了。{msg} 一直挂着，直到 ack_wait 过期。',
  },
  // Why a duplicate or a loss happened, by the explain key of the event that caused it.
  'cause:jetstream.storedAgain': {
    en: 'the retry came after the duplicate window, so the stream stored it as a new message.',
    'zh-cn': '重试在去重窗口过后才到，流把它当成了新消息。',
  },
  'cause:jetstream.ackWait': {
    en: 'no ack reached the server within ack_wait, so it redelivered the message.',
    'zh-cn': 'ack_wait 内服务端没收到 ack，于是重新投递。',
  },
  'cause:jetstream.fault.exceedAckWait': {
    en: 'ack_wait ran out while the first consumer was still working, and the other consumer pulled the redelivery.',
    'zh-cn': '第一个消费者还在处理时 ack_wait 就到了，另一个消费者拉走了重投的消息。',
  },
  'cause:jetstream.maxDeliver': {
    en: 'it reached max_deliver: the server stopped delivering it and only published an advisory.',
    'zh-cn': '达到了 max_deliver：服务端不再投递，只发了一条 advisory。',
  },
  'cause:jetstream.nak.due': {
    en: 'its handler can never succeed, and nak only schedules the next attempt: it is still being redelivered when the run stops.',
    'zh-cn': '它的处理永远不会成功，nak 只是安排下一次重试：直到演示结束它还在被反复重投。',
  },
  // Steps whose actors report nothing of their own (engine/quiet.ts), and this broker's words for its states.
  'step.received.ready': { en: 'The server received {from}’s pull request for one message.', 'zh-cn': '服务端收到 {from} 的拉取请求（一次一条）。' },
  'step.received.nack': {
    en: 'The server received {from}’s nak for {msg}: it will deliver the message again.',
    'zh-cn': '服务端收到 {from} 对 {msg} 的 nak：这条消息会被重新投递。',
  },
  'state:awaitingConfirm': { en: 'Waiting for the PubAck', 'zh-cn': '等待 PubAck' },
};
