// Write the payment keyed by the order instead of adding to a balance: an upsert by key is
// naturally idempotent, so a redelivery or a republished copy changes nothing.
export function handle(msg: HandlerMessage, ctx: HandlerContext): void {
  ctx.effects.recordPayment(msg.key, msg.amount);
}
