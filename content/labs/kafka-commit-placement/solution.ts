// The offset commit can always come too late, so make re-reading harmless: record the order in the
// inbox (unique key) in the same transaction as the charge. Whoever owns the partition next, and
// whenever, the second attempt hits the unique key and changes nothing.
export function handle(msg: KafkaRecord, ctx: HandlerContext): void {
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
