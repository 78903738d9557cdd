// topic-partition-offset names a record uniquely, so use it as the inbox key, in the same
// transaction as the charge: a record read twice (after a rebalance or a crash before the commit)
// hits the unique key. What it does not name is the order. Press Check.
export function handle(msg: KafkaRecord, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  const id = `${msg.topic}-${msg.partition}-${msg.offset}`;
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', id);
      tx.effects.addToBalance(order, amount);
    });
  } catch (error) {
    if (!ctx.db.isUniqueViolation(error)) throw error;
  }
}
