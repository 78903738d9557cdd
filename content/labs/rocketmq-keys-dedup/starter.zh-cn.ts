// 带唯一键的消费记录表，和扣款在同一个事务里——可键用的是 RocketMQ 的 msgId。
// 应用重发的消息 keys 相同、msgId 却是新的，消费记录表认不出它。
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
