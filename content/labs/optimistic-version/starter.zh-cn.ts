// 读出订单行和它的版本号，只在版本号仍是刚才读到的那个时才写入“PAID，version + 1”：
// 教科书式的乐观锁。UPDATE 本身没错，错在代码怎么对待它的返回值。点“检查所有执行顺序”。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  const row = ctx.db.select('orders', order);
  if (!row || row.status === 'PAID') return;
  const version = row.version ?? 0;
  ctx.db.transaction((tx) => {
    tx.effects.addToBalance(order, amount);
    tx.update('orders', order, { status: 'PAID', version: version + 1 }, { version });
  });
}
