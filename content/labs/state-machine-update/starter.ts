// The conditional UPDATE is the right tool: of two copies, only one moves the order from UNPAID to
// PAID (the second waits for the first's row lock, then re-checks its WHERE and changes nothing).
// But here the update commits on its own, before the charge. Press Check to see what a crash in
// between does to the redelivered copy.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  const changed = ctx.db.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' });
  if (changed === 0) return; // already paid
  ctx.effects.addToBalance(order, amount);
}
