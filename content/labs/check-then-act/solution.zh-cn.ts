// 让数据库来裁决：在扣款的同一个事务里，往带唯一键的消费记录表插入一行。两份副本并发时，
// 第二条 INSERT 要等第一个事务结束；第一个事务一提交，第二条就报唯一键冲突、整个事务回滚，
// 消费者把这份副本当作已处理，直接 ack。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', order);
      tx.effects.addToBalance(order, amount);
    });
  } catch (error) {
    if (ctx.db.isUniqueViolation(error)) return; // 已经处理过：直接 ack
    throw error;
  }
}
