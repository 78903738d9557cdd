// An inbox with a unique key, in the same transaction as the charge — keyed on msg.id, RocketMQ's
// msgId. A re-sent message has the same keys but a new msgId, so the inbox does not recognise it.
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
