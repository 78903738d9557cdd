// 条件 UPDATE 是对的工具：两份副本里只有一份能把订单从 UNPAID 改成 PAID（第二份先等第一份的
// 行锁，再重新检查它的 WHERE，什么也不改）。但这里的 UPDATE 在扣款之前就单独提交了。
// 点“检查所有执行顺序”，看看两步之间崩溃会让重投的副本遇到什么。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  const changed = ctx.db.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' });
  if (changed === 0) return; // 已经付过款
  ctx.effects.addToBalance(order, amount);
}
