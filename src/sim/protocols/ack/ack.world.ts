import { deliveryTag, type ActorId, type ActorState, type Delivery, type Payload, type Timer } from '../../core/types';
import { initialActor } from '../../engine/actors';
import { busyCrashes, consumerCrash, consumersWhere, defineBroker, linksWhere, loseHead, type BrokerDef } from '../../engine/broker';
import {
  applyOutputs,
  consumerIds,
  dropHead,
  dropTimer,
  emptyWorld,
  handlerStep,
  sendTo,
  roleMachines,
  consumerLane,
  confirmTimedOut,
  settingRow,
  timerData,
  type Applied,
  type Env as KitEnv,
} from '../../engine/kit';
import { actorRef, attemptNote, type Protocol, type TokenView } from '../../engine/protocol';
import type { Scenario as AnyScenario } from '../../engine/scenario';
import type { TraceEvent, World } from '../../engine/world';
import { payloadMsgId } from '../../engine/quiet';
import { ackDefaults, type AckSettings } from './ack.settings';
import { brokerMachine, copyName, type AckTimer, type BrokerContext, type BrokerEvent } from './broker.machine';
import { consumerMachine, type ConsumerContext, type ConsumerEvent } from './consumer.machine';
import { producerMachine, type ProducerContext, type ProducerEvent } from './producer.machine';

/** A scenario on this broker, and a step's context: `broker` holds the settings. */
type Scenario = AnyScenario<AckSettings>;
type Env = KitEnv<AckSettings>;

/** The generic at-least-once world: one queue broker with per-delivery acks, like most brokers share. */
export type AckWorld = World<ProducerContext, BrokerContext, ConsumerContext>;

const machines = { producer: producerMachine, broker: brokerMachine, consumer: consumerMachine };

type AnyEvent = ProducerEvent | BrokerEvent | ConsumerEvent;

/** Sends one event to one actor through its machine. */
const send = (world: AckWorld, env: Env, actor: ActorId, event: AnyEvent): AckWorld => sendTo(world, env.tx, machines, actor, event);

/** The world before anything happens: every actor has run its entry actions. */
function initialWorld(scenario: Scenario): AckWorld {
  const s = scenario.settings;
  const consumers = consumerIds(scenario.consumers);
  const producer = initialActor<ProducerContext>(producerMachine, {
    messages: scenario.messages,
    confirmTimeout: s.confirmTimeout,
    maxAttempts: s.maxPublishAttempts,
  });
  const broker = initialActor<BrokerContext>(brokerMachine, {
    consumers,
    autoAck: scenario.autoAck,
    ackTimeout: s.ackTimeout,
    dedupWindow: s.dedupWindow,
    flush: (scenario.broker ?? ackDefaults).flush,
    flushInterval: (scenario.broker ?? ackDefaults).flushInterval,
  });
  let world = emptyWorld<AckWorld>('ack', scenario, producer.state, broker.state);
  world = applyOutputs(world, 'producer', producer.outputs);
  for (const id of consumers) {
    const c = initialActor<ConsumerContext>(consumerMachine, {
      id,
      autoAck: scenario.autoAck,
      restartDelay: s.restartDelay,
    });
    world = applyOutputs({ ...world, consumers: { ...world.consumers, [id]: c.state } }, id, c.outputs);
  }
  return world;
}

/** A consumer that holds a delivery: running its handler, or about to ack. */
const isBusy = (c: ActorState<ConsumerContext>) => c.value === 'processing' || c.value === 'acking';

/** Which consumer, if any, is still working on the delivery with this tag. */
function processorOf(world: AckWorld, tag: string): ActorId | null {
  for (const [id, c] of Object.entries(world.consumers)) {
    if (isBusy(c) && c.context.current && deliveryTag(c.context.current) === tag) return id as ActorId;
  }
  return null;
}

/** A busy consumer's next step: its handler's next operation, or the ack once the handler returned. */
function run(world: AckWorld, env: Env, actor: ActorId, c: ActorState<ConsumerContext>, delivery: Delivery): Applied<AckWorld> {
  if (c.value === 'acking') {
    const { autoAck } = env.scenario;
    const next = send(world, env, actor, { type: 'handler.returned' });
    return {
      world: next,
      events: [
        {
          time: world.time,
          actor,
          type: autoAck ? 'handler.finished' : 'ack.sent',
          msgId: delivery.msgId,
          count: delivery.count,
          explain: autoAck ? 'log.handler.finished' : 'log.ack.sent',
        },
      ],
    };
  }
  const r = handlerStep(world, env, actor, c, delivery);
  return { world: send(r.world, env, actor, r.completed), events: r.events };
}

/** A timer fired: a delayed envelope arrives, the producer's confirm timeout, the broker's flush or ack timeout, a consumer's restart. */
function fire(world: AckWorld, env: Env, timer: Timer): Applied<AckWorld> {
  const now = world.time;
  if (timer.owner === 'net') {
    if (!timer.envelope) return { world, events: [] };
    const { from, to, payload } = timer.envelope;
    return arrive(world, env, from, to, payload, []);
  }
  if (timer.owner === 'producer') return confirmTimedOut(world, (w) => send(w, env, 'producer', { type: 'confirm.timedOut' }));
  if (timer.owner === 'broker' && timer.name === 'flush') {
    const n = world.broker.context.unflushed.length;
    return {
      world: send(world, env, 'broker', { type: 'flush.due' }),
      events: [{ time: now, actor: 'broker', type: 'broker.flushed', explain: 'log.broker.flushed', detail: { n } }],
    };
  }
  if (timer.owner === 'broker') return expireAck(world, env, timerData<AckTimer>(timer).tag, false, []);
  // A consumer's restart timer.
  const actor = timer.owner as ActorId;
  return {
    world: send(world, env, actor, { type: 'consumer.restarted' }),
    events: [{ time: now, actor, type: 'consumer.restarted', explain: 'log.consumer.restarted' }],
  };
}

/** The envelope at the head of a link is held back for the scenario's network delay (a `net` timer brings it later). */
function delayMessage(world: AckWorld, target: string, env: Env): Applied<AckWorld> {
  const t = world.time;
  const { world: taken, head } = dropHead(world, target);
  const [from, to] = target.split('>') as [ActorId, ActorId];
  const msgId = payloadMsgId(head);
  const n = taken.timers.filter((x) => x.owner === 'net' && x.name.startsWith(`delay:${target}#`)).length + 1;
  const timer: Timer = { owner: 'net', name: `delay:${target}#${n}`, deadline: t + env.scenario.settings.networkDelay, envelope: { from, to, payload: head } };
  return {
    world: { ...taken, timers: [...taken.timers, timer] },
    events: [
      {
        time: t,
        actor: 'net',
        type: 'envelope.delayed',
        ...(msgId ? { msgId } : {}),
        explain: 'log.fault.delayMessage',
        detail: { what: head.kind, from, to },
      },
    ],
  };
}

/**
 * The broker's machine goes down: what it had not yet handed to the wire, and what was on its way to it
 * from the producer, is gone with the connections. Consumers' own requests are kept (they reconnect and
 * ask again, which comes to the same thing).
 */
function restartBroker(world: AckWorld, _target: string, env: Env): Applied<AckWorld> {
  const t = world.time;
  const events: TraceEvent[] = [];
  let next = world;
  const b = next.broker.context;
  const inMemory = new Set(b.unflushed);
  const requeued = b.unacked.filter((u) => !inMemory.has(copyName(u)));
  const lost = [...b.ready, ...b.unacked].filter((m) => inMemory.has(copyName(m)));
  const cut = (from: string, to: string) => from === 'broker' || (from === 'producer' && to === 'broker');
  for (const [l, queue] of Object.entries(next.net)) {
    const [from, to] = l.split('>') as [ActorId, ActorId];
    if (!cut(from, to)) continue;
    for (const p of queue) events.push(droppedEvent(t, p, to));
  }
  for (const x of next.timers)
    if (x.owner === 'net' && x.envelope && cut(x.envelope.from, x.envelope.to)) events.push(droppedEvent(t, x.envelope.payload, x.envelope.to));
  next = {
    ...next,
    net: Object.fromEntries(Object.entries(next.net).filter(([l]) => !cut(...(l.split('>') as [string, string])))),
    timers: next.timers.filter((x) => !(x.owner === 'net' && x.envelope && cut(x.envelope.from, x.envelope.to))),
  };
  next = send(next, env, 'broker', { type: 'fault.restartBroker' });
  events.unshift({ time: t, actor: 'broker', type: 'broker.restarted', explain: 'log.fault.restartBroker', detail: { requeued: requeued.length } });
  for (const m of lost)
    events.push({ time: t, actor: 'broker', type: 'message.lostInCrash', msgId: m.msgId, explain: 'log.message.lostInCrash', detail: { copy: m.copy } });
  for (const u of requeued) events.push(requeueEvent(t, u.msgId, u.count, u.consumer));
  return { world: next, events };
}

/** The log names both ends of the link a lost envelope was on. */
const ends = (link: string) => {
  const [from, to] = link.split('>') as [string, string];
  return { from, to };
};

/** The faults the generic queue's scenarios inject (their words are in ack.faults.ts). */
const faults: BrokerDef<AckWorld, AckSettings>['faults'] = {
  ...busyCrashes<AckWorld, AckSettings>(isBusy, machines, (fault) => `log.fault.${fault}`),
  // The consumer acked and then died: the next message is not its problem.
  crashConsumerAfterAck: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => c.value === 'idle' && c.context.lastAcked),
    apply: consumerCrash(machines, 'log.fault.crashConsumerAfterAck'),
  },
  loseAck: loseHead('ack', 'ack.lost', 'log.fault.loseAck', { detail: ends }),
  loseConfirm: loseHead('confirm', 'confirm.lost', 'log.fault.loseConfirm', { producerOnly: true, detail: ends }),
  losePublish: loseHead('publish', 'message.lost', 'log.fault.losePublish', { detail: ends }),
  delayMessage: { target: 'link', targets: (w) => linksWhere(w, () => true), apply: delayMessage },
  // The ack timeout of a delivery its consumer is still working on runs out now.
  expireAckTimeout: {
    target: 'broker',
    targets: (w) => w.broker.context.unacked.map(deliveryTag).filter((tag, i) => processorOf(w, tag) === w.broker.context.unacked[i]!.consumer),
    apply: (world, target, env) => expireAck(dropTimer(world, 'broker', `ack:${target}`), env, target, true, []),
  },
  restartBroker: { target: 'broker', targets: () => ['broker'], apply: restartBroker },
};

/** An envelope the broker's crash took with it. A lost confirm reads as one, so the duplicate it causes is explained the usual way. */
function droppedEvent(time: number, p: Payload, to: ActorId): TraceEvent {
  const msgId = payloadMsgId(p);
  const type = p.kind === 'confirm' ? 'confirm.lost' : p.kind === 'publish' ? 'message.lost' : 'envelope.dropped';
  return { time, actor: 'net', type, ...(msgId ? { msgId } : {}), explain: 'log.envelope.crashDropped', detail: { what: p.kind, to } };
}

const requeueEvent = (time: number, msgId: string, count: number, consumer: string): TraceEvent => ({
  time,
  actor: 'broker',
  type: 'message.requeued',
  msgId,
  count,
  explain: 'log.message.requeued',
  detail: { from: consumer },
});

/** An unacked delivery's ack timeout ran out: the broker hands the message out again. */
function expireAck(world: AckWorld, env: Env, tag: string, injected: boolean, events: TraceEvent[]) {
  const u = world.broker.context.unacked.find((x) => deliveryTag(x) === tag);
  const next = send(world, env, 'broker', { type: 'ackTimeout.expired', tag });
  events.push({
    time: world.time,
    actor: 'broker',
    type: 'ackTimeout.expired',
    ...(u ? { msgId: u.msgId, count: u.count } : {}),
    explain: injected ? 'log.fault.expireAckTimeout' : 'log.ackTimeout.expired',
    detail: { tag },
  });
  if (u) events.push(requeueEvent(world.time, u.msgId, u.count, u.consumer));
  return { world: next, events };
}

/** An envelope reaches its destination: turn it into the machine event and describe what happened. */
function arrive(world: AckWorld, env: Env, from: ActorId, to: ActorId, payload: Payload, events: TraceEvent[]) {
  const t = world.time;
  switch (payload.kind) {
    case 'publish': {
      const before = world.broker.context.copies[payload.msg.id] ?? 0;
      const next = send(world, env, 'broker', { type: 'message.published', msg: payload.msg, from, now: t });
      const stored = (next.broker.context.copies[payload.msg.id] ?? 0) > before;
      events.push({
        time: t,
        actor: 'broker',
        type: stored ? 'message.stored' : 'message.deduplicated',
        msgId: payload.msg.id,
        explain: stored
          ? before > 0
            ? 'log.message.storedAgain'
            : world.broker.context.flush === 'async'
              ? 'log.message.storedUnflushed'
              : 'log.message.stored'
          : 'log.message.deduplicated',
        detail: { copy: next.broker.context.copies[payload.msg.id] ?? 0 },
      });
      return { world: next, events };
    }
    case 'confirm': {
      const next = send(world, env, 'producer', { type: 'confirm.received', msgId: payload.msgId });
      events.push({ time: t, actor: 'producer', type: 'confirm.received', msgId: payload.msgId, explain: 'log.confirm.received' });
      return { world: next, events };
    }
    case 'deliver': {
      const c = world.consumers[to];
      const accepted = c?.value === 'idle' && c.context.channel === payload.delivery.channel;
      const next = send(world, env, to, { type: 'message.delivered', delivery: payload.delivery });
      const d = payload.delivery;
      events.push({
        time: t,
        actor: to,
        type: accepted ? 'message.delivered' : 'delivery.discarded',
        msgId: d.msgId,
        count: d.count,
        redelivered: d.redelivered,
        explain: accepted ? (d.redelivered ? 'log.message.redelivered' : 'log.message.delivered') : 'log.delivery.discarded',
        detail: { copy: d.copy },
      });
      return { world: next, events };
    }
    case 'ack': {
      const known = world.broker.context.unacked.some((u) => deliveryTag(u) === payload.tag && u.channel === payload.channel && u.consumer === from);
      const next = send(world, env, 'broker', { type: 'ack.received', consumer: from, channel: payload.channel, tag: payload.tag });
      const msgId = payloadMsgId(payload);
      events.push({
        time: t,
        actor: 'broker',
        type: known ? 'ack.received' : 'ack.ignored',
        ...(msgId ? { msgId } : {}),
        explain: known ? 'log.ack.received' : 'log.ack.ignored',
        detail: { from },
      });
      return { world: next, events };
    }
    case 'ready': {
      const next = send(world, env, 'broker', { type: 'consumer.ready', consumer: from, channel: payload.channel });
      return { world: next, events };
    }
    case 'closed': {
      if (to === 'broker') {
        const requeued = world.broker.context.unacked.filter((u) => u.consumer === from && u.channel === payload.channel);
        const next = send(world, env, 'broker', { type: 'connection.closed', consumer: from, channel: payload.channel });
        events.push({
          time: t,
          actor: 'broker',
          type: 'connection.closed',
          explain: 'log.connection.closed',
          detail: { consumer: from, requeued: requeued.length },
        });
        for (const u of requeued) events.push(requeueEvent(t, u.msgId, u.count, u.consumer));
        return { world: next, events };
      }
      const next = send(world, env, to, { type: 'connection.closed', channel: payload.channel });
      return { world: next, events };
    }
    default:
      throw new Error(`the generic queue does not carry ${payload.kind}`);
  }
}

/** The generic at-least-once protocol (the concept chapters' broker). */
export const ackProtocol: Protocol<AckWorld, AckSettings> = defineBroker<AckWorld, AckSettings>({
  id: 'ack',
  title: 'Queue',
  // Work goes to consumers in the order they asked for it (the credit list), never by id.
  symmetricConsumers: true,
  initialWorld,
  isBusy,
  run,
  arrive: (world, env, from, to, payload) => arrive(world, env, from, to, payload, []),
  fire,
  faults,
  machines: roleMachines(machines),
  view: (world, scenario) => {
    const b = world.broker.context;
    // Messages still held (queued or unacked) that exist only in memory: a crash now would erase them.
    const unflushed = new Set(b.unflushed);
    const inMemory = [...b.ready, ...b.unacked]
      .filter((m) => unflushed.has(copyName(m)))
      .map((m) => scenario.messages.find((x) => x.id === m.msgId)?.name ?? { en: m.msgId, 'zh-cn': m.msgId });
    const p = world.producer;
    const stored = (m: { msgId: string; copy: number; count: number }): TokenView => ({
      msg: m.msgId,
      ...(m.copy > 1 ? { text: `(${m.copy})` } : {}),
      count: m.count,
      redelivered: m.count > 0,
      kind: 'stored',
    });
    return {
      producer: { state: p.value, sections: [], notes: p.context.attempt > 1 ? [attemptNote(p.context.attempt)] : [] },
      broker: {
        state: world.broker.value,
        sections: [
          { label: { en: 'Queue', 'zh-cn': '队列' }, tokens: b.ready.map(stored) },
          ...(b.autoAck
            ? []
            : [
                {
                  label: { en: 'Unacked', 'zh-cn': '未确认' },
                  tokens: b.unacked.map((u) => ({
                    msg: u.msgId,
                    text: `→ ${actorRef(u.consumer)}`,
                    count: u.count,
                    redelivered: u.count > 1,
                    kind: 'unacked',
                  })),
                },
              ]),
        ],
        notes:
          inMemory.length > 0
            ? [{ en: `not on disk yet: ${inMemory.map((m) => m.en).join(', ')}`, 'zh-cn': `尚未刷盘：${inMemory.map((m) => m['zh-cn']).join('、')}` }]
            : [],
      },
      consumers: Object.fromEntries(Object.entries(world.consumers).map(([id, c]) => [id, consumerLane(c)])),
    };
  },
  settings: (scenario) => {
    // Shown only where a scenario chooses how the broker flushes (the chapter on not losing messages).
    if (!scenario.broker) return [];
    const s = scenario.broker;
    const flush = (f: 'sync' | 'async', every: number) =>
      f === 'sync' ? { en: 'before the confirm', 'zh-cn': '确认之前' } : { en: `after the confirm, every ${every} ms`, 'zh-cn': `确认之后，每 ${every} 毫秒` };
    return [
      // The generic queue has no default worth comparing with: real brokers differ (RocketMQ flushes async by default).
      settingRow({ en: 'flush to disk', 'zh-cn': '刷盘' }, flush(s.flush, s.flushInterval), flush(s.flush, s.flushInterval), 'server'),
      settingRow(
        { en: 'publish retry after', 'zh-cn': '发布重试间隔' },
        `${scenario.settings.confirmTimeout / 1000} s`,
        `${scenario.settings.confirmTimeout / 1000} s`,
        'client',
      ),
    ];
  },
});
