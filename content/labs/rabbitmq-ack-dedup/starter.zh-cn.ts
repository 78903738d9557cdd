// 凡是 RabbitMQ 说投递过的，一律跳过。可 redelivered=true 只表示“可能被看到过”：扣款前崩溃之后，
// 它会跳过一条从没处理过的消息。而生产者重新发布的副本是一条新消息，redelivered=false：又扣一次款。
export function handle(msg: RabbitMessage, ctx: HandlerContext): void {
  if (msg.redelivered) return;
  ctx.effects.addToBalance(msg.body.order, msg.body.amount);
}
