/**
 * An adversarial corpus: the answers people really give to "how do you avoid consuming a message
 * twice?" (the English and the Chinese interview canon), and correct alternatives. Each handler is
 * source text, graded exactly as a reader's code is (`gradeLab`). The expected verdict is declared
 * from what the handler does against each lab's world — every lab can crash a consumer between any
 * two statements, hand one message to two consumers at once, and has a re-send under a new id — and
 * never copied from a run. Handlers read only `msg.body` unless the point is a broker field, so one
 * source serves every broker.
 */
export interface CorpusEntry {
  id: string;
  /** The answer as people give it. */
  says: { en: string; 'zh-cn': string };
  source: string;
  /** Expected verdict per lab; `default` for labs not named. */
  expect: { default: 'passed' | 'failed' } & Record<string, 'passed' | 'failed'>;
  /** Why it fails (or why it holds), for the reader of the test. */
  why: string;
}

const wrong = { default: 'failed' } as const;
const right = { default: 'passed' } as const;

/** Charges inside one transaction with the inbox row keyed on `key` (an expression over msg and order); `isDuplicate` recognises the unique violation. */
const inboxTx = (key: string, onDuplicate = 'return;', isDuplicate = 'ctx.db.isUniqueViolation(e)') => `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', ${key});
      tx.effects.addToBalance(order, amount);
    });
  } catch (e) {
    if (${isDuplicate}) { ${onDuplicate} }
    throw e;
  }
}`;

export const corpus: CorpusEntry[] = [
  {
    id: 'no-dedup',
    says: { en: 'Just process it; duplicates are rare.', 'zh-cn': '直接处理，重复很少见。' },
    source: `export function handle(msg: any, ctx: HandlerContext) { ctx.effects.addToBalance(msg.body.order, msg.body.amount); }`,
    expect: wrong,
    why: 'every redelivery charges again',
  },
  {
    id: 'check-then-insert',
    says: { en: 'Check the table, then insert and charge.', 'zh-cn': '先查后插：查一下处理记录表，没有再插入并扣款。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.db.exists('processed', order)) return;
  ctx.db.insert('processed', order);
  ctx.effects.addToBalance(order, amount);
}`,
    expect: wrong,
    why: 'a crash between insert and charge loses the order; two copies both see "absent"',
  },
  {
    id: 'check-then-insert-in-tx',
    says: { en: 'Check and insert inside one transaction, so it is atomic.', 'zh-cn': '把先查后插放进同一个事务里，就是原子的了。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    if (tx.exists('processed', order)) return;
    tx.insert('processed', order);
    tx.effects.addToBalance(order, amount);
  });
}`,
    expect: wrong,
    why: 'READ COMMITTED: both SELECTs see nothing committed, both inserts succeed on a table without a unique key',
  },
  {
    id: 'select-for-update-missing-row',
    says: { en: 'Lock the dedup row with SELECT … FOR UPDATE, then insert.', 'zh-cn': '先 SELECT … FOR UPDATE 锁住去重记录，再插入。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    if (tx.selectForUpdate('processed', order)) return;
    tx.insert('processed', order);
    tx.effects.addToBalance(order, amount);
  });
}`,
    expect: wrong,
    why: 'FOR UPDATE on a row that does not exist locks nothing in PostgreSQL',
  },
  {
    id: 'redis-get-then-process',
    says: { en: 'Look the id up in Redis first; process and mark it if absent.', 'zh-cn': '先查 Redis，没有就处理，再写进 Redis。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.cache.get('done:' + order)) return;
  ctx.effects.addToBalance(order, amount);
  ctx.cache.set('done:' + order, '1');
}`,
    expect: wrong,
    why: 'two copies both miss the cache; a crash after the charge leaves no mark',
  },
  {
    id: 'setnx-claim-ttl',
    says: { en: 'SETNX the id with a TTL before processing (claim it).', 'zh-cn': 'SETNX 占坑（带过期时间），占到了再处理。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (!ctx.cache.set('done:' + order, '1', { nx: true, px: 10_000 })) return;
  ctx.effects.addToBalance(order, amount);
}`,
    expect: wrong,
    why: 'a crash after SETNX and before the charge: every redelivery is skipped, the order is never charged',
  },
  {
    id: 'setnx-claim-forever',
    says: { en: 'SETNX without expiry, so the mark never runs out.', 'zh-cn': 'SETNX 不设过期，占坑永不失效。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (!ctx.cache.set('done:' + order, '1', { nx: true })) return;
  ctx.effects.addToBalance(order, amount);
}`,
    expect: wrong,
    why: 'the same loss after a crash between the two, now for ever',
  },
  {
    id: 'charge-then-setnx',
    says: { en: 'Charge first, then record the id in Redis.', 'zh-cn': '先扣款，再把消息 ID 写进 Redis。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.cache.get('done:' + order)) return;
  ctx.effects.addToBalance(order, amount);
  ctx.cache.set('done:' + order, '1', { nx: true });
}`,
    expect: wrong,
    why: 'a crash between the charge and the SET charges again on redelivery',
  },
  {
    id: 'setnx-processing-then-done',
    says: {
      en: 'SETNX "processing" with a TTL; retry later if it is processing, skip if it is done; mark done after the charge.',
      'zh-cn': 'SETNX 占坑写“处理中”（带过期），处理中就稍后重试，已完成就跳过，扣款后改成“已完成”。',
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  const key = 'dedup:' + order;
  if (!ctx.cache.set(key, 'processing', { nx: true, px: 10_000 })) {
    if (ctx.cache.get(key) === 'done') return;
    throw new Error('still processing, retry later');
  }
  ctx.effects.addToBalance(order, amount);
  ctx.cache.set(key, 'done');
}`,
    expect: wrong,
    why: 'a crash after the charge leaves "processing" until it expires; then the redelivery charges again',
  },
  {
    id: 'distributed-lock-no-record',
    says: { en: 'Take a distributed lock on the order while processing.', 'zh-cn': '处理时加分布式锁（Redis 锁），处理完释放。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (!ctx.cache.set('lock:' + order, 'me', { nx: true, px: 30_000 })) return;
  ctx.effects.addToBalance(order, amount);
  ctx.cache.del('lock:' + order);
}`,
    expect: wrong,
    why: 'a lock serialises, it does not remember: after the lock is released a redelivery charges again',
  },
  {
    id: 'lock-then-inbox-skip-if-locked',
    says: { en: 'Lock, and skip the message if someone else holds the lock.', 'zh-cn': '加锁，拿不到锁就直接跳过这条消息。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (!ctx.cache.set('lock:' + order, 'me', { nx: true, px: 30_000 })) return;
  try {
    ctx.db.transaction((tx) => {
      tx.insert('inbox', order);
      tx.effects.addToBalance(order, amount);
    });
  } catch (e) {
    if (!ctx.db.isUniqueViolation(e)) throw e;
  }
  ctx.cache.del('lock:' + order);
}`,
    expect: wrong,
    why: 'a consumer that crashes holding the lock leaves it for 30 s: its redelivery is skipped and acked, the order is never charged',
  },
  {
    id: 'module-level-set',
    says: { en: 'Keep processed ids in a Set in memory.', 'zh-cn': '用内存里的 Set 记住处理过的 ID。' },
    source: `const seen = new Set<string>();
export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (seen.has(order)) return;
  ctx.effects.addToBalance(order, amount);
  seen.add(order);
}`,
    expect: wrong,
    why: 'refused: module state would be shared by every explored branch and both consumers',
  },
  {
    id: 'process-memory-set',
    says: { en: 'Keep processed ids in the consumer’s memory (ctx.memory).', 'zh-cn': '在消费者进程内存里记录已处理的 ID。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.memory.has(order)) return;
  ctx.effects.addToBalance(order, amount);
  ctx.memory.add(order);
}`,
    expect: wrong,
    why: 'memory dies with the process and is not shared with the other consumer',
  },
  {
    id: 'skip-redelivered',
    says: { en: 'Skip messages the broker marks as redelivered.', 'zh-cn': '看到 redelivered 标记就跳过。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  if (msg.redelivered) return;
  ctx.effects.addToBalance(msg.body.order, msg.body.amount);
}`,
    expect: wrong,
    why: 'redelivered after a crash before the charge means "never charged"; a re-send is not marked; Kafka has no such flag',
  },
  {
    id: 'skip-delivery-count',
    says: { en: 'Skip a message whose delivery count is above 1.', 'zh-cn': '投递次数大于 1（重试次数大于 0）就跳过。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const n = msg.numDelivered ?? msg.headers?.['x-delivery-count'] ?? (msg.reconsumeTimes !== undefined ? msg.reconsumeTimes + 1 : 1);
  if (n > 1) return;
  ctx.effects.addToBalance(msg.body.order, msg.body.amount);
}`,
    expect: wrong,
    why: 'the same mistake as redelivered: a count says delivered, not processed',
  },
  {
    id: 'inbox-on-broker-id',
    says: { en: 'Unique key on the message id (msgId / message-id / offset).', 'zh-cn': '按消息 ID（msgId、message-id、位点）建唯一键去重。' },
    source: inboxTx("String(msg.messageId ?? msg.msgId ?? msg.headers?.['Nats-Msg-Id'] ?? msg.partition + '@' + msg.offset)"),
    expect: wrong,
    why: 'a re-send gets a new id from the broker (or none at all): the same order is charged again',
  },
  {
    id: 'payment-on-broker-id',
    says: { en: 'Upsert the payment keyed by the message id.', 'zh-cn': '按消息 ID 做 upsert 写支付记录。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const id = String(msg.messageId ?? msg.msgId ?? msg.partition + '@' + msg.offset);
  ctx.effects.recordPayment(id, msg.body.amount);
}`,
    expect: wrong,
    why: 'the ledger is keyed by the broker id, not the order: the order itself is never recorded as paid',
  },
  {
    id: 'inbox-committed-before-charge',
    says: { en: 'Insert the dedup row first (its own commit), then charge.', 'zh-cn': '先插入去重记录（单独提交），再扣款。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  try { ctx.db.insert('inbox', order); } catch (e) { if (ctx.db.isUniqueViolation(e)) return; throw e; }
  ctx.effects.addToBalance(order, amount);
}`,
    expect: wrong,
    why: 'a crash between the two commits: the redelivery hits the row and skips, the order is never charged',
  },
  {
    id: 'insert-if-absent-then-charge',
    says: { en: 'INSERT … ON CONFLICT DO NOTHING, charge if a row was inserted.', 'zh-cn': 'INSERT … ON CONFLICT DO NOTHING，插入成功再扣款。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.db.insertIfAbsent('inbox', order)) ctx.effects.addToBalance(order, amount);
}`,
    expect: wrong,
    why: 'two commits again: a crash between them loses the charge',
  },
  {
    id: 'charge-then-mark',
    says: { en: 'Charge, then insert the processed row.', 'zh-cn': '先扣款，再写处理记录。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.db.exists('inbox', order)) return;
  ctx.effects.addToBalance(order, amount);
  ctx.db.insertIfAbsent('inbox', order);
}`,
    expect: wrong,
    why: 'a crash between the charge and the mark charges again on redelivery',
  },
  {
    id: 'inbox-catch-inside-tx',
    says: { en: 'Catch the unique violation inside the transaction and carry on.', 'zh-cn': '在事务里面捕获唯一键冲突，然后继续执行。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    let first = true;
    try { tx.insert('inbox', order); } catch (e) { if (!ctx.db.isUniqueViolation(e)) throw e; first = false; }
    if (first) tx.effects.addToBalance(order, amount);
    else tx.exists('inbox', order);
  });
}`,
    expect: wrong,
    why: 'after an error PostgreSQL aborts the transaction: the next statement fails with 25P02 and the duplicate copy ends as a failure',
  },
  {
    id: 'inbox-unique-violation-escapes',
    says: { en: 'Inbox row in the transaction; a duplicate key is an error.', 'zh-cn': '同一事务写消费记录，唯一键冲突就当异常抛出去。' },
    source: inboxTx('order', 'throw new Error("duplicate message " + order);'),
    expect: wrong,
    why: 'the duplicate copy fails for ever (requeued, retried, dead-lettered) even though the ledger is right',
  },
  {
    id: 'inbox-fixed-amount',
    says: { en: 'The inbox pattern, charging the usual ¥100.', 'zh-cn': '消费记录表的写法，但扣款金额写死成 100。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order } = msg.body;
  try {
    ctx.db.transaction((tx) => { tx.insert('inbox', order); tx.effects.addToBalance(order, 100); });
  } catch (e) { if (!ctx.db.isUniqueViolation(e)) throw e; }
}`,
    expect: wrong,
    why: 'order #7 costs ¥35: the ledger checks the amount, not only the count',
  },
  {
    id: 'version-without-state',
    says: { en: 'Optimistic lock: read the version, update where the version matches.', 'zh-cn': '乐观锁：读出 version，更新时带上 version 条件。' },
    source:
      `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  const row = ctx.db.select('orders', order);
  if (!row) return;
  ctx.db.transaction((tx) => {
    if (tx.update('orders', order, { status: 'PAID', version: (row.version ?? 0) + 1 }, ` +
      `{ version: row.version ?? 0 }) === 1) tx.effects.addToBalance(order, amount);
  });
}`,
    expect: wrong,
    why: 'the version stops concurrent copies, not late ones: a redelivery reads the new version and charges again',
  },
  {
    id: 'status-check-then-update',
    says: { en: 'Read the order status; if UNPAID, mark it PAID and charge.', 'zh-cn': '先查订单状态，是未支付就改成已支付并扣款。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    if (tx.select('orders', order)?.status !== 'UNPAID') return;
    tx.update('orders', order, { status: 'PAID' });
    tx.effects.addToBalance(order, amount);
  });
}`,
    expect: wrong,
    why: 'both copies read UNPAID before either commits; the UPDATE without a WHERE on the status does not re-check anything',
  },
  {
    id: 'state-update-separate-commits',
    says: { en: 'UPDATE … WHERE status = UNPAID, then charge.', 'zh-cn': '先 UPDATE … WHERE status = UNPAID，再扣款（分开提交）。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.db.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' }) === 1) ctx.effects.addToBalance(order, amount);
}`,
    expect: wrong,
    why: 'the status and the charge commit separately: a crash between them leaves the order PAID and never charged',
  },
  {
    id: 'cache-mark-before-commit',
    says: { en: 'Mark done in Redis, then write inbox and charge in a transaction.', 'zh-cn': '先在 Redis 标记已处理，再用事务写消费记录和扣款。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.cache.get('done:' + order)) return;
  ctx.cache.set('done:' + order, '1');
  try {
    ctx.db.transaction((tx) => { tx.insert('inbox', order); tx.effects.addToBalance(order, amount); });
  } catch (e) { if (!ctx.db.isUniqueViolation(e)) throw e; }
}`,
    expect: wrong,
    why: 'a crash after the cache mark and before the commit: the redelivery trusts the cache and skips',
  },
  {
    id: 'swallow-every-error',
    says: { en: 'Catch every error and ack, so nothing loops.', 'zh-cn': '捕获所有异常直接 ack，避免消息死循环。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  try {
    ctx.db.transaction((tx) => { tx.insert('inbox', order); tx.effects.addToBalance(order, amount); });
  } catch {
    return;
  }
}`,
    expect: right,
    why:
      'in these labs the only errors are the unique violation and a lost COMMIT reply after ' +
      'a real commit; a real deadlock or outage would be swallowed too (outside these bounds)',
  },
  // Correct alternatives.
  {
    id: 'inbox-in-transaction',
    says: { en: 'Inbox row with a unique key, in the same transaction as the charge.', 'zh-cn': '消费记录表加唯一索引，和业务写入放在同一个事务里。' },
    source: inboxTx('order'),
    expect: right,
    why: 'the unique key decides between concurrent copies; a crash rolls both back',
  },
  {
    id: 'inbox-insert-if-absent-in-tx',
    says: {
      en: 'INSERT … ON CONFLICT DO NOTHING in the transaction, charge only if inserted.',
      'zh-cn': '事务里 INSERT … ON CONFLICT DO NOTHING，插入成功才扣款。',
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    if (tx.insertIfAbsent('inbox', order)) tx.effects.addToBalance(order, amount);
  });
}`,
    expect: right,
    why: 'the conflicting insert waits for the first transaction and then does nothing',
  },
  {
    id: 'exists-fast-path-then-inbox',
    says: { en: 'Check first as a fast path, but let the unique key decide.', 'zh-cn': '先查一下做快速判断，最终靠唯一索引兜底。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.db.exists('inbox', order)) return;
  try {
    ctx.db.transaction((tx) => { tx.insert('inbox', order); tx.effects.addToBalance(order, amount); });
  } catch (e) { if (!ctx.db.isUniqueViolation(e)) throw e; }
}`,
    expect: right,
    why: 'the check only skips what is committed; the unique key handles the race',
  },
  {
    id: 'upsert-payment',
    says: { en: 'Make the write idempotent: upsert the payment by order.', 'zh-cn': '把写操作做成幂等：按订单号 upsert 支付记录。' },
    source: `export function handle(msg: any, ctx: HandlerContext) { ctx.effects.recordPayment(msg.body.order, msg.body.amount); }`,
    expect: right,
    why: 'one statement keyed by the order: a second one changes nothing',
  },
  {
    id: 'state-machine-update',
    says: {
      en: 'State machine: UPDATE … WHERE status = UNPAID and charge in one transaction.',
      'zh-cn': '状态机：同一事务里 UPDATE … WHERE status = UNPAID，改成功才扣款。',
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    if (tx.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' }) === 1) tx.effects.addToBalance(order, amount);
  });
}`,
    expect: right,
    why: 'the second UPDATE waits for the row lock, re-checks its WHERE on the committed row and changes nothing',
  },
  {
    id: 'version-and-state',
    says: { en: 'Optimistic version check together with the status.', 'zh-cn': '乐观锁 version 加上状态条件一起判断。' },
    source:
      `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  const row = ctx.db.select('orders', order);
  if (!row || row.status !== 'UNPAID') return;
  ctx.db.transaction((tx) => {
    if (tx.update('orders', order, { status: 'PAID', version: (row.version ?? 0) + 1 }, ` +
      `{ version: row.version ?? 0, status: 'UNPAID' }) === 1) tx.effects.addToBalance(order, amount);
  });
}`,
    expect: right,
    why: 'the version stops the concurrent copy; the status stops the late one',
  },
  {
    id: 'select-for-update-order-row',
    says: {
      en: 'Pessimistic lock: SELECT the order FOR UPDATE, check, update and charge.',
      'zh-cn': '悲观锁：SELECT … FOR UPDATE 锁住订单行，判断状态后更新并扣款。',
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    const row = tx.selectForUpdate('orders', order);
    if (!row || row.status !== 'UNPAID') return;
    tx.update('orders', order, { status: 'PAID' });
    tx.effects.addToBalance(order, amount);
  });
}`,
    expect: right,
    why: 'the order row exists, so the lock serialises the copies and the second sees PAID',
  },
  {
    id: 'own-error-class-rollback',
    says: { en: 'Throw my own AlreadyPaid error to roll back, and catch it.', 'zh-cn': '用自定义异常 AlreadyPaid 回滚事务，再在外面捕获。' },
    source: `class AlreadyPaid extends Error {}
export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  try {
    ctx.db.transaction((tx) => {
      if (tx.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' }) === 0) throw new AlreadyPaid(order);
      tx.effects.addToBalance(order, amount);
    });
  } catch (e) {
    if (e instanceof AlreadyPaid) return;
    throw e;
  }
}`,
    expect: right,
    why: 'the reader’s own error keeps its class across replay, so instanceof works',
  },
  {
    id: 'cache-fast-path-after-commit',
    says: {
      en: 'Redis as a fast path in front of the database, set after the commit.',
      'zh-cn': 'Redis 只做前置快速判断，数据库提交后再写缓存，唯一索引兜底。',
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.cache.get('done:' + order)) return;
  try {
    ctx.db.transaction((tx) => { tx.insert('inbox', order); tx.effects.addToBalance(order, amount); });
  } catch (e) { if (!ctx.db.isUniqueViolation(e)) throw e; }
  ctx.cache.set('done:' + order, '1', { px: 60_000 });
}`,
    expect: right,
    why: 'the cache says "done" only after the commit; the database stays the source of truth',
  },
  {
    id: 'inbox-catch-by-sqlstate',
    says: {
      en: 'Inbox in the transaction; treat SQLSTATE 23505 as "already done", fail on anything else.',
      'zh-cn': '同一事务写消费记录，按 SQLSTATE 23505 判断已处理，其他异常抛出让 Broker 重试。',
    },
    source: inboxTx('order', 'return;', "(e as DbError).code === '23505'"),
    expect: right,
    why: 'the database error keeps its code across replay; a lost COMMIT reply (08006) fails the attempt and the retry hits the unique key',
  },
  {
    id: 'inbox-on-order-with-memory-fast-path',
    says: { en: 'An in-process cache in front of the inbox.', 'zh-cn': '进程内缓存做前置判断，消费记录表兜底。' },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  if (ctx.memory.has(order)) return;
  try {
    ctx.db.transaction((tx) => { tx.insert('inbox', order); tx.effects.addToBalance(order, amount); });
  } catch (e) { if (!ctx.db.isUniqueViolation(e)) throw e; }
  ctx.memory.add(order);
}`,
    expect: right,
    why: 'memory only skips what this process committed itself',
  },
  {
    id: 'versioned-update-count-ignored',
    says: {
      en: 'Optimistic lock: charge, then UPDATE … SET version = v + 1 WHERE version = v.',
      'zh-cn': '乐观锁：先扣款，再 UPDATE … SET version = v + 1 WHERE version = v。',
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  const row = ctx.db.select('orders', order);
  if (!row || row.status === 'PAID') return;
  const v = row.version ?? 0;
  ctx.db.transaction((tx) => {
    tx.effects.addToBalance(order, amount);
    tx.update('orders', order, { status: 'PAID', version: v + 1 }, { version: v });
  });
}`,
    expect: wrong,
    why: 'the loser of the race changes 0 rows but still commits its charge: the count is the answer and nobody reads it',
  },
  {
    id: 'conditional-update-count-ignored',
    says: {
      en: "UPDATE … SET status = 'PAID' WHERE status = 'UNPAID', then charge, in one transaction.",
      'zh-cn': "同一个事务里先 UPDATE … SET status = 'PAID' WHERE status = 'UNPAID'，再扣款。",
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  ctx.db.transaction((tx) => {
    tx.update('orders', order, { status: 'PAID' }, { status: 'UNPAID' });
    tx.effects.addToBalance(order, amount);
  });
}`,
    expect: wrong,
    why: 'the second copy waits, re-checks the WHERE and updates 0 rows, then charges anyway',
  },
  {
    id: 'versioned-update-with-retry',
    says: {
      en: 'Optimistic lock: UPDATE … WHERE version = v first; charge only if it changed a row, else read again.',
      'zh-cn': '乐观锁：先按版本号更新，改到了才扣款；没改到就重新读再判断。',
    },
    source: `export function handle(msg: any, ctx: HandlerContext) {
  const { order, amount } = msg.body;
  for (let attempt = 0; attempt < 3; attempt++) {
    const row = ctx.db.select('orders', order);
    if (!row || row.status === 'PAID') return;
    const v = row.version ?? 0;
    const won = ctx.db.transaction((tx) => {
      if (tx.update('orders', order, { status: 'PAID', version: v + 1 }, { version: v }) === 0) return false;
      tx.effects.addToBalance(order, amount);
      return true;
    });
    if (won) return;
  }
  throw new Error('kept losing the race');
}`,
    expect: right,
    why: 'one versioned UPDATE wins; the charge commits with it or not at all; a loser re-reads PAID',
  },
  {
    id: 'inbox-on-log-position',
    says: {
      en: 'Kafka: the inbox key is topic-partition-offset (elsewhere, the broker message id).',
      'zh-cn': 'Kafka 用 topic + 分区 + offset 做去重键（其他 MQ 用 Broker 的消息 ID）。',
    },
    source: inboxTx('msg.offset !== undefined ? `${msg.topic}-${msg.partition}-${msg.offset}` : String(msg.messageId ?? msg.msgId)'),
    expect: wrong,
    why: 'a re-sent message is a new record at a new offset (a new id, or none on RabbitMQ): the position names the copy, not the order',
  },
];
