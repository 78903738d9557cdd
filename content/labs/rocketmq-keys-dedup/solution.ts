// Key the inbox on the business key the producer put in `keys` (msg.key): the same order is the same
// row, whatever msgId it arrives under, however often it is retried or re-consumed.
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
