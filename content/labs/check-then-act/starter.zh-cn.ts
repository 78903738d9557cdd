// 看上去很稳妥：先查这个订单处理过没有，没处理过就在一个事务里记下它并扣款。
// 可是“查”和这个事务是两条独立的语句，processed 表上也没有唯一键。
// 点“检查所有执行顺序”，看看哪种执行顺序会扣两次款。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  if (ctx.db.exists('processed', order)) return;
  ctx.db.transaction((tx) => {
    tx.insert('processed', order);
    tx.effects.addToBalance(order, amount);
  });
}
