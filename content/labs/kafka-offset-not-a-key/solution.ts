// Deduplicate on what the message is about, not on where it sits: the order id (here also the
// record key). A re-read record and a re-sent one both carry order #42, and the second insert of
// that key fails, so the order is charged once whichever copy comes first.
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
