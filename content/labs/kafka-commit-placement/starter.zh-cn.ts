// 在内存里记下本消费者处理过哪些订单，扣款之后再提交位点（handle 返回后引擎调用 commitSync()）。
// 但这份记忆只属于一个进程：再均衡之后，另一个消费者从已提交的位点重新读到这条记录，
// 它的内存却是空的；提交之前崩溃，记下的一切也就全丢了。
export function handle(msg: KafkaRecord, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  if (ctx.memory.has(order)) return;
  ctx.effects.addToBalance(order, amount);
  ctx.memory.add(order);
}
