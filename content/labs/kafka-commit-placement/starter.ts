// Remember what this consumer has processed, and commit the offset after the charge (the engine
// calls commitSync() when handle returns). But the memory belongs to one process: after a rebalance
// the other consumer re-reads the record from the committed offset with an empty memory, and a
// crash before the commit forgets everything.
export function handle(msg: KafkaRecord, ctx: HandlerContext): void {
  const { order, amount } = msg.body;
  if (ctx.memory.has(order)) return;
  ctx.effects.addToBalance(order, amount);
  ctx.memory.add(order);
}
