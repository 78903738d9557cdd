// 带版本号的 UPDATE 改了几行，就回答了“我赢了没有”。先更新，确实改到这一行时才在同一个事务里
// 扣款。输的一方（0 行：别人已经写入了更新的版本）重新读这一行：它已经是 PAID，
// 于是这份副本不扣款，直接 ack。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const row = ctx.db.select('orders', order);
    if (!row || row.status === 'PAID') return;
    const version = row.version ?? 0;
    const won = ctx.db.transaction((tx) => {
      if (tx.update('orders', order, { status: 'PAID', version: version + 1 }, { version }) === 0) return false;
      tx.effects.addToBalance(order, amount);
      return true;
    });
    if (won) return;
  }
  throw new Error(`order ${order} kept changing under us`);
}
