// 把“已处理”的记录放在扣款所在的地方：一个数据库事务同时写入消费记录表的一行（唯一键）和扣款。
// 提交前崩溃，两样都不留下；提交后的重投撞上唯一键。这里也没有 TTL，记录不会比重投先过期。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
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
