// Read the row and its version, then write "PAID, version + 1" only where the version is still the
// one we read: the textbook optimistic lock. The update is right; what the code does with its
// result is not. Press Check.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  const row = ctx.db.select('orders', order);
  if (!row || row.status === 'PAID') return;
  const version = row.version ?? 0;
  ctx.db.transaction((tx) => {
    tx.effects.addToBalance(order, amount);
    tx.update('orders', order, { status: 'PAID', version: version + 1 }, { version });
  });
}
