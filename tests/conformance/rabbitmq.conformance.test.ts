/**
 * The RabbitMQ simulator against a real RabbitMQ (AMQP 0-9-1 through amqplib): the same scenario,
 * the same fault at the same point, and the same per-message deliveries, redelivered flags,
 * delivery counts and dead-lettering on both sides. Start the broker with `bash scripts/brokers.sh`.
 */
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allScenarios, findScenario, type RabbitSettings, type Scenario } from '../../src/sim';
import { afterDeliveries, compare, fromTrace, normalize, simulate, type Observation, type Planned } from './normalize';
import { record, recordNotChecked, sameBroker, type Words } from './results';

const url = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
let admin: ChannelModel;
let version = 'unknown';

beforeAll(async () => {
  try {
    admin = await amqp.connect(url);
  } catch (error) {
    throw new Error(
      `RabbitMQ is not reachable at ${url} (${String(error)}). Start it with \`bash scripts/brokers.sh\` ` +
        '(installs rabbitmq-server with apt and starts it), or set AMQP_URL.',
    );
  }
  version = String((admin.connection as unknown as { serverProperties?: { version?: string } }).serverProperties?.version ?? 'unknown');
});
afterAll(async () => admin?.close());

const scenario = (id: string): Scenario<RabbitSettings> => {
  const s = findScenario(id, allScenarios);
  if (!s) throw new Error(`no scenario ${id}`);
  // Every rabbitmq-* scenario carries RabbitMQ's settings.
  return s as Scenario<RabbitSettings>;
};

/** A queue of our own for one test, deleted afterwards. */
async function freshQueue(name: string, args: Record<string, unknown> = {}): Promise<string> {
  const ch = await admin.createChannel();
  const queue = `conformance.${name}.${process.pid}.${Date.now()}`;
  await ch.assertQueue(queue, { durable: true, arguments: args });
  await ch.close();
  return queue;
}

async function publish(queue: string, ids: string[], options: { expiration?: string } = {}): Promise<void> {
  const ch = await admin.createConfirmChannel();
  for (const id of ids) ch.sendToQueue(queue, Buffer.from(id), { messageId: id, persistent: true, ...options });
  await ch.waitForConfirms();
  await ch.close();
}

/** A consumer on its own connection (so a crash is closing it), recording what it receives. */
async function consumer(
  queue: string,
  label: string,
  prefetch: number,
  seen: Observation[],
  onMessage: (ch: Channel, m: ConsumeMessage) => void = () => undefined,
) {
  const conn = await amqp.connect(url);
  const ch = await conn.createChannel();
  await ch.prefetch(prefetch);
  ch.on('error', () => undefined); // a channel the broker closes (consumer_timeout) is part of the test
  await ch.consume(queue, (m) => {
    if (!m) return;
    const count = m.properties.headers?.['x-delivery-count'];
    seen.push({
      kind: 'delivered',
      msg: String(m.properties.messageId),
      consumer: label,
      redelivered: m.fields.redelivered,
      deliveryCount: typeof count === 'number' ? count : null,
    });
    onMessage(ch, m);
  });
  return { conn, ch, crash: () => conn.close() };
}

async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A fanout dead-letter exchange with a queue behind it, recording what arrives there and why (`x-death`). */
async function watchDeadLetters(ch: Channel): Promise<{ dlx: string; got: Observation[] }> {
  const dlx = `conformance.dlx.${process.pid}.${Date.now()}`;
  await ch.assertExchange(dlx, 'fanout', { durable: false, autoDelete: true });
  const dead = await ch.assertQueue('', { exclusive: true });
  await ch.bindQueue(dead.queue, dlx, '');
  const got: Observation[] = [];
  await ch.consume(
    dead.queue,
    (m) => {
      if (!m) return;
      const death = (m.properties.headers?.['x-death'] as { reason?: string }[] | undefined)?.[0]?.reason;
      got.push({
        kind: 'deadLettered',
        msg: String(m.properties.messageId),
        reason: death === 'delivery_limit' ? 'delivery_limit' : death === 'expired' ? 'expired' : 'rejected',
      });
    },
    { noAck: true },
  );
  return { dlx, got };
}

async function drain(queue: string): Promise<void> {
  const ch = await admin.createChannel();
  await ch.deleteQueue(queue);
  await ch.close();
}

/** Runs the simulator side and compares; records the outcome for the site. */
function judge(id: string, s: Scenario<RabbitSettings>, faults: Planned[], real: Observation[], note: Words) {
  const sim = normalize(fromTrace(simulate(s, faults), (s.broker?.queueType ?? 'classic') === 'quorum'));
  const observed = normalize(real);
  const verdict = compare(sim, observed);
  record({ scenario: id, broker: 'RabbitMQ', version, outcome: verdict.ok ? 'same' : 'different', compared: observed, note });
  expect(verdict.ok, verdict.message).toBe(true);
}

/** Sets one of the broker's settings at run time (the local broker that scripts/brokers.sh started). */
function setBrokerEnv(key: string, value: number) {
  try {
    execFileSync('rabbitmqctl', ['eval', `application:set_env(rabbit, ${key}, ${value}).`], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `could not shorten RabbitMQ's ${key} with rabbitmqctl (${String(error)}); this test needs the local broker from \`bash scripts/brokers.sh\``,
    );
  }
}

describe(`RabbitMQ`, () => {
  // These differ from a checked scenario only in the consumer's own code (the inbox), which the
  // simulator runs the same way against either broker: the broker's part is what is checked.
  for (const [id, base] of [
    ['rabbitmq-crash-requeue-inbox', 'rabbitmq-crash-requeue'],
    ['rabbitmq-consumer-timeout-inbox', 'rabbitmq-consumer-timeout'],
    ['rabbitmq-lost-confirm-inbox', 'rabbitmq-lost-confirm'],
    ['rabbitmq-dedup-not-ttl', 'rabbitmq-lost-confirm'],
  ] as const) {
    recordNotChecked({ scenario: id, broker: 'RabbitMQ', reason: sameBroker(base) });
  }

  it('rabbitmq-crash-requeue: closing the connection requeues every unacked delivery, flagged redelivered', async () => {
    const s = scenario('rabbitmq-crash-requeue');
    const queue = await freshQueue('crash-requeue');
    await publish(queue, ['order-42', 'order-43']);
    const seen: Observation[] = [];
    const c1 = await consumer(queue, 'c1', 2, seen);
    await until('two deliveries', () => seen.length === 2);
    await c1.crash(); // after charging order #42, before any ack
    const again = await consumer(queue, 'c1', 2, seen, (ch, m) => ch.ack(m));
    await until('two redeliveries', () => seen.length === 4);
    await again.conn.close();
    await drain(queue);
    judge(s.id, s, [{ fault: 'crashConsumerAfterEffect', when: afterDeliveries(2) }], seen, {
      en: 'prefetch 2; the crash closes the connection with both deliveries unacked',
      'zh-cn': 'prefetch 为 2；崩溃即关闭连接，两条投递都还没 ack',
    });
  });

  it('rabbitmq-lost-confirm: a republished message is a second copy, not a redelivery', async () => {
    const s = scenario('rabbitmq-lost-confirm');
    const queue = await freshQueue('lost-confirm');
    // The first confirm is "lost": the publisher does not believe it and publishes the same id again.
    await publish(queue, ['order-42']);
    await publish(queue, ['order-42']);
    const seen: Observation[] = [];
    const c1 = await consumer(queue, 'c1', 1, seen, (ch, m) => ch.ack(m));
    await until('two deliveries', () => seen.length === 2);
    await c1.conn.close();
    await drain(queue);
    judge(s.id, s, ['loseConfirm'], seen, { en: 'classic queue: no deduplication by message id', 'zh-cn': '经典队列：不按 message id 去重' });
  });

  /** Nacks (requeue) the first `failures` deliveries, then acks; returns what was observed, dead-lettering included. */
  async function nackThenAck(limit: number, failures: number): Promise<Observation[]> {
    const ch = await admin.createChannel();
    const dead = await watchDeadLetters(ch);
    const queue = await freshQueue(`delivery-limit-${limit}`, { 'x-queue-type': 'quorum', 'x-delivery-limit': limit, 'x-dead-letter-exchange': dead.dlx });
    await publish(queue, ['order-42']);
    const seen: Observation[] = [];
    let failed = 0;
    const c1 = await consumer(queue, 'c1', 1, seen, (c, m) => (failed++ < failures ? c.nack(m, false, true) : c.ack(m)));
    await until('the message to be handled or dead-lettered', () => dead.got.length === 1 || seen.length === failures + 1);
    await new Promise((r) => setTimeout(r, 200)); // nothing more may arrive
    await c1.conn.close();
    await ch.close();
    await drain(queue);
    return [...seen, ...dead.got];
  }

  it('rabbitmq-delivery-limit-low: a quorum queue counts deliveries in x-delivery-count and dead-letters past x-delivery-limit', async () => {
    const s = scenario('rabbitmq-delivery-limit-low');
    judge(s.id, s, ['failHandler', 'failHandler', 'failHandler'], await nackThenAck(2, 3), {
      en: 'quorum queue, x-delivery-limit 2, three nacks with requeue',
      'zh-cn': '仲裁队列，x-delivery-limit 为 2，三次 nack 并重新入队',
    });
  });

  it('rabbitmq-delivery-limit-default: with a limit of 20, the fourth delivery after three nacks is handled', async () => {
    const s = scenario('rabbitmq-delivery-limit-default');
    judge(s.id, s, ['failHandler', 'failHandler', 'failHandler'], await nackThenAck(20, 3), {
      en: 'quorum queue, x-delivery-limit 20 set explicitly (unlimited by default on 3.10; 20 is the 4.x default)',
      'zh-cn': '仲裁队列，显式设置 x-delivery-limit 为 20（3.10 默认不限次数，20 是 4.x 的默认值）',
    });
  });

  /** Publishes with a 1 s TTL (the queue's, or the message's own `expiration`), then crashes the consumer for 2 s. */
  async function expireWhileDown(ttl: 'queue' | 'message'): Promise<Observation[]> {
    const ch = await admin.createChannel();
    const dead = await watchDeadLetters(ch);
    const queue = await freshQueue(`ttl-${ttl}`, { 'x-dead-letter-exchange': dead.dlx, ...(ttl === 'queue' ? { 'x-message-ttl': 1_000 } : {}) });
    await publish(queue, ['order-42'], ttl === 'message' ? { expiration: '1000' } : {});
    const seen: Observation[] = [];
    const c1 = await consumer(queue, 'c1', 1, seen);
    await until('the delivery', () => seen.length === 1);
    await c1.crash(); // before charging; the consumer stays down for 2 s
    await until('the expired message', () => dead.got.length === 1, 5_000);
    const back = await consumer(queue, 'c1', 1, seen, (c, m) => c.ack(m));
    await new Promise((r) => setTimeout(r, 300));
    await back.conn.close();
    await ch.close();
    await drain(queue);
    return [...seen, ...dead.got];
  }

  it('rabbitmq-ttl-not-dedup (TTL shortened to 1 s, per queue and per message): a requeued message expires while the consumer is down', async () => {
    const base = scenario('rabbitmq-ttl-not-dedup');
    // The same setting on both sides, shortened so the suite stays fast, with a DLX to observe expiry.
    const s: Scenario<RabbitSettings> = {
      ...base,
      settings: { ...base.settings, restartDelay: 2_000 },
      broker: { ...base.broker!, messageTtl: 1_000, deadLetterExchange: 'orders.dlx' },
      faults: { crashConsumerBeforeEffect: 1 },
    };
    const perQueue = await expireWhileDown('queue');
    // A message's own `expiration` behaves the same here: it is at the head of the queue when it expires.
    expect(normalize(await expireWhileDown('message'))).toEqual(normalize(perQueue));
    judge(base.id, s, ['crashConsumerBeforeEffect'], perQueue, {
      en:
        'x-message-ttl shortened to 1 s (and, in a second run, the message’s own expiration of 1000 ms, observed the same), ' +
        'consumer down 2 s, DLX added to observe the expiry',
      'zh-cn': 'x-message-ttl 缩短为 1 秒（第二次运行改用消息自带的 expiration 1000 毫秒，观察结果相同），消费者停机 2 秒，加了 DLX 以便观察过期',
    });
  });

  /** Rejects order #13 (requeue=false) and acks order #42, with or without a dead-letter exchange. */
  async function rejectPoison(withDlx: boolean): Promise<Observation[]> {
    const ch = await admin.createChannel();
    const dead = await watchDeadLetters(ch);
    const queue = await freshQueue(`poison-${withDlx ? 'dlx' : 'drop'}`, withDlx ? { 'x-dead-letter-exchange': dead.dlx } : {});
    await publish(queue, ['order-13', 'order-42']);
    const seen: Observation[] = [];
    const c1 = await consumer(queue, 'c1', 1, seen, (c, m) => (String(m.properties.messageId) === 'order-13' ? c.reject(m, false) : c.ack(m)));
    await until('both messages', () => seen.length === 2 && (!withDlx || dead.got.length === 1));
    await new Promise((r) => setTimeout(r, 300)); // nothing more may arrive
    await c1.conn.close();
    await ch.close();
    await drain(queue);
    return [...seen, ...dead.got];
  }

  it('rabbitmq-poison-reject-drop: basic.reject with requeue=false and no DLX drops the message; the next one flows', async () => {
    const s = scenario('rabbitmq-poison-reject-drop');
    judge(s.id, s, [], await rejectPoison(false), {
      en: 'classic queue without a dead-letter exchange; order #13 always fails and is rejected with requeue=false',
      'zh-cn': '没有死信交换机的经典队列；订单 #13 每次都失败，被 reject(requeue=false)',
    });
  });

  it('rabbitmq-poison-reject-dlx: with x-dead-letter-exchange the rejected message is dead-lettered (x-death reason rejected)', async () => {
    const s = scenario('rabbitmq-poison-reject-dlx');
    judge(s.id, s, [], await rejectPoison(true), {
      en: 'classic queue with a dead-letter exchange; order #13 is rejected with requeue=false and arrives there with x-death reason "rejected"',
      'zh-cn': '带死信交换机的经典队列；订单 #13 被 reject(requeue=false)，进入死信交换机，x-death 原因为 "rejected"',
    });
  });

  it('rabbitmq-consumer-timeout (shortened to 1 s): the broker closes the slow channel and redelivers to the other consumer', async () => {
    const base = scenario('rabbitmq-consumer-timeout');
    const s: Scenario<RabbitSettings> = { ...base, broker: { ...base.broker!, consumerTimeout: 1_000 } };
    // The real default is 30 min, checked on the channel's tick (60 s): both shortened for the run.
    setBrokerEnv('consumer_timeout', 1_000);
    setBrokerEnv('channel_tick_interval', 200);
    try {
      const queue = await freshQueue('consumer-timeout');
      await publish(queue, ['order-42']);
      const seen: Observation[] = [];
      const c1 = await consumer(queue, 'c1', 1, seen); // never acks: still working
      await until('the first delivery', () => seen.length === 1);
      const c2 = await consumer(queue, 'c2', 1, seen, (ch, m) => ch.ack(m));
      await until('the redelivery to consumer 2', () => seen.length === 2, 10_000);
      await c1.conn.close().catch(() => undefined);
      await c2.conn.close();
      await drain(queue);
      judge(base.id, s, ['exceedConsumerTimeout'], seen, {
        en: 'consumer_timeout shortened to 1 s (channel_tick_interval 200 ms); the channel is closed with PRECONDITION_FAILED (3.10 behaviour, as up to 4.2)',
        'zh-cn': 'consumer_timeout 缩短为 1 秒（channel_tick_interval 200 毫秒）；channel 以 PRECONDITION_FAILED 关闭（3.10 的行为，4.2 及以前都一样）',
      });
    } finally {
      setBrokerEnv('consumer_timeout', 1_800_000);
      setBrokerEnv('channel_tick_interval', 60_000);
    }
  });
});
