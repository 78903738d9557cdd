// Read the status, charge, mark PAID: all in one transaction, so surely two copies cannot both pay?
// At READ COMMITTED a plain SELECT takes no lock and sees only what was committed before it ran.
// Press Check to see both transactions read UNPAID.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    const row = tx.select('orders', order);
    if (!row || row.status === 'PAID') return;
    tx.effects.addToBalance(order, amount);
    tx.update('orders', order, { status: 'PAID' });
  });
}
