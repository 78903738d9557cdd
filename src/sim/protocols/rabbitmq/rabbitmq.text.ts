import type { Text } from '../../engine/protocol';

/** Log sentences of RabbitMQ's own events (placeholders are filled in by the widget). */
export const rabbitText: Record<string, Text> = {
  'rabbitmq.ack.sent': { en: '{actor} sends basic.ack for {msg}.', 'zh-cn': '{actor} 对 {msg} 发送 basic.ack。' },
  'rabbitmq.nack.sent': { en: '{actor} sends basic.nack for {msg} with requeue=true.', 'zh-cn': '{actor} 对 {msg} 发送 basic.nack(requeue=true)。' },
  'rabbitmq.reject.sent': { en: '{actor} sends basic.reject for {msg} with requeue=false.', 'zh-cn': '{actor} 对 {msg} 发送 basic.reject(requeue=false)。' },
  'rabbitmq.rejected': {
    en: '{msg} was rejected without requeue, and the queue has no dead-letter exchange: RabbitMQ drops it.',
    'zh-cn': '{msg} 被拒绝且不重新入队，队列又没有死信交换机：RabbitMQ 直接把它丢弃。',
  },
  'rabbitmq.rejected.dlx': {
    en: '{msg} was rejected without requeue: dead-lettered to {dlx}, where a person can look at it.',
    'zh-cn': '{msg} 被拒绝且不重新入队：进入死信交换机 {dlx}，等人来处理。',
  },
  'rabbitmq.ack.refused': {
    en: 'The ack from {from} is refused: its channel was closed, and the delivery tag means nothing on a new one.',
    'zh-cn': '{from} 的 ack 被拒绝：它的 channel 已经关闭，delivery tag 在新 channel 上没有意义。',
  },
  'rabbitmq.redelivered.count': {
    en: '{actor} received {msg} again: redelivered=true, x-delivery-count {header}.',
    'zh-cn': '{actor} 再次收到 {msg}：redelivered=true，x-delivery-count 为 {header}。',
  },
  'rabbitmq.fault.failHandler': {
    en: '{actor}’s handler fails before the charge (a downstream call errors out).',
    'zh-cn': '{actor} 的处理在扣款前失败（下游调用报错）。',
  },
  'rabbitmq.fault.exceedConsumerTimeout': {
    en: '{msg} has been unacked for the whole consumer_timeout while {consumer} is still working: the broker closes its channel (PRECONDITION_FAILED).',
    'zh-cn': '{msg} 超过 consumer_timeout 仍未 ack，{consumer} 还在处理：Broker 以 PRECONDITION_FAILED 关闭它的 channel。',
  },
  'rabbitmq.consumerTimeout': {
    en: 'consumer_timeout passed for {msg}: the broker closes {consumer}’s channel.',
    'zh-cn': '{msg} 超过 consumer_timeout：Broker 关闭 {consumer} 的 channel。',
  },
  'rabbitmq.channel.closed': {
    en: '{actor}’s channel was closed by the broker; it will ack on it anyway, then open a new channel.',
    'zh-cn': '{actor} 的 channel 被 Broker 关闭；它手上的 ack 仍会发到旧 channel，随后再开一个新 channel。',
  },
  'rabbitmq.deliveryLimit': {
    en: '{msg} exceeded the queue’s delivery limit and was dropped.',
    'zh-cn': '{msg} 超过队列的投递次数上限，被丢弃。',
  },
  'rabbitmq.deliveryLimit.dlx': {
    en: '{msg} exceeded the queue’s delivery limit: dead-lettered to {dlx}, never charged.',
    'zh-cn': '{msg} 超过投递次数上限：进入死信交换机 {dlx}，没有扣款。',
  },
  'rabbitmq.expired': {
    en: '{msg} waited in the queue longer than x-message-ttl and was dropped.',
    'zh-cn': '{msg} 在队列里等待超过 x-message-ttl，被丢弃。',
  },
  'rabbitmq.expired.dlx': {
    en: '{msg} waited longer than x-message-ttl: dead-lettered to {dlx}.',
    'zh-cn': '{msg} 等待超过 x-message-ttl：进入死信交换机 {dlx}。',
  },
  // Why a duplicate or a loss happened, by the explain key of the event that caused it.
  'cause:rabbitmq.fault.exceedConsumerTimeout': {
    en: 'consumer_timeout closed the slow consumer’s channel and the message was redelivered to the other consumer while the first was still working.',
    'zh-cn': 'consumer_timeout 关闭了慢消费者的 channel，消息重投给了另一个消费者，而第一个还在处理。',
  },
  'cause:rabbitmq.expired': {
    en: 'it waited in the queue longer than x-message-ttl and was dropped.',
    'zh-cn': '它在队列里等待超过 x-message-ttl，被丢弃了。',
  },
  'cause:rabbitmq.expired.dlx': { en: 'it waited longer than x-message-ttl and was dead-lettered.', 'zh-cn': '它等待超过 x-message-ttl，进了死信交换机。' },
  'cause:rabbitmq.rejected': {
    en: 'it was rejected with requeue=false, and without a dead-letter exchange RabbitMQ dropped it: nobody will ever see it again.',
    'zh-cn': '它被 reject(requeue=false)，队列没有死信交换机，RabbitMQ 直接丢弃：再也没人能看到它。',
  },
  'cause:rabbitmq.deliveryLimit': { en: 'it failed more often than the delivery limit allows and was dropped.', 'zh-cn': '失败次数超过投递上限，被丢弃了。' },
  'cause:rabbitmq.deliveryLimit.dlx': {
    en: 'it failed more often than the delivery limit allows and went to the dead-letter exchange.',
    'zh-cn': '失败次数超过投递上限，进了死信交换机。',
  },
  // Steps whose actors report nothing of their own (engine/quiet.ts).
  'step.received.ready': {
    en: 'The broker registered {from}’s basic.consume on channel {channel}: it pushes deliveries to it, up to the prefetch.',
    'zh-cn': 'Broker 收到 {from} 在通道 {channel} 上的 basic.consume：之后向它推送消息，数量不超过 prefetch。',
  },
};
