// The number of rows the versioned UPDATE changed is the answer to "did I win?". Update first, and
// charge in the same transaction only when it changed the row. A loser (0 rows: someone else wrote
// a newer version) reads the row again: it is PAID now, so the copy is acked without a charge.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const row = ctx.db.select('orders', order);
    if (!row || row.status === 'PAID') return;
    const version = row.version ?? 0;
    const won = ctx.db.transaction((tx) => {
      if (tx.update('orders', order, { status: 'PAID', version: version + 1 }, { version }) === 0) return false;
      tx.effects.addToBalance(order, amount);
      return true;
    });
    if (won) return;
  }
  throw new Error(`order ${order} kept changing under us`);
}
