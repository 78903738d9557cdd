// Write the payment keyed by the order instead of adding to a balance: INSERT … ON CONFLICT DO
// NOTHING on the order's key is idempotent, so a redelivery, a republished copy or a concurrent
// copy changes nothing (a concurrent insert waits for the first and then does nothing).
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  ctx.effects.recordPayment(msg.body.order, msg.body.amount);
}
