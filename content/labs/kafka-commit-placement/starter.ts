// Remember what this consumer has processed, and commit the offset after the charge (the engine
// calls commitSync() when handle returns). But the memory belongs to one process: after a rebalance
// the other consumer re-reads the record from the committed offset with an empty memory, and a
// crash before the commit forgets everything.
export function handle(msg: HandlerMessage, ctx: HandlerContext): void {
  if (ctx.memory.has(msg.key)) return;
  ctx.effects.addToBalance(msg.key, msg.amount);
  ctx.memory.add(msg.key);
}
