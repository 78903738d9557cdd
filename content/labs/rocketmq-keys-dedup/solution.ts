// Key the inbox on the business key the producer put in `keys`: the same order is the same row,
// whatever msgId it arrives under, however often it is retried or re-consumed.
export function handle(msg: RocketMessage, ctx: HandlerContext): void {
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', msg.keys);
      tx.effects.addToBalance(msg.body.order, msg.body.amount);
    });
  } catch (error) {
    if (!ctx.db.isUniqueViolation(error)) throw error;
  }
}
