// The status change and the charge commit together or not at all. Of two concurrent copies, the
// second UPDATE waits for the first transaction; once it commits, PostgreSQL re-checks the WHERE on
// the new row version, finds PAID, and updates nothing, so the second copy charges nothing. A crash
// before the COMMIT rolls both back, and the redelivered copy finds the order still UNPAID.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    const changed = tx.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' });
    if (changed === 0) return; // another copy already paid it
    tx.effects.addToBalance(order, amount);
  });
}
