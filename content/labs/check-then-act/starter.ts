// Looks safe: check whether the order was processed, then record it and charge in one transaction.
// But the check and the transaction are separate statements, and the "processed" table has no
// unique key. Press Check to see the schedule that charges twice.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  if (ctx.db.exists('processed', order)) return;
  ctx.db.transaction((tx) => {
    tx.insert('processed', order);
    tx.effects.addToBalance(order, amount);
  });
}
