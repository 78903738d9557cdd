import type { Text } from '../../engine/protocol';

/** Log sentences of Pulsar's own events (placeholders are filled in by the widget), its causes and its state names. */
export const pulsarText: Record<string, Text> = {
  // The producer and the broker's deduplication.
  'pulsar.producer.registered': {
    en: 'The broker received CommandProducer for producer {name}.',
    'zh-cn': 'Broker 收到生产者 {name} 的 CommandProducer。',
  },
  'pulsar.producer.connected': {
    en: 'The producer is connected as {name}; the broker has no sequence id for this name.',
    'zh-cn': '生产者以 {name} 连上；Broker 没有这个名字的 sequence id 记录。',
  },
  'pulsar.producer.connectedKnown': {
    en: 'The producer is connected as {name}; the broker’s last sequence id for this name is {last}, and the client numbers on from it.',
    'zh-cn': '生产者以 {name} 连上；Broker 记得这个名字最后的 sequence id 是 {last}，客户端从它往后编号。',
  },
  'pulsar.sent': { en: 'The producer sends {msg} with sequenceId {seq}.', 'zh-cn': '生产者发送 {msg}，sequenceId 为 {seq}。' },
  'pulsar.resent': {
    en: 'The client resends the pending {msg} on the new connection, same sequenceId {seq}.',
    'zh-cn': '客户端在新连接上重发还没确认的 {msg}，sequenceId 不变，仍是 {seq}。',
  },
  'pulsar.replayed': {
    en: 'The restarted application sends its unconfirmed outbox row {msg} again as a new message: producer {name}, sequenceId {seq}.',
    'zh-cn': '重启后的应用把事务发件箱里还没确认的 {msg} 当作新消息再发一次：生产者 {name}，sequenceId {seq}。',
  },
  'pulsar.stored': {
    en: 'The broker stored {msg} at entry {entry} (producer {name}, sequenceId {seq}).',
    'zh-cn': 'Broker 把 {msg} 存为 entry {entry}（生产者 {name}，sequenceId {seq}）。',
  },
  'pulsar.storedAgain': {
    en: 'The broker did not recognise the send as a duplicate and stored {msg} again at entry {entry} (copy {copy}; producer {name}, sequenceId {seq}).',
    'zh-cn': 'Broker 没认出这是重复发送，又把 {msg} 存了一遍，entry {entry}（第 {copy} 份；生产者 {name}，sequenceId {seq}）。',
  },
  'pulsar.duplicate': {
    en: 'Deduplication: sequenceId {seq} is not above {highest}, the highest stored for {name}. The broker answers success with id -1:-1 and stores nothing.',
    'zh-cn': '去重：sequenceId {seq} 不大于 {name} 已存的最大值 {highest}。Broker 照样回复成功，消息 id 为 -1:-1，不再存储。',
  },
  'pulsar.receipt': { en: 'The producer received the send receipt for {msg} (entry {entry}).', 'zh-cn': '生产者收到 {msg} 的发送回执（entry {entry}）。' },
  'pulsar.receipt.duplicate': {
    en: 'The producer received a receipt for {msg} with message id -1:-1: a duplicate the broker dropped.',
    'zh-cn': '生产者收到 {msg} 的回执，消息 id 为 -1:-1：这是 Broker 丢弃的重复消息。',
  },
  'pulsar.producer.restarted': {
    en: 'The producer process is back and connects as {name}.',
    'zh-cn': '生产者进程重启完成，以 {name} 的名字连接。',
  },
  // The subscription.
  'pulsar.subscribed': {
    en: '{consumer} subscribed to billing ({type}).',
    'zh-cn': '{consumer} 订阅了 billing（{type}）。',
  },
  'pulsar.delivered': {
    en: 'The broker dispatched {msg} (entry {entry}) to {actor}.',
    'zh-cn': 'Broker 把 {msg}（entry {entry}）推给了 {actor}。',
  },
  'pulsar.redelivered': {
    en: '{actor} received {msg} again: dispatch number {count}, but the redeliveryCount it sees is {redeliveryCount}.',
    'zh-cn': '{actor} 又收到了 {msg}：这是第 {count} 次投递，可它看到的 redeliveryCount 是 {redeliveryCount}。',
  },
  'pulsar.discarded': {
    en: 'The broker dispatched {msg} to a connection of {actor} that is gone; nobody receives it.',
    'zh-cn': 'Broker 把 {msg} 推给了 {actor} 已经断开的连接，没人收到。',
  },
  'pulsar.droppedAcked': {
    en: '{actor} received {msg} again while its ack still waits in the client: the client drops the copy, and the ack will settle it.',
    'zh-cn': '{actor} 又收到 {msg}，可它的 ack 还攒在客户端里没发：客户端直接丢掉这份，等 ack 发出去就了结了。',
  },
  'pulsar.ack.buffered': {
    en: '{actor} calls acknowledge() for {msg}; it returns at once, and the ack waits in the client for the next flush ({group}).',
    'zh-cn': '{actor} 对 {msg} 调用 acknowledge()，立即返回；ack 留在客户端里，等下一次批量发送（{group}）。',
  },
  'pulsar.ack.sent': {
    en: '{actor} calls acknowledge() for {msg}; with acknowledgmentGroupTime 0 the ack leaves at once.',
    'zh-cn': '{actor} 对 {msg} 调用 acknowledge()；acknowledgmentGroupTime 为 0，ack 立即发出。',
  },
  'pulsar.ack.flushed': {
    en: '{actor}’s grouping tracker sends its acks to the broker (entry {entries}).',
    'zh-cn': '{actor} 的 ack 分组器把攒下的 ack 发给 Broker（entry {entries}）。',
  },
  'pulsar.ack.received': {
    en: 'The broker received the ack from {from} (entry {entries}): done for subscription billing.',
    'zh-cn': 'Broker 收到 {from} 的 ack（entry {entries}）：对订阅 billing 来说已完成。',
  },
  'pulsar.ack.already': {
    en: 'The ack from {from} (entry {entries}) changes nothing: already acked.',
    'zh-cn': '{from} 的 ack（entry {entries}）不起作用：早已确认过。',
  },
  'pulsar.nack': {
    en: '{actor} calls negativeAcknowledge() for {msg}: the client will ask for it again in {delay}.',
    'zh-cn': '{actor} 对 {msg} 调用 negativeAcknowledge()：客户端会在 {delay} 后请求重投。',
  },
  'pulsar.nack.due': {
    en: 'The negative-ack delay for {msg} is over: {actor} asks the broker to redeliver it (its redeliveryCount was {rc}).',
    'zh-cn': '{msg} 的 nack 延迟到了：{actor} 请求 Broker 重投（此前 redeliveryCount 为 {rc}）。',
  },
  'pulsar.ackTimeout': {
    en: 'No ack for {msg} within ackTimeout ({after}): {actor} asks the broker to redeliver it.',
    'zh-cn': '{msg} 在 ackTimeout（{after}）内没被确认：{actor} 请求 Broker 重投。',
  },
  'pulsar.redeliver.received': {
    en: 'The broker puts {msg} (entry {entry}) back for redelivery at {from}’s request; its redeliveryCount is now {redeliveryCount}.',
    'zh-cn': 'Broker 应 {from} 的请求把 {msg}（entry {entry}）放回待重投；它的 redeliveryCount 现在是 {redeliveryCount}。',
  },
  'pulsar.dlq.sent': {
    en: 'redeliveryCount {rc} has reached maxRedeliverCount {max}: instead of asking again, {actor} publishes {msg} to orders-billing-DLQ and acks it.',
    'zh-cn': 'redeliveryCount {rc} 已达到 maxRedeliverCount {max}：{actor} 不再请求重投，而是把 {msg} 发到 orders-billing-DLQ，并 ack 原消息。',
  },
  'pulsar.dlq.stored': {
    en: 'The broker stored {msg} on the dead-letter topic orders-billing-DLQ for a person to look at.',
    'zh-cn': 'Broker 把 {msg} 存进死信主题 orders-billing-DLQ，等人工处理。',
  },
  'pulsar.consumer.gone': {
    en: 'The broker saw {consumer}’s connection close: its unacked messages (entry {entries}) go to the other consumers, redeliveryCount unchanged.',
    'zh-cn': 'Broker 发现 {consumer} 的连接断了：它没 ack 的消息（entry {entries}）转给其他消费者，redeliveryCount 不变。',
  },
  'pulsar.consumer.goneEmpty': {
    en: 'The broker saw {consumer}’s connection close; it held no unacked message.',
    'zh-cn': 'Broker 发现 {consumer} 的连接断了；它手上没有未 ack 的消息。',
  },
  'pulsar.consumer.goneLast': {
    en: 'The broker saw {consumer}’s connection close, the last consumer: it forgets the redelivery counts and will start again from the first unacked entry.',
    'zh-cn': 'Broker 发现最后一个消费者 {consumer} 的连接断了：它清空 redeliveryCount，之后从第一条未确认的 entry 重新读。',
  },
  'pulsar.consumer.restarted': {
    en: '{actor} restarted and subscribes again on a new connection.',
    'zh-cn': '{actor} 重启完成，用新连接重新订阅。',
  },
  // Faults.
  'pulsar.fault.crashConsumerBeforeEffect': {
    en: '{actor} crashed before charging {msg}. The broker will see the connection close.',
    'zh-cn': '{actor} 在给 {msg} 扣款前崩溃。Broker 会发现连接断开。',
  },
  'pulsar.fault.crashConsumerAfterEffect': {
    en: '{actor} crashed after charging {msg}, before acknowledge().',
    'zh-cn': '{actor} 给 {msg} 扣完款、还没调用 acknowledge() 就崩溃了。',
  },
  'pulsar.fault.crashBeforeAckFlush': {
    en: '{actor} crashed after acknowledge() returned for {msg}: the ack (entry {entries}) never left the client.',
    'zh-cn': '{actor} 在 {msg} 的 acknowledge() 返回后崩溃：这个 ack（entry {entries}）根本没离开客户端。',
  },
  'pulsar.fault.failHandler': {
    en: 'A downstream call failed while {actor} handled {msg}, before the charge.',
    'zh-cn': '{actor} 处理 {msg} 时下游调用失败，还没扣款。',
  },
  'pulsar.fault.exceedAckTimeout': {
    en: '{actor} is still working on {msg} when ackTimeout ({after}) runs out: the client asks the broker to redeliver it anyway.',
    'zh-cn': '{actor} 还在处理 {msg}，ackTimeout（{after}）就到了：客户端照样请求 Broker 重投。',
  },
  'pulsar.fault.dropProducerConnection': {
    en: 'The producer’s connection dropped before the receipt for {msg} arrived.',
    'zh-cn': '{msg} 的回执还没到，生产者的连接就断了。',
  },
  'pulsar.fault.restartProducer': {
    en: 'The producer process ({name}) died before the receipt for {msg}; its connection is gone.',
    'zh-cn': '生产者进程（{name}）在收到 {msg} 的回执前挂了，连接也没了。',
  },
  // Why a duplicate or a loss happened, by the explain key of the event that caused it.
  'cause:pulsar.fault.crashConsumerAfterEffect': {
    en: 'the consumer crashed between the charge and the ack, and the broker gave its unacked message to the other consumer.',
    'zh-cn': '消费者在扣款和 ack 之间崩溃，Broker 把它没 ack 的消息交给了另一个消费者。',
  },
  'cause:pulsar.fault.crashBeforeAckFlush': {
    en: 'acknowledge() had returned, but the ack was still waiting in the client when it crashed, so the broker redelivered the message.',
    'zh-cn': 'acknowledge() 虽然返回了，但崩溃时 ack 还攒在客户端里没发出去，Broker 于是重新投递。',
  },
  'cause:pulsar.fault.exceedAckTimeout': {
    en: 'ackTimeout ran out while the handler was still running, and the broker dispatched the message again.',
    'zh-cn': '处理还没结束 ackTimeout 就到了，Broker 又投递了一次。',
  },
  'cause:pulsar.storedAgain': {
    en: 'the broker stored the producer’s second send as a new message (no deduplication, or a sequence id it had not seen for that name).',
    'zh-cn': 'Broker 把生产者的第二次发送当成了新消息（没开去重，或者这个名字下的 sequence id 它没见过）。',
  },
  'cause:pulsar.nack.due': {
    en:
      'its handler can never succeed, and a negative ack only schedules the next ' +
      'attempt: with no dead-letter policy it is still coming back when the run stops.',
    'zh-cn': '它的处理永远不会成功，nack 只是安排下一次重试：没设死信策略，直到演示结束它还在被反复重投。',
  },
  'state:connecting': { en: 'Connecting', 'zh-cn': '连接中' },
  // Its timers' names on the stage.
  'timer:ackFlush': { en: 'Ack grouping', 'zh-cn': 'ack 分组发送' },
  'timer:nack': { en: 'Negative-ack delay', 'zh-cn': 'nack 重投延迟' },
  'timer:ackTimeout': { en: 'Ack timeout', 'zh-cn': 'ack 超时' },
};
