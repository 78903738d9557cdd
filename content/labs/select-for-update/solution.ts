// SELECT … FOR UPDATE locks the row. The second copy's read waits until the first transaction ends,
// then returns the row as that transaction left it: PAID, so nothing is charged. A crash before the
// COMMIT releases the lock with nothing written, and the redelivered copy finds it UNPAID.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    const row = tx.selectForUpdate('orders', order);
    if (!row || row.status === 'PAID') return;
    tx.effects.addToBalance(order, amount);
    tx.update('orders', order, { status: 'PAID' });
  });
}
