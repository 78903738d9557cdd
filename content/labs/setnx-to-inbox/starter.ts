// The popular answer: claim the message in Redis with SET NX, then charge.
// A crash between the two leaves the key behind, and the redelivery is skipped: the order is never
// charged. And the key expires after 10 s, so a redelivery that comes later charges twice.
export function handle(msg: QueueMessage, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  const claimed = ctx.cache.set(`done:${order}`, '1', { nx: true, px: 10_000 });
  if (!claimed) return;
  ctx.effects.addToBalance(order, amount);
}
