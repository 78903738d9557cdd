/**
 * The JetStream simulator against a real nats-server with JetStream (through the `nats` client): the
 * same scenario, the same fault at the same point, and the same per-message publishes (stored or
 * duplicate), deliveries (stream sequence, redelivered, num_delivered) and ends (max_deliver, term)
 * on both sides. Start the server with `bash scripts/brokers.sh`.
 */
import { AckPolicy, connect, headers, nanos, type JsMsg, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allScenarios, findScenario, jetstreamDefaults, type JetStreamSettings, type Scenario } from '../../src/sim';
import { compare, fromJetStreamTrace, normalize, simulate, type Observation, type Planned } from './normalize';
import { record, recordNotChecked, sameBroker, type Words } from './results';

const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
let nc: NatsConnection;
let version = 'unknown';

beforeAll(async () => {
  try {
    nc = await connect({ servers, timeout: 3_000 });
  } catch (error) {
    throw new Error(
      `NATS is not reachable at ${servers} (${String(error)}). Start it with \`bash scripts/brokers.sh\` ` +
        '(installs nats-server with apt and starts `nats-server -js`), or set NATS_URL.',
    );
  }
  version = nc.info?.version ?? 'unknown';
  try {
    await (await nc.jetstreamManager()).getAccountInfo();
  } catch (error) {
    throw new Error(`the NATS server at ${servers} has no JetStream (${String(error)}); start it with \`nats-server -js\` (bash scripts/brokers.sh does).`);
  }
});
afterAll(async () => nc?.close());

const scenario = (id: string, js: Partial<JetStreamSettings> = {}, settings: Partial<Scenario['settings']> = {}): Scenario<JetStreamSettings> => {
  const s = findScenario(id, allScenarios);
  if (!s) throw new Error(`no scenario ${id}`);
  return { ...s, settings: { ...s.settings, ...settings }, broker: { ...((s.broker as JetStreamSettings | undefined) ?? jetstreamDefaults), ...js } };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stream and a durable pull consumer of our own, with the scenario's settings; deleted by `close`. */
async function setup(name: string, js: JetStreamSettings) {
  const jsm = await nc.jetstreamManager();
  const stream = `CONF_${name.replace(/\W/g, '_').toUpperCase()}_${process.pid}_${Date.now()}`;
  const subject = `conformance.${stream}`;
  await jsm.streams.add({ name: stream, subjects: [subject], duplicate_window: nanos(js.duplicateWindow) });
  await jsm.consumers.add(stream, { durable_name: 'billing', ack_policy: AckPolicy.Explicit, ack_wait: nanos(js.ackWait), max_deliver: js.maxDeliver });
  const seen: Observation[] = [];
  const ids = new Map<number, string>(); // stream sequence → Nats-Msg-Id
  // What the server says about messages it stops delivering.
  const advisories = nc.subscribe(`$JS.EVENT.ADVISORY.CONSUMER.>`);
  void (async () => {
    for await (const m of advisories) {
      if (!m.subject.endsWith(`.${stream}.billing`)) continue;
      const body = m.json<{ stream_seq: number }>();
      const reason = m.subject.includes('.MAX_DELIVERIES.') ? 'max_deliver' : m.subject.includes('.MSG_TERMINATED.') ? 'terminated' : null;
      const msg = ids.get(body.stream_seq);
      if (reason && msg) seen.push({ kind: 'deadLettered', msg, reason });
    }
  })();
  const client = nc.jetstream();
  const publish = async (id: string) => {
    const h = headers();
    h.set('Nats-Msg-Id', id);
    const ack = await client.publish(subject, new TextEncoder().encode(id), { headers: h });
    ids.set(ack.seq, id);
    seen.push({ kind: 'published', msg: id, outcome: ack.duplicate ? 'duplicate' : 'stored', seq: ack.seq });
  };
  /** One consumer process: its own connection, pulling one message at a time. */
  const consumer = async (label: string) => {
    const conn = await connect({ servers });
    const c = await conn.jetstream().consumers.get(stream, 'billing');
    return {
      /** Pulls one message (null if none comes within `ms`), recording it as delivered. */
      async pull(ms: number): Promise<JsMsg | null> {
        const m = await c.next({ expires: Math.max(ms, 1_000) });
        if (m)
          seen.push({
            kind: 'delivered',
            msg: new TextDecoder().decode(m.data),
            consumer: label,
            redelivered: m.redelivered,
            deliveryCount: m.info.deliveryCount,
            seq: m.seq,
          });
        return m;
      },
      close: () => conn.close(),
    };
  };
  return {
    seen,
    publish,
    consumer,
    async close() {
      advisories.unsubscribe();
      await jsm.streams.delete(stream);
    },
  };
}

/** Runs the simulator side and compares; records the outcome for the site. */
function judge(id: string, s: Scenario<JetStreamSettings>, faults: Planned[], real: Observation[], note: Words) {
  const sim = normalize(fromJetStreamTrace(simulate(s, faults)));
  const observed = normalize(real);
  const verdict = compare(sim, observed);
  record({ scenario: id, broker: 'NATS JetStream', version, outcome: verdict.ok ? 'same' : 'different', compared: observed, note });
  expect(verdict.ok, verdict.message).toBe(true);
}

describe('NATS JetStream', () => {
  for (const [id, base] of [
    ['jetstream-retry-after-window-inbox', 'jetstream-retry-after-window'],
    ['jetstream-ack-wait-expiry-inbox', 'jetstream-ack-wait-expiry'],
  ] as const) {
    recordNotChecked({ scenario: id, broker: 'NATS JetStream', reason: sameBroker(base) });
  }
  recordNotChecked({
    scenario: 'jetstream-poison-nak',
    broker: 'NATS JetStream',
    reason: {
      en: 'how many redeliveries fit before the run stops depends on wall-clock timing; the term variant, which ends, is checked',
      'zh-cn': '演示结束前能重投几次取决于真实时钟；会结束的 term 版本已经验证',
    },
  });

  it('jetstream-retry-inside-window: a retry with the same Nats-Msg-Id is answered duplicate and stored once', async () => {
    const s = scenario('jetstream-retry-inside-window');
    const js = await setup('inside', s.broker!);
    const c1 = await js.consumer('c1');
    await js.publish('order-42'); // its PubAck is "lost": the producer publishes again
    (await c1.pull(2_000))?.ack();
    await js.publish('order-42');
    expect(await c1.pull(1_000)).toBeNull();
    await c1.close();
    await js.close();
    judge(s.id, s, ['loseConfirm'], js.seen, {
      en: 'duplicate_window 2 min (the default); the retry follows at once instead of after 5 s',
      'zh-cn': 'duplicate_window 为 2 分钟（默认值）；重试紧接着发出，而不是等 5 秒',
    });
  });

  it('jetstream-retry-after-window (window shortened to 1 s): the retry is stored as a new sequence', async () => {
    const s = scenario('jetstream-retry-after-window', { duplicateWindow: 1_000 }, { confirmTimeout: 2_000 });
    const js = await setup('after', s.broker!);
    const c1 = await js.consumer('c1');
    await js.publish('order-42');
    (await c1.pull(2_000))?.ack();
    await sleep(2_000); // the retry comes after the window
    await js.publish('order-42');
    (await c1.pull(2_000))?.ack();
    await c1.close();
    await js.close();
    judge(s.id, s, ['loseConfirm'], js.seen, {
      en: 'duplicate_window shortened to 1 s, the retry sent after 2 s (2 min and 3 min on the site)',
      'zh-cn': 'duplicate_window 缩短为 1 秒，2 秒后重试（网站上是 2 分钟和 3 分钟）',
    });
  });

  it('jetstream-ack-wait-expiry (ack_wait shortened to 1 s): the message goes to the other consumer while the first still works', async () => {
    const s = scenario('jetstream-ack-wait-expiry', { ackWait: 1_000 });
    const js = await setup('ack-wait', s.broker!);
    const c1 = await js.consumer('c1');
    const c2 = await js.consumer('c2');
    await js.publish('order-42');
    const first = await c1.pull(2_000); // still working: no ack yet
    const second = await c2.pull(3_000);
    second?.ack();
    first?.ack(); // late, and accepted: nothing more arrives
    expect(await c2.pull(1_500)).toBeNull();
    await c1.close();
    await c2.close();
    await js.close();
    judge(s.id, s, ['exceedAckWait'], js.seen, {
      en: 'ack_wait shortened to 1 s (30 s on the site); consumer 1 acks only after consumer 2 got the redelivery',
      'zh-cn': 'ack_wait 缩短为 1 秒（网站上是 30 秒）；消费者 2 拿到重投之后，消费者 1 才 ack',
    });
  });

  it('jetstream-lost-ack (ack_wait shortened to 1 s): without the ack, the message comes back with num_delivered 2', async () => {
    const s = scenario('jetstream-lost-ack', { ackWait: 1_000 });
    const js = await setup('lost-ack', s.broker!);
    const c1 = await js.consumer('c1');
    await js.publish('order-42');
    await c1.pull(2_000); // its ack is "lost": never sent
    (await c1.pull(3_000))?.ack();
    expect(await c1.pull(1_500)).toBeNull();
    await c1.close();
    await js.close();
    judge(s.id, s, ['loseAck'], js.seen, {
      en: 'ack_wait shortened to 1 s (30 s on the site); the lost ack is an ack never sent',
      'zh-cn': 'ack_wait 缩短为 1 秒（网站上是 30 秒）；丢失的 ack 就是根本没发出去的 ack',
    });
  });

  it('jetstream-lost-ack-sync (ack_wait 3 s, AckSync retried after 0.5 s): the second ack lands and nothing is redelivered', async () => {
    const s = scenario('jetstream-lost-ack-sync', { ackWait: 3_000, ackSyncRetry: 500 });
    const js = await setup('ack-sync', s.broker!);
    const c1 = await js.consumer('c1');
    await js.publish('order-42');
    const m = await c1.pull(2_000); // the first AckSync is "lost": never sent
    await sleep(500);
    expect(await m?.ackAck()).toBe(true); // the retry, answered by the server
    expect(await c1.pull(4_000)).toBeNull(); // past ack_wait: no redelivery
    await c1.close();
    await js.close();
    judge(s.id, s, ['loseAck'], js.seen, {
      en: 'ack_wait shortened to 3 s and the AckSync retry to 0.5 s (30 s and 5 s on the site)',
      'zh-cn': 'ack_wait 缩短为 3 秒，AckSync 重试间隔缩短为 0.5 秒（网站上是 30 秒和 5 秒）',
    });
  });

  /** Naks the first `failures` deliveries, then acks; pulls until nothing more comes. */
  async function nakThenAck(id: string, maxDeliver: number, failures: number) {
    const s = scenario(id);
    const js = await setup(`max-deliver-${maxDeliver}`, { ...s.broker!, maxDeliver });
    const c1 = await js.consumer('c1');
    await js.publish('order-42');
    let failed = 0;
    for (let m = await c1.pull(2_000); m; m = await c1.pull(1_500)) {
      if (failed++ < failures) m.nak();
      else m.ack();
    }
    await sleep(200); // the advisory, if any, is on its way
    await c1.close();
    await js.close();
    return { s, seen: js.seen };
  }

  it('jetstream-max-deliver-low: after max_deliver (2) deliveries the server stops, with a MAX_DELIVERIES advisory', async () => {
    const { s, seen } = await nakThenAck('jetstream-max-deliver-low', 2, 2);
    judge(s.id, s, ['failDownstream', 'failDownstream'], seen, {
      en: 'max_deliver 2; two naks; the end is observed as the MAX_DELIVERIES advisory',
      'zh-cn': 'max_deliver 为 2；两次 nak；通过 MAX_DELIVERIES advisory 观察到停止投递',
    });
  });

  it('jetstream-max-deliver-default: with max_deliver -1 the third delivery is handled', async () => {
    const { s, seen } = await nakThenAck('jetstream-max-deliver-default', -1, 2);
    judge(s.id, s, ['failDownstream', 'failDownstream'], seen, {
      en: 'max_deliver -1 (the default); two naks, then an ack',
      'zh-cn': 'max_deliver 为 -1（默认值）；两次 nak 之后 ack',
    });
  });

  it('jetstream-poison-term: term stops redelivery of the poison message (MSG_TERMINATED advisory); the next message flows', async () => {
    const s = scenario('jetstream-poison-term');
    const js = await setup('term', s.broker!);
    const c1 = await js.consumer('c1');
    await js.publish('order-13');
    await js.publish('order-42');
    for (let m = await c1.pull(2_000); m; m = await c1.pull(1_500)) {
      if (new TextDecoder().decode(m.data) === 'order-13') m.term();
      else m.ack();
    }
    await sleep(200);
    await c1.close();
    await js.close();
    judge(s.id, s, [], js.seen, {
      en: 'order #13 always fails and is answered with term; the end is observed as the MSG_TERMINATED advisory',
      'zh-cn': '订单 #13 每次都失败，消费者回 term；通过 MSG_TERMINATED advisory 观察到停止投递',
    });
  });
});
