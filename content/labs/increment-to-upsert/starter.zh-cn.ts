// balance += amount：处理函数每多执行一次，这个订单就被多扣一次款。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  ctx.effects.addToBalance(msg.body.order, msg.body.amount);
}
