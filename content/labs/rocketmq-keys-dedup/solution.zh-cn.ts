// 消费记录表改用生产者放进 `keys` 的业务键：同一个订单就是同一行，
// 不管它带着哪个 msgId 到达、被重试或被重复消费多少次。
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
