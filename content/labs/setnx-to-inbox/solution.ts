// Keep the "already processed" record where the charge is: one database transaction writes the inbox
// row (unique key) and the charge together. A crash before the commit leaves neither; a redelivery
// after the commit hits the unique key. No TTL to outlive.
export function handle(msg: HandlerMessage, ctx: HandlerContext): void {
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', msg.key);
      tx.effects.addToBalance(msg.key, msg.amount);
    });
  } catch (error) {
    if (!ctx.db.isUniqueViolation(error)) throw error;
  }
}
