// 按订单去重，而不是按这次投递：应用用新的 message-id 重发了订单 #42，只有业务键认得出它。
// 消费记录表的那一行和扣款在同一个事务里提交；提交之后才发 ack。
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
