// 提交位点总有可能晚一步，那就让重读变得无害：在扣款的同一个事务里，把订单写进消费记录表
// （带唯一键）。之后不管分区落到谁手里、什么时候再读，第二次尝试都会撞上唯一键，什么也不改变。
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
