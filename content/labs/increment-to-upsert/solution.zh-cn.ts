// 不往余额上累加，改为按订单写一条支付记录：以订单为键的 INSERT … ON CONFLICT DO NOTHING
// 是幂等的。重投的消息、生产者重发的副本、并发的副本，都不会再改变任何东西
// （并发的那条 INSERT 会等第一条提交，然后什么也不做）。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  ctx.effects.recordPayment(msg.body.order, msg.body.amount);
}
