// An inbox with a unique key, in the same transaction as the charge — keyed on RocketMQ's msgId.
// A message the application sent again has the same keys but a new msgId, so the inbox does not
// recognise it.
export function handle(msg: RocketMessage, ctx: HandlerContext): void {
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', msg.msgId);
      tx.effects.addToBalance(msg.body.order, msg.body.amount);
    });
  } catch (error) {
    if (!ctx.db.isUniqueViolation(error)) throw error;
  }
}
