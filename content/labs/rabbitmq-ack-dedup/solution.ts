// Dedupe on the message id the publisher set (the same on every republish), in the same transaction
// as the charge; the ack goes out only after the transaction committed.
export function handle(msg: HandlerMessage, ctx: HandlerContext): void {
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', msg.id);
      tx.effects.addToBalance(msg.key, msg.amount);
    });
  } catch (error) {
    if (!ctx.db.isUniqueViolation(error)) throw error;
  }
}
