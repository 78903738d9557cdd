// 流传最广的答案：先用 Redis 的 SET NX 占住这条消息，再扣款。
// 两步之间崩溃，键留了下来，重投的消息被跳过：这个订单永远扣不上款。
// 而且键 10 秒后过期，更晚到达的重投会再扣一次。
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  const claimed = ctx.cache.set(`done:${order}`, '1', { nx: true, px: 10_000 });
  if (!claimed) return;
  ctx.effects.addToBalance(order, amount);
}
