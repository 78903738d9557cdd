// Looks safe: check whether the order was processed, then record it and charge in one transaction.
// But the check and the transaction are two separate steps, and the "processed" table has no
// unique key. Press Check to see the schedule that charges twice.
export function handle(msg: HandlerMessage, ctx: HandlerContext): void {
  if (ctx.db.exists('processed', msg.key)) return;
  ctx.db.transaction((tx) => {
    tx.insert('processed', msg.key);
    tx.effects.addToBalance(msg.key, msg.amount);
  });
}
