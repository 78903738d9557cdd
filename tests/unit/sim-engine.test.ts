import { describe, expect, it } from 'vitest';
import {
  protocolOf,
  ackScenarios,
  check,
  createTimeline,
  currentWorld,
  enabledSteps,
  inject,
  runUntilQuiescent,
  stepBack,
  stepForward,
  stepKey,
  traceOf,
  type Scenario,
  type Timeline,
  type TraceEvent,
} from '../../src/sim';

const scenario = (id: string, patch: Partial<Scenario> = {}): Scenario => {
  const s = ackScenarios.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return { ...s, ...patch };
};

/**
 * Steps forward until a step whose key starts with `prefix` is enabled, then takes it. With `hold`,
 * steps starting with that prefix are not taken meanwhile (that actor is kept waiting).
 */
function takeWhenEnabled(tl: Timeline, prefix: string, hold?: string): Timeline {
  let t = tl;
  for (let i = 0; i < 200; i++) {
    const steps = enabledSteps(currentWorld(t)).map(stepKey);
    const wanted = steps.find((k) => k.startsWith(prefix));
    if (wanted) return inject(t, wanted);
    if (hold) {
      const other = steps.find((k) => !k.startsWith('f:') && !k.startsWith(hold));
      if (!other) break;
      t = inject(t, other);
      continue;
    }
    const next = stepForward(t);
    if (next === t) break;
    t = next;
  }
  throw new Error(`“${prefix}” never became possible`);
}

const types = (trace: TraceEvent[]) => trace.map((e) => e.type);
const ledger = (tl: Timeline) => currentWorld(tl).stores.ledger['order-42'] ?? 0;
const play = (tl: Timeline, ...faults: string[]) => runUntilQuiescent(faults.reduce((t, f) => takeWhenEnabled(t, f), tl));

describe('faults', () => {
  it('auto-ack + crash before the write: the broker already forgot the message, so it is lost', () => {
    const tl = play(createTimeline(scenario('auto-ack-crash')), 'f:crashConsumerBeforeEffect');
    const trace = traceOf(tl);
    expect(types(trace)).toContain('consumer.crashed');
    expect(types(trace)).not.toContain('message.requeued');
    expect(trace.filter((e) => e.type === 'message.delivered')).toHaveLength(1);
    expect(ledger(tl)).toBe(0);
  });

  it('manual ack + crash after the write: the connection closes, the message is requeued and charged again', () => {
    const tl = play(createTimeline(scenario('manual-ack-crash-after-effect')), 'f:crashConsumerAfterEffect');
    const trace = traceOf(tl);
    const crash = types(trace).indexOf('consumer.crashed');
    const requeue = types(trace).indexOf('message.requeued');
    const redelivery = trace.find((e) => e.type === 'message.delivered' && e.redelivered);
    expect(crash).toBeGreaterThan(-1);
    expect(requeue).toBeGreaterThan(crash);
    expect(redelivery).toMatchObject({ msgId: 'order-42', count: 2, redelivered: true, explain: 'log.message.redelivered' });
    expect(ledger(tl)).toBe(2);
  });

  it('crash after the ack: nothing is redelivered and the order is charged once', () => {
    const s = scenario('manual-ack-crash-after-effect', { faults: { crashConsumerAfterAck: 1 } });
    const tl = play(createTimeline(s), 'f:crashConsumerAfterAck');
    expect(types(traceOf(tl))).toContain('consumer.crashed');
    expect(traceOf(tl).some((e) => e.redelivered)).toBe(false);
    expect(ledger(tl)).toBe(1);
  });

  it('a crash-after-write fault is offered only once the write has happened', () => {
    let tl = createTimeline(scenario('manual-ack-crash-after-effect', { faults: { crashConsumerAfterEffect: 1, crashConsumerBeforeEffect: 1 } }));
    const offered = (t: Timeline) =>
      enabledSteps(currentWorld(t))
        .map(stepKey)
        .filter((k) => k.startsWith('f:'));
    expect(offered(tl)).toEqual([]); // nothing delivered yet
    while (!types(traceOf(tl)).includes('message.delivered')) tl = stepForward(tl);
    expect(offered(tl)).toEqual(['f:crashConsumerBeforeEffect:c1']);
    while (!types(traceOf(tl)).includes('handler.effect')) tl = stepForward(tl);
    expect(offered(tl)).toEqual(['f:crashConsumerAfterEffect:c1']);
  });

  it('a lost ack is noticed only when the 30 s ack timeout expires, then the message is redelivered', () => {
    const s = scenario('manual-ack-crash-after-effect', { faults: { loseAck: 1 } });
    const tl = play(createTimeline(s), 'f:loseAck');
    const trace = traceOf(tl);
    const expiry = trace.find((e) => e.type === 'ackTimeout.expired');
    expect(types(trace)).toContain('ack.lost');
    expect(expiry).toMatchObject({ time: 30_000, explain: 'log.ackTimeout.expired' });
    expect(trace.filter((e) => e.type === 'message.delivered').map((e) => e.count)).toEqual([1, 2]);
    expect(ledger(tl)).toBe(2);
  });

  it('a lost publisher confirm makes the producer publish again after 5 s and the broker store a second copy', () => {
    const tl = play(createTimeline(scenario('lost-confirm-retry')), 'f:loseConfirm');
    const trace = traceOf(tl);
    expect(trace.find((e) => e.type === 'message.republished')).toMatchObject({ time: 5_000, detail: { attempt: 2 } });
    expect(trace.filter((e) => e.type === 'message.stored').map((e) => e.detail?.copy)).toEqual([1, 2]);
    expect(ledger(tl)).toBe(2);
  });

  it('a broker dedup window drops the retry, but not when the retry comes after the window', () => {
    const inside = play(createTimeline(scenario('lost-confirm-dedup-window')), 'f:loseConfirm');
    expect(types(traceOf(inside))).toContain('message.deduplicated');
    expect(ledger(inside)).toBe(1);
    const after = play(createTimeline(scenario('retry-after-dedup-window')), 'f:loseConfirm');
    expect(types(traceOf(after))).not.toContain('message.deduplicated');
    expect(ledger(after)).toBe(2);
  });

  it('an expired ack timeout hands the message to a second consumer while the first is still working', () => {
    const tl = play(createTimeline(scenario('check-then-insert-race')), 'f:expireAckTimeout');
    const deliveries = traceOf(tl).filter((e) => e.type === 'message.delivered');
    expect(deliveries.map((e) => [e.actor, e.count])).toEqual([
      ['c1', 1],
      ['c2', 2],
    ]);
  });

  it('restarting the broker requeues every unacked delivery and the consumer reconnects', () => {
    const s = scenario('manual-ack-crash-after-effect', { faults: { restartBroker: 1 } });
    const tl = play(createTimeline(s), 'r:c1', 'f:restartBroker');
    const trace = traceOf(tl);
    expect(trace.find((e) => e.type === 'broker.restarted')).toMatchObject({ detail: { requeued: 1 } });
    expect(trace.filter((e) => e.type === 'message.delivered').map((e) => e.redelivered)).toEqual([false, true]);
  });

  it('a delayed confirm arrives after the producer has already retried', () => {
    const s = scenario('lost-confirm-retry', { faults: { delayMessage: 1 } });
    const tl = play(createTimeline(s), 'f:delayMessage:broker>producer');
    const order = types(traceOf(tl)).filter((t) => ['envelope.delayed', 'message.republished', 'confirm.received'].includes(t));
    expect(order).toEqual(['envelope.delayed', 'message.republished', 'confirm.received', 'confirm.received']);
  });
});

describe('a broker crash (the chapter on not losing messages)', () => {
  type Queue = { ready: { msgId: string }[]; unflushed: string[] };
  const queueOf = (tl: Timeline) => currentWorld(tl).broker.context as Queue;
  /** Steps along the default run (what Play shows) until `until` holds, then crashes the broker's machine and plays on. */
  const crashWhen = (id: string, until: (tl: Timeline) => boolean) => {
    let tl = createTimeline(scenario(id));
    for (let i = 0; i < 50 && !until(tl); i++) tl = stepForward(tl);
    expect(until(tl)).toBe(true);
    return { before: tl, after: runUntilQuiescent(inject(tl, 'f:restartBroker:broker')) };
  };
  /** The producer has both confirms and order #43 waits in the queue. */
  const backlog = (tl: Timeline) => currentWorld(tl).producer.value === 'finished' && queueOf(tl).ready.some((m) => m.msgId === 'order-43');
  /** Order #42 has just been stored; its confirm is still on the wire. */
  const confirmInFlight = (tl: Timeline) => (tl.frames[tl.cursor]?.events ?? []).some((e) => e.type === 'message.stored' && e.msgId === 'order-42');
  const charged = (tl: Timeline, key: string) => currentWorld(tl).stores.ledger[key] ?? 0;

  it('flushed after the confirm: a crash with order #43 confirmed and queued erases it; the producer never sends it again', () => {
    const { before, after } = crashWhen('broker-crash-async-flush', backlog);
    expect(queueOf(before).unflushed).toContain('order-43/1');
    // The broker lane names what a crash would erase now: #43 (queued); #42 was acked, so it is not listed.
    expect(protocolOf('ack').view(currentWorld(before), scenario('broker-crash-async-flush')).broker.notes).toEqual([
      { en: 'not on disk yet: order #43', 'zh-cn': '尚未刷盘：订单 #43' },
    ]);
    const trace = traceOf(after);
    expect(trace.find((e) => e.type === 'message.stored' && e.msgId === 'order-43')?.explain).toBe('log.message.storedUnflushed');
    expect(trace.filter((e) => e.type === 'message.lostInCrash').map((e) => e.msgId)).toEqual(['order-43']);
    expect(types(trace)).not.toContain('message.republished');
    expect(charged(after, 'order-42')).toBe(1);
    expect(charged(after, 'order-43')).toBe(0);
  });

  it('the background flush runs 500 ms later; after it, a crash loses nothing', () => {
    let tl = runUntilQuiescent(createTimeline(scenario('broker-crash-async-flush')));
    expect(traceOf(tl).find((e) => e.type === 'broker.flushed')).toMatchObject({ time: 500, detail: { n: 2 } });
    expect(queueOf(tl).unflushed).toEqual([]);
    tl = runUntilQuiescent(inject(tl, 'f:restartBroker:broker'));
    expect(types(traceOf(tl))).not.toContain('message.lostInCrash');
  });

  it('flushed before the confirm: the same crash loses nothing, and #43 is charged once after the restart', () => {
    const { after } = crashWhen('broker-crash-sync-flush', backlog);
    expect(types(traceOf(after))).not.toContain('message.lostInCrash');
    expect(charged(after, 'order-42')).toBe(1);
    expect(charged(after, 'order-43')).toBe(1);
  });

  it('flushed before the confirm, a crash with the confirm on the wire: the producer re-sends after 5 s and order #42 is stored and charged twice', () => {
    const { after } = crashWhen('broker-crash-sync-flush', confirmInFlight);
    const trace = traceOf(after);
    expect(trace.find((e) => e.type === 'confirm.lost')?.explain).toBe('log.envelope.crashDropped');
    expect(trace.find((e) => e.type === 'message.republished')).toMatchObject({ msgId: 'order-42', time: 5_000 });
    expect(trace.filter((e) => e.type === 'message.stored' && e.msgId === 'order-42').map((e) => e.explain)).toEqual([
      'log.message.stored',
      'log.message.storedAgain',
    ]);
    expect(charged(after, 'order-42')).toBe(2);
    expect(charged(after, 'order-43')).toBe(1);
  });

  it('flushed before the confirm, a crash while #42 is unacked: it comes back redelivered and is charged twice', () => {
    const { after } = crashWhen('broker-crash-sync-flush', (tl) => currentWorld(tl).consumers.c1?.value === 'acking');
    const trace = traceOf(after);
    expect(trace.find((e) => e.type === 'broker.restarted')).toMatchObject({ detail: { requeued: 1 } });
    expect(trace.filter((e) => e.type === 'message.delivered' && e.msgId === 'order-42').map((e) => e.redelivered)).toEqual([false, true]);
    expect(charged(after, 'order-42')).toBe(2);
  });

  it('with the inbox in the consumer, each of those crashes loses nothing and charges once', () => {
    for (const until of [backlog, confirmInFlight, (tl: Timeline) => currentWorld(tl).consumers.c1?.value === 'acking']) {
      const { after } = crashWhen('broker-crash-sync-flush-inbox', until);
      expect(charged(after, 'order-42')).toBe(1);
      expect(charged(after, 'order-43')).toBe(1);
    }
  });
});

describe('consumer strategies', () => {
  const crashAfterWrite = (strategy: Scenario['strategy']) =>
    play(createTimeline(scenario('manual-ack-crash-after-effect', { strategy })), 'f:crashConsumerAfterEffect');

  it('none: the redelivery charges again', () => {
    expect(ledger(crashAfterWrite('none'))).toBe(2);
  });

  it('in-memory processed set: the restarted consumer has forgotten the id and charges again', () => {
    const tl = crashAfterWrite('processedSet');
    expect(
      traceOf(tl)
        .filter((e) => e.type === 'handler.memoCheck')
        .map((e) => e.explain),
    ).toEqual(['log.op.memoMiss', 'log.op.memoMiss']);
    expect(ledger(tl)).toBe(2);
  });

  it('SETNX before processing: a crash before the write makes the redelivery skip it — the charge is lost', () => {
    const tl = play(createTimeline(scenario('setnx-before-crash')), 'r:c1', 'f:crashConsumerBeforeEffect');
    expect(
      traceOf(tl)
        .filter((e) => e.type === 'handler.setnx')
        .map((e) => e.explain),
    ).toEqual(['log.op.setnxSet', 'log.op.setnxExists']);
    expect(ledger(tl)).toBe(0);
  });

  it('SETNX with a TTL shorter than the redelivery: the key expires first and the order is charged twice', () => {
    const tl = play(createTimeline(scenario('setnx-ttl-shorter-than-redelivery')), 'f:loseAck');
    const trace = traceOf(tl);
    expect(trace.find((e) => e.type === 'cache.expired')?.time).toBe(10_000);
    expect(trace.find((e) => e.type === 'ackTimeout.expired')?.time).toBe(30_000);
    expect(ledger(tl)).toBe(2);
  });

  it('check-then-insert: two concurrent deliveries both see “absent” and both write', () => {
    let tl = createTimeline(scenario('check-then-insert-race'));
    tl = takeWhenEnabled(tl, 'r:c1'); // c1 checks: absent
    tl = takeWhenEnabled(tl, 'f:expireAckTimeout'); // c1 is slow: the broker hands the message to c2
    tl = takeWhenEnabled(tl, 'r:c2', 'r:c1'); // c2 checks while c1 is held: absent
    tl = runUntilQuiescent(tl);
    expect(
      traceOf(tl)
        .filter((e) => e.type === 'handler.dbCheck')
        .map((e) => e.explain),
    ).toEqual(['log.op.dbMiss', 'log.op.dbMiss']);
    expect(ledger(tl)).toBe(2);
  });

  it('inbox row in the same transaction: the redelivery hits the unique key and does nothing', () => {
    const tl = crashAfterWrite('inboxInTransaction');
    expect(
      traceOf(tl)
        .filter((e) => e.type === 'handler.inboxTx')
        .map((e) => e.explain),
    ).toEqual(['log.op.inboxInsert', 'log.op.inboxDuplicate']);
    expect(ledger(tl)).toBe(1);
  });

  it('upsert: setting the state twice changes it once', () => {
    const tl = crashAfterWrite('upsert');
    expect(
      traceOf(tl)
        .filter((e) => e.type === 'handler.upsert')
        .map((e) => e.explain),
    ).toEqual(['log.op.upsert', 'log.op.upsertNoChange']);
    expect(ledger(tl)).toBe(1);
  });
});

describe('timeline', () => {
  it('back restores the earlier frame exactly, and forward again reuses it', () => {
    let tl = createTimeline(scenario('manual-ack-crash-after-effect'));
    tl = stepForward(stepForward(stepForward(tl)));
    const before = currentWorld(tl);
    const forward = stepForward(tl);
    expect(currentWorld(stepBack(forward))).toBe(before);
    expect(currentWorld(stepForward(stepBack(forward)))).toBe(currentWorld(forward));
  });

  it('injecting a fault forks: the future after the cursor is replaced', () => {
    let tl = runUntilQuiescent(createTimeline(scenario('manual-ack-crash-after-effect')));
    expect(ledger(tl)).toBe(1);
    while (!types(traceOf(tl)).includes('handler.effect') || types(traceOf(tl)).includes('ack.sent')) tl = stepBack(tl);
    tl = runUntilQuiescent(inject(tl, 'f:crashConsumerAfterEffect:c1'));
    expect(ledger(tl)).toBe(2);
  });

  it('a fault that cannot happen at the cursor is refused with a replay error', () => {
    const tl = createTimeline(scenario('manual-ack-crash-after-effect'));
    expect(() => inject(tl, 'f:crashConsumerAfterEffect:c1')).toThrow(/cannot happen here/);
  });
});

describe('checker', () => {
  for (const s of ackScenarios) {
    it(`${s.id}: the verdict is the declared one (${JSON.stringify(s.expected)})`, () => {
      const result = check(s);
      expect(result.verdicts).toEqual(s.expected);
      expect(['exhausted', 'violated']).toContain(result.end);
      expect(result.states).toBeGreaterThan(1);
    });
  }

  it('stops at the state bound and says the verdict is unknown, not “holds”', () => {
    const result = check(scenario('inbox-in-transaction'), { maxStates: 50 });
    expect(result.end).toBe('limit');
    expect(result.verdicts).toEqual({ noDuplicateSideEffect: 'unknown', noMessageLost: 'unknown' });
  });

  it('can be cancelled through its progress callback', () => {
    let calls = 0;
    const result = check(scenario('inbox-in-transaction'), { progressEvery: 100, shouldCancel: () => ++calls >= 2 });
    expect(result.end).toBe('cancelled');
    expect(result.states).toBeLessThan(400);
  });

  it('the counterexample for a crash after the write is the 11-step story a reader expects', () => {
    const result = check(scenario('manual-ack-crash-after-effect'));
    const steps = result.counterexamples.noDuplicateSideEffect?.steps ?? [];
    expect(steps).toContain('f:crashConsumerAfterEffect:c1');
    expect(steps.filter((k) => k === 'd:broker>c1')).toHaveLength(2); // delivered, then redelivered
    expect(steps.length).toBe(11);
  });
});

describe('checker timing', () => {
  it('reports its duration only through the clock the caller passes in', () => {
    let t = 1000;
    const result = check(scenario('manual-ack-crash-after-effect'), { now: () => (t += 5) });
    expect(result.ms).toBe(5);
    expect(check(scenario('manual-ack-crash-after-effect')).ms).toBeNull();
  });
});
