// balance += amount: every run of the handler charges the order again.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  ctx.effects.addToBalance(msg.body.order, msg.body.amount);
}
