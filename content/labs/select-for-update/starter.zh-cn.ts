// 读状态、扣款、标记 PAID，全在一个事务里，两份副本总不可能都付款吧？
// 在 READ COMMITTED 下，普通的 SELECT 不加锁，只能看到它执行之前已经提交的数据。
// 点“检查所有执行顺序”，看两个事务都读到 UNPAID。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    const row = tx.select('orders', order);
    if (!row || row.status === 'PAID') return;
    tx.effects.addToBalance(order, amount);
    tx.update('orders', order, { status: 'PAID' });
  });
}
