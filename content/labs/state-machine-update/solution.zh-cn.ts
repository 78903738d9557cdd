// 状态变更和扣款一起提交，要么都生效，要么都不生效。两份副本并发时，第二条 UPDATE 等第一个事务；
// 它提交后，PostgreSQL 在新的行版本上重新检查 WHERE，发现已是 PAID，一行也不更新，所以第二份副本
// 不扣款。COMMIT 之前崩溃则两者一起回滚，重投的副本看到的订单仍是 UNPAID。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    const changed = tx.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' });
    if (changed === 0) return; // 另一份副本已经付过款
    tx.effects.addToBalance(order, amount);
  });
}
