// Dedupe on the order, not on the delivery: the application re-sent order #42 under a new
// message-id, so only the business key recognises it. The inbox row and the charge commit in one
// transaction; the ack goes out only after the commit.
export function handle(msg: RabbitMessage, ctx: HandlerContext): void {
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
