// SELECT … FOR UPDATE 会锁住这一行。第二份副本的读要等第一个事务结束，读到的是那个事务留下的样子：
// PAID，于是不扣款。COMMIT 之前崩溃，锁随之释放，什么都没写进去，重投的副本读到的仍是 UNPAID。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    const row = tx.selectForUpdate('orders', order);
    if (!row || row.status === 'PAID') return;
    tx.effects.addToBalance(order, amount);
    tx.update('orders', order, { status: 'PAID' });
  });
}
