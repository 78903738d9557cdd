// Keep the "already processed" record where the charge is: one database transaction writes the inbox
// row (unique key) and the charge together. A crash before the commit leaves neither; a redelivery
// after the commit hits the unique key. No TTL to outlive.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', order);
      tx.effects.addToBalance(order, amount);
    });
  } catch (error) {
    if (!ctx.db.isUniqueViolation(error)) throw error;
  }
}
