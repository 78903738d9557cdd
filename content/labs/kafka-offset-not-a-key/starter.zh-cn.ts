// `topic-partition-offset` 能唯一标识一条记录，那就拿它当消费记录表的键，和扣款放进同一个事务：
// 同一条记录被读两次（再均衡之后，或提交前崩溃），第二次会撞上唯一键。
// 可它标识不了订单。点“检查所有执行顺序”试试。
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
