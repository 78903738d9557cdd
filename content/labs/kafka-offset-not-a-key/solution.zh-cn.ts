// 按消息讲的是哪一笔业务去重，而不是按它在日志里的位置：用订单号（这里它也是记录的 key）。
// 被重读的记录和被重发的记录都带着订单 #42，同一个键第二次插入会失败，
// 所以不管哪份副本先到，这个订单都只扣一次款。
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
