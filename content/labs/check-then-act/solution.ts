// Let the database decide: insert into a table with a unique key inside the same transaction as the
// charge. Of two concurrent deliveries exactly one transaction commits; the other hits the unique key,
// rolls back, and the consumer acks it as already done.
export function handle(msg: HandlerMessage, ctx: HandlerContext): void {
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', msg.key);
      tx.effects.addToBalance(msg.key, msg.amount);
    });
  } catch (error) {
    if (ctx.db.isUniqueViolation(error)) return; // already processed: just ack
    throw error;
  }
}
