// Let the database decide: insert into a table with a unique key inside the same transaction as the
// charge. Of two concurrent copies, the second insert waits for the first transaction; when it
// commits, the second gets a unique violation, rolls back, and the consumer acks it as already done.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', order);
      tx.effects.addToBalance(order, amount);
    });
  } catch (error) {
    if (ctx.db.isUniqueViolation(error)) return; // already processed: just ack
    throw error;
  }
}
