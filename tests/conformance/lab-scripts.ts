/**
 * Each code lab's counterexample, as the statements two real connections would send. The starter is
 * graded as the site grades it; its counterexample is replayed in the engine, and every database
 * statement the handlers made (one per `ctx.db` / `tx` call, with COMMIT and ROLLBACK) is written
 * down in order, consumer c1 on connection A and c2 on B: a statement made outside a transaction
 * is its own transaction (autocommit), a crash is the connection dropped, and a statement that
 * waited for the other consumer's lock is sent where it began to wait. The script then goes through
 * the same two players as the store rules (store-rules.ts): the model, and a real PostgreSQL.
 * Only counterexamples in which both consumers touch the database make a script. Cache and
 * process-memory calls are left out: they do not reach PostgreSQL.
 */
import '../../src/sim';
import { gradeLab, prepare } from '../../src/sandbox/grade';
import { labs } from '../../src/sandbox/labs';
import { fromSteps } from '../../src/sim';
import type { Columns, Stmt, TableName } from '../../src/sim/store/pg';
import type { Conn, PgRule, Step } from './store-rules';

const CONN: Record<string, Conn> = { c1: 'A', c2: 'B' };

/** A handler call as the trace shows it (`tx.update("orders", "order-42", {"status":"PAID"})`) → the statement it ran. */
function statementOf(call: string): { stmt: Stmt; inTx: boolean } | 'commit' | 'rollback' | null {
  const open = call.indexOf('(');
  const name = call.slice(0, open);
  const args = JSON.parse(`[${call.slice(open + 1, -1)}]`) as unknown[];
  if (name === 'db.commit') return 'commit';
  if (name === 'db.rollback') return 'rollback';
  const [scope, ...rest] = name.split('.');
  if (scope !== 'db' && scope !== 'tx') return null; // cache.*, memory.*
  const op = rest.join('.');
  const inTx = scope === 'tx';
  const table = args[0] as TableName;
  const key = String(args[1]);
  switch (op) {
    case 'select':
    case 'exists':
      return { stmt: { op: 'select', table, key }, inTx };
    case 'selectForUpdate':
      return { stmt: { op: 'select', table, key, forUpdate: true }, inTx };
    case 'insert':
    case 'insertIfAbsent':
      return {
        stmt: {
          op: 'insert',
          table,
          key,
          ...(args[2] ? { values: args[2] as Columns } : {}),
          ...(op === 'insertIfAbsent' ? { onConflictDoNothing: true } : {}),
        },
        inTx,
      };
    case 'update':
      return { stmt: { op: 'update', table, key, set: args[2] as Columns, ...(args[3] ? { where: args[3] as Columns } : {}) }, inTx };
    case 'addToBalance':
    case 'effects.addToBalance':
      return { stmt: { op: 'charge', key: String(args[0]), amount: Number(args[1]) }, inTx };
    case 'recordPayment':
    case 'effects.recordPayment':
      return { stmt: { op: 'pay', key: String(args[0]), amount: Number(args[1]) }, inTx };
    default:
      throw new Error(`no SQL for ${call}`);
  }
}

/** The script of one lab's starter counterexample, or why there is none. */
export function labScript(labId: string): PgRule | { id: string; none: string } {
  const lab = labs[labId]!;
  const id = `lab-${labId}`;
  const prepared = prepare(lab, lab.starter);
  if ('problem' in prepared) throw new Error(`${labId}: ${prepared.problem.message}`);
  const g = gradeLab(lab, lab.starter, { stopWhen: [lab.intended] });
  if (!g.steps) return { id, none: 'the starter has no counterexample' };
  const scenario = prepared.scenario;
  const frames = fromSteps(scenario, g.steps).frames;

  // The statements in trace order; one that waited goes back to where its consumer began to wait.
  const items: { at: number; step: Step }[] = [];
  const waitingSince = new Map<string, number>();
  const resumeAt = new Map<string, number>();
  frames.forEach((frame, at) => {
    for (const e of frame.events) {
      const on = CONN[e.actor];
      if (!on) continue;
      if (e.type === 'transaction.rolledBack') items.push({ at, step: { on, end: 'drop' } });
      if (e.type !== 'handler.call' || typeof e.detail?.call !== 'string') continue;
      const s = statementOf(e.detail.call);
      if (s === null) continue;
      if (s === 'commit' || s === 'rollback') {
        items.push({ at, step: { on, end: s } });
        continue;
      }
      const sent = resumeAt.get(e.actor);
      resumeAt.delete(e.actor);
      items.push({ at: sent ?? at, step: { on, stmt: s.stmt } });
      if (!s.inTx) items.push({ at, step: { on, end: 'commit' } });
    }
    const waits = frame.world.stores.waits ?? {};
    for (const actor of Object.keys(waits)) if (!waitingSince.has(actor)) waitingSince.set(actor, at);
    for (const [actor, since] of [...waitingSince]) {
      if (waits[actor]) continue;
      waitingSince.delete(actor);
      resumeAt.set(actor, since + 0.5);
    }
  });
  const script = items.sort((a, b) => a.at - b.at).map((i) => i.step);
  if (new Set(script.map((s) => s.on)).size < 2) return { id, none: 'in its counterexample only one consumer reaches the database' };
  return {
    id,
    title: { en: `Lab “${lab.title.en}”: the starter’s counterexample`, 'zh-cn': `实验“${lab.title['zh-cn']}”：初始代码的反例` },
    seed: scenario.messages.map((m) => ({
      table: 'orders' as const,
      key: m.key,
      cols: { status: 'UNPAID', version: 0, amount: m.amount ?? scenario.amount ?? 100 },
    })),
    script,
    note: {
      en:
        `the database statements of the counterexample Check finds for the starter (${g.steps.length} steps), consumer c1 on connection A and c2 on B; ` +
        'a statement outside a transaction commits on its own, a crash drops the connection',
      'zh-cn': `检查器为初始代码找到的反例（${g.steps.length} 步）里的数据库语句：消费者 c1 用连接 A，c2 用连接 B；事务外的语句自动提交，崩溃即断开连接`,
    },
  };
}

/** Every lab's script (or why it has none), in lab order. */
export const labScripts = () =>
  Object.keys(labs)
    .sort()
    .map((id) => labScript(id));
