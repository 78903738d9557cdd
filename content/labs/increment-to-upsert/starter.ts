// balance += amount: every run of the handler adds ¥100 again.
export function handle(msg: HandlerMessage, ctx: HandlerContext): void {
  ctx.effects.addToBalance(msg.key, msg.amount);
}
