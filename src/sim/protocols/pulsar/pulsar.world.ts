import type { ActorId, ActorState, Delivery, Payload, Timer } from '../../core/types';
import { initialActor } from '../../engine/actors';
import { busyCrashes, consumersWhere, defineBroker, linksWhere, type BrokerDef } from '../../engine/broker';
import {
  applyOutputs,
  consumerIds,
  consumerLane,
  deadLetter,
  durationText,
  dropHead,
  dropTimer,
  emptyWorld,
  handlerStep,
  roleMachines,
  sendTo,
  settingRow,
  timerData,
  type Applied,
  type Env as KitEnv,
} from '../../engine/kit';
import { actorRef, attemptNote, type Protocol, type SettingView } from '../../engine/protocol';
import type { Scenario as AnyScenario } from '../../engine/scenario';
import type { TraceEvent, World } from '../../engine/world';
import { pulsarBrokerMachine, isDuplicateSend, type PulsarBrokerContext, type PulsarBrokerEvent } from './broker.machine';
import { goesToDlq, pulsarConsumerMachine, type PulsarConsumerContext, type PulsarConsumerEvent, type PulsarConsumerTimer } from './consumer.machine';
import { pulsarProducerMachine, type PulsarProducerContext, type PulsarProducerEvent } from './producer.machine';
import { fixedProducerName, pulsarDefaults, type PulsarSettings } from './pulsar.settings';

/** A scenario on this broker, and a step's context: `broker` holds the settings. */
type Scenario = AnyScenario<PulsarSettings>;
type Env = KitEnv<PulsarSettings>;

/** A Pulsar world: a producer with an outbox, a broker with topic `orders` and subscription `billing`, consumers. */
export type PulsarWorld = World<PulsarProducerContext, PulsarBrokerContext, PulsarConsumerContext>;

const machines = { producer: pulsarProducerMachine, broker: pulsarBrokerMachine, consumer: pulsarConsumerMachine };
const send = (world: PulsarWorld, env: Env, actor: ActorId, event: PulsarBrokerEvent | PulsarConsumerEvent | PulsarProducerEvent) =>
  sendTo(world, env.tx, machines, actor, event);
const settingsOf = (s: Scenario) => s.broker ?? pulsarDefaults;

function initialWorld(scenario: Scenario): PulsarWorld {
  const p = settingsOf(scenario);
  const s = scenario.settings;
  const producer = initialActor<PulsarProducerContext>(pulsarProducerMachine, {
    messages: scenario.messages,
    producerName: p.producerName,
    sequenceIds: p.sequenceIds,
    restartDelay: s.restartDelay,
  });
  const broker = initialActor<PulsarBrokerContext>(pulsarBrokerMachine, {
    subscriptionType: p.subscriptionType,
    brokerDeduplicationEnabled: p.brokerDeduplicationEnabled,
  });
  let world = applyOutputs(emptyWorld<PulsarWorld>('pulsar', scenario, producer.state, broker.state), 'producer', [
    { kind: 'startTimer', name: 'start', after: 0 },
  ]);
  for (const id of consumerIds(scenario.consumers)) {
    const c = initialActor<PulsarConsumerContext>(pulsarConsumerMachine, {
      id,
      restartDelay: s.restartDelay,
      ackTimeoutMillis: p.ackTimeoutMillis,
      negativeAckRedeliveryDelay: p.negativeAckRedeliveryDelay,
      maxRedeliverCount: p.maxRedeliverCount,
      acknowledgmentGroupTime: p.acknowledgmentGroupTime,
    });
    world = applyOutputs({ ...world, consumers: { ...world.consumers, [id]: c.state } }, id, c.outputs);
  }
  return world;
}

const isBusy = (c: ActorState<PulsarConsumerContext>) => (c.value === 'processing' || c.value === 'acking') && c.context.current !== null;
const msgOfEntry = (world: PulsarWorld, entry: number) => world.broker.context.log[entry]?.msgId;
/** The event field naming the message of the only entry in a list, if there is one. */
const aboutEntries = (world: PulsarWorld, entries: readonly number[]): { msgId?: string } => {
  const msgId = entries.length === 1 ? msgOfEntry(world, entries[0]!) : undefined;
  return msgId ? { msgId } : {};
};
const entriesText = (entries: readonly number[]) => entries.join(', ');

/** The consumer's answer to a failed handler: a negative ack. */
const nacked = (world: PulsarWorld, actor: ActorId, d: Delivery): TraceEvent => ({
  time: world.time,
  actor,
  type: 'nack.sent',
  msgId: d.msgId,
  count: d.count,
  explain: 'pulsar.nack',
  detail: { delay: durationText(world.consumers[actor]!.context.negativeAckRedeliveryDelay) },
});

/** A busy consumer's next step: its handler's next operation, or acknowledge() once the handler returned. */
function run(world: PulsarWorld, env: Env, actor: ActorId, c: ActorState<PulsarConsumerContext>, d: Delivery): Applied<PulsarWorld> {
  if (c.value === 'acking') {
    const next = send(world, env, actor, { type: 'handler.returned' });
    const grouped = c.context.acknowledgmentGroupTime > 0;
    return {
      world: next,
      events: [
        {
          time: world.time,
          actor,
          type: grouped ? 'ack.buffered' : 'ack.sent',
          msgId: d.msgId,
          count: d.count,
          explain: grouped ? 'pulsar.ack.buffered' : 'pulsar.ack.sent',
          detail: { group: durationText(c.context.acknowledgmentGroupTime) },
        },
      ],
    };
  }
  const r = handlerStep(world, env, actor, c, d);
  const next = send(r.world, env, actor, r.completed);
  return { world: next, events: r.completed.failed ? [...r.events, nacked(world, actor, d)] : r.events };
}

/** A timer fired: the producer's start or restart, a consumer's ack flush, nack delay, ack timeout or restart. */
function fire(world: PulsarWorld, env: Env, timer: Timer): Applied<PulsarWorld> {
  const now = world.time;
  if (timer.owner === 'producer' && timer.name === 'start') return { world: send(world, env, 'producer', { type: 'producer.started' }), events: [] };
  if (timer.owner === 'producer') {
    const next = send(world, env, 'producer', { type: 'producer.restarted' });
    return {
      world: next,
      events: [
        { time: now, actor: 'producer', type: 'producer.restarted', explain: 'pulsar.producer.restarted', detail: { name: next.producer.context.name } },
      ],
    };
  }
  const actor = timer.owner as ActorId;
  const c = world.consumers[actor]!;
  if (timer.name === 'ackFlush') {
    const next = send(world, env, actor, { type: 'ackFlush.due' });
    const entries = c.context.ackBuffer;
    return {
      world: next,
      events: [
        {
          time: now,
          actor,
          type: 'ack.flushed',
          ...aboutEntries(world, entries),
          explain: 'pulsar.ack.flushed',
          detail: { entries: entriesText(entries) },
        },
      ],
    };
  }
  if (timer.name === 'restart') {
    const next = send(world, env, actor, { type: 'consumer.restarted' });
    return { world: next, events: [{ time: now, actor, type: 'consumer.restarted', explain: 'pulsar.consumer.restarted' }] };
  }
  const data = timerData<PulsarConsumerTimer>(timer);
  if (data.kind === 'nack') {
    const m = c.context.nacked.find((x) => x.entry === data.entry);
    const next = send(world, env, actor, { type: 'nack.due', entry: data.entry });
    const dlq = !!m && goesToDlq(c.context, m);
    return {
      world: next,
      events: m
        ? [
            {
              time: now,
              actor,
              type: dlq ? 'deadLetter.sent' : 'redeliver.requested',
              msgId: m.delivery.msgId,
              explain: dlq ? 'pulsar.dlq.sent' : 'pulsar.nack.due',
              detail: { rc: m.redeliveryCount, max: c.context.maxRedeliverCount ?? '' },
            },
          ]
        : [],
    };
  }
  return ackTimedOut(world, env, actor, data.entry, 'pulsar.ackTimeout');
}

/** The ack timeout ran out for `entry` on `actor`: the client asks the broker for it again. */
function ackTimedOut(world: PulsarWorld, env: Env, actor: ActorId, entry: number, explain: string): Applied<PulsarWorld> {
  const c = world.consumers[actor]!;
  const next = send(world, env, actor, { type: 'ackTimeout.expired', entry });
  return {
    world: next,
    events: [
      {
        time: world.time,
        actor,
        type: 'ackTimeout.expired',
        ...(c.context.current ? { msgId: c.context.current.msgId, count: c.context.current.count } : {}),
        explain,
        detail: { after: durationText(c.context.ackTimeoutMillis) },
      },
    ],
  };
}

/** A consumer process dies: the broker will see its connection close. */
function crashWith(explain: string) {
  return (world: PulsarWorld, actor: ActorId, env: Env, before: PulsarWorld): Applied<PulsarWorld> => {
    const c = before.consumers[actor]!.context;
    const d = c.current;
    return {
      world: send(world, env, actor, { type: 'fault.crashConsumer' }),
      events: [
        {
          time: world.time,
          actor,
          type: 'consumer.crashed',
          // The message in hand, or else the one whose ack the crash loses.
          ...(d ? { msgId: d.msgId, count: d.count } : aboutEntries(before, c.ackBuffer.slice(0, 1))),
          explain,
          detail: { entries: entriesText(c.ackBuffer) },
        },
      ],
    };
  };
}

/** The faults Pulsar scenarios inject (their words are in pulsar.faults.ts). */
const faults: BrokerDef<PulsarWorld, PulsarSettings>['faults'] = {
  ...busyCrashes<PulsarWorld, PulsarSettings>(isBusy, machines, (fault) => `pulsar.fault.${fault}`),
  // acknowledge() has returned, but the ack still sits in the grouping tracker.
  crashBeforeAckFlush: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => c.value !== 'crashed' && c.context.ackBuffer.length > 0),
    apply: crashWith('pulsar.fault.crashBeforeAckFlush'),
  },
  failHandler: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => c.value === 'processing' && c.context.current !== null && !c.context.effectDone),
    apply(world, actor, env, before) {
      const d = before.consumers[actor]!.context.current!;
      const next = send(world, env, actor, { type: 'handler.failed' });
      return {
        world: next,
        events: [
          { time: world.time, actor, type: 'handler.failed', msgId: d.msgId, count: d.count, explain: 'pulsar.fault.failHandler' },
          nacked(world, actor, d),
        ],
      };
    },
  },
  // The handler is still working when the ack timeout runs out: the clock jumps to it.
  exceedAckTimeout: {
    target: 'consumer',
    movesClock: true,
    targets: (w) => consumersWhere(w, (c) => isBusy(c) && c.context.inHand !== null && c.context.tracked.includes(c.context.inHand.entry)),
    apply(world, actor, env, before) {
      const entry = before.consumers[actor]!.context.inHand!.entry;
      const name = `ackTimeout:${entry}`;
      const timer = before.timers.find((t) => t.owner === actor && t.name === name);
      const jumped = dropTimer({ ...world, time: Math.max(world.time, timer?.deadline ?? world.time) }, actor, name);
      return ackTimedOut(jumped, env, actor, entry, 'pulsar.fault.exceedAckTimeout');
    },
  },
  // The receipt is lost with the connection: the client reconnects and resends what is pending, same sequence id.
  dropProducerConnection: {
    target: 'link',
    producerOnly: true,
    targets: (w) => linksWhere(w, (head, l) => head.kind === 'sendReceipt' && l === 'broker>producer'),
    apply(world, target, env) {
      const { world: dropped, head } = dropHead(world, target);
      const msgId = head.kind === 'sendReceipt' ? head.msgId : undefined;
      return {
        world: send(dropped, env, 'producer', { type: 'connection.dropped' }),
        events: [{ time: world.time, actor: 'net', type: 'connection.dropped', ...(msgId ? { msgId } : {}), explain: 'pulsar.fault.dropProducerConnection' }],
      };
    },
  },
  // The producer's process dies while it waits for a receipt; the receipts of its old connection are lost.
  restartProducer: {
    target: 'producer',
    producerOnly: true,
    targets: (w) => (w.producer.value === 'sending' ? ['producer'] : []),
    apply(world, _target, env, before) {
      const net: PulsarWorld['net'] = {};
      for (const l in world.net) if (l !== 'broker>producer') net[l] = world.net[l]!;
      const next = send({ ...world, net }, env, 'producer', { type: 'fault.crashProducer' });
      const msg = before.producer.context.messages[before.producer.context.next];
      return {
        world: next,
        events: [
          {
            time: world.time,
            actor: 'producer',
            type: 'producer.crashed',
            ...(msg ? { msgId: msg.id } : {}),
            explain: 'pulsar.fault.restartProducer',
            detail: { name: before.producer.context.name },
          },
        ],
      };
    },
  },
};

/** What the producer just sent, if anything: its first send, a resend with the same sequence id, or an outbox row sent again. */
function sentEvents(before: PulsarWorld, after: PulsarWorld): TraceEvent[] {
  const b = before.producer.context;
  const a = after.producer.context;
  if (a.pendingSeq === null || (b.pendingSeq === a.pendingSeq && b.next === a.next && b.attempt === a.attempt)) return [];
  const msg = a.messages[a.next]!;
  const explain = b.pendingSeq !== null && b.next === a.next ? 'pulsar.resent' : a.incarnation > 1 && a.next === b.next ? 'pulsar.replayed' : 'pulsar.sent';
  return [{ time: after.time, actor: 'producer', type: 'message.sent', msgId: msg.id, explain, detail: { seq: a.pendingSeq, name: a.name } }];
}

function arrive(world: PulsarWorld, env: Env, from: ActorId, to: ActorId, payload: Payload): Applied<PulsarWorld> {
  const t = world.time;
  const b = world.broker.context;
  switch (payload.kind) {
    case 'producerCommand': {
      const next = send(world, env, 'broker', { type: 'producer.connected', name: payload.name });
      return {
        world: next,
        events: [{ time: t, actor: 'broker', type: 'producer.registered', explain: 'pulsar.producer.registered', detail: { name: payload.name } }],
      };
    }
    case 'producerSuccess': {
      const next = send(world, env, 'producer', { type: 'producer.connected', lastSequenceId: payload.lastSequenceId });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'producer',
            type: 'producer.connected',
            explain: payload.lastSequenceId < 0 ? 'pulsar.producer.connected' : 'pulsar.producer.connectedKnown',
            detail: { name: payload.name, last: payload.lastSequenceId },
          },
          ...sentEvents(world, next),
        ],
      };
    }
    case 'sendCommand': {
      const dup = isDuplicateSend(b, payload.producer, payload.seq);
      const next = send(world, env, 'broker', { type: 'message.sent', msg: payload.msg, producer: payload.producer, seq: payload.seq });
      const stored = next.broker.context.log.at(-1);
      return {
        world: next,
        events: [
          dup
            ? {
                time: t,
                actor: 'broker',
                type: 'message.deduplicated',
                msgId: payload.msg.id,
                explain: 'pulsar.duplicate',
                detail: { seq: payload.seq, name: payload.producer, highest: b.highest[payload.producer] ?? -1 },
              }
            : {
                time: t,
                actor: 'broker',
                type: 'message.stored',
                msgId: payload.msg.id,
                explain: (stored?.copy ?? 1) > 1 ? 'pulsar.storedAgain' : 'pulsar.stored',
                detail: { entry: stored?.entry ?? 0, seq: payload.seq, name: payload.producer, copy: stored?.copy ?? 1 },
              },
        ],
      };
    }
    case 'sendReceipt': {
      const next = send(world, env, 'producer', { type: 'receipt.received', seq: payload.seq });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'producer',
            type: 'receipt.received',
            msgId: payload.msgId,
            explain: payload.entry < 0 ? 'pulsar.receipt.duplicate' : 'pulsar.receipt',
            detail: { entry: payload.entry, seq: payload.seq },
          },
          ...sentEvents(world, next),
        ],
      };
    }
    case 'messageCommand': {
      const c = world.consumers[to];
      const d = payload.delivery;
      const live = !!c && c.value !== 'crashed' && c.context.channel === d.channel;
      // A live client drops a message whose ack it still holds, unsent (see the consumer machine).
      const held = live && c.context.ackBuffer.includes(payload.entry);
      const accepted = live && !held;
      const next = send(world, env, to, {
        type: 'message.received',
        incoming: { delivery: d, entry: payload.entry, redeliveryCount: payload.redeliveryCount },
      });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: to,
            type: accepted ? 'message.delivered' : 'delivery.discarded',
            msgId: d.msgId,
            count: d.count,
            redelivered: d.count > 1,
            explain: held ? 'pulsar.droppedAcked' : !accepted ? 'pulsar.discarded' : d.count > 1 ? 'pulsar.redelivered' : 'pulsar.delivered',
            detail: { entry: payload.entry, redeliveryCount: payload.redeliveryCount },
          },
        ],
      };
    }
    case 'ackCommand': {
      const fresh = payload.entries.filter((e) => b.log[e] && !b.log[e]!.acked);
      const next = send(world, env, 'broker', { type: 'ack.received', entries: payload.entries });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: fresh.length > 0 ? 'ack.received' : 'ack.ignored',
            ...aboutEntries(world, payload.entries),
            explain: fresh.length > 0 ? 'pulsar.ack.received' : 'pulsar.ack.already',
            detail: { from, entries: entriesText(payload.entries) },
          },
        ],
      };
    }
    case 'redeliverCommand': {
      const asked = b.pending.filter((p) => p.consumer === from && p.channel === payload.channel && payload.entries.includes(p.entry));
      const next = send(world, env, 'broker', { type: 'redeliver.requested', consumer: from, channel: payload.channel, entries: payload.entries });
      return {
        world: next,
        events: asked.map((p) => ({
          time: t,
          actor: 'broker' as const,
          type: 'redelivery.counted',
          msgId: msgOfEntry(world, p.entry)!,
          explain: 'pulsar.redeliver.received',
          detail: { from, entry: p.entry, redeliveryCount: next.broker.context.log[p.entry]!.redeliveryCount },
        })),
      };
    }
    case 'deadLetterSend': {
      const key = b.log[payload.entry]?.key;
      const next = send(world, env, 'broker', { type: 'deadLetter.received', msgId: payload.msgId, entry: payload.entry });
      return {
        world: key ? deadLetter(next, key) : next,
        events: [{ time: t, actor: 'broker', type: 'message.deadLettered', msgId: payload.msgId, explain: 'pulsar.dlq.stored', detail: { from } }],
      };
    }
    case 'ready': {
      const next = send(world, env, 'broker', { type: 'consumer.subscribed', consumer: from, channel: payload.channel });
      return {
        world: next,
        events: [{ time: t, actor: 'broker', type: 'consumer.subscribed', explain: 'pulsar.subscribed', detail: { consumer: from, type: b.subscriptionType } }],
      };
    }
    case 'closed': {
      const held = b.pending.filter((p) => p.consumer === from && p.channel === payload.channel).map((p) => p.entry);
      const next = send(world, env, 'broker', { type: 'consumer.gone', consumer: from, channel: payload.channel });
      const last = next.broker.context.attached.length === 0;
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: 'consumer.left',
            explain: last ? 'pulsar.consumer.goneLast' : held.length > 0 ? 'pulsar.consumer.gone' : 'pulsar.consumer.goneEmpty',
            detail: { consumer: from, entries: entriesText(held) },
          },
        ],
      };
    }
    default:
      throw new Error(`Pulsar does not carry ${payload.kind}`);
  }
}

function settings(scenario: Scenario): SettingView[] {
  const s = settingsOf(scenario);
  const d = pulsarDefaults;
  const row = settingRow;
  const dlq = (m: number | null) => (m === null ? { en: 'none', 'zh-cn': '未设置' } : `maxRedeliverCount ${m}`);
  const name = (n: PulsarSettings['producerName']) => (n === 'fixed' ? `"${fixedProducerName}"` : { en: 'generated by the broker', 'zh-cn': '由 Broker 生成' });
  const seq = (q: PulsarSettings['sequenceIds']) =>
    q === 'client' ? { en: 'client counter', 'zh-cn': '客户端自增' } : { en: 'outbox row id', 'zh-cn': '事务发件箱行 id' };
  return [
    // Exclusive is the client's default; the model runs the types that share a subscription.
    row('subscriptionType', s.subscriptionType, 'Exclusive', 'client'),
    row(
      'ackTimeout',
      s.ackTimeoutMillis === 0 ? { en: '0 (off)', 'zh-cn': '0（关闭）' } : durationText(s.ackTimeoutMillis),
      { en: '0 (off)', 'zh-cn': '0（关闭）' },
      'client',
    ),
    row('negativeAckRedeliveryDelay', durationText(s.negativeAckRedeliveryDelay), durationText(d.negativeAckRedeliveryDelay), 'client'),
    row('deadLetterPolicy', dlq(s.maxRedeliverCount), dlq(d.maxRedeliverCount), 'client'),
    row('acknowledgmentGroupTime', durationText(s.acknowledgmentGroupTime), durationText(d.acknowledgmentGroupTime), 'client'),
    row('brokerDeduplicationEnabled', String(s.brokerDeduplicationEnabled), String(d.brokerDeduplicationEnabled), 'server'),
    row('producerName', name(s.producerName), name(d.producerName), 'client'),
    row('sequenceId', seq(s.sequenceIds), seq(d.sequenceIds), 'client'),
  ];
}

/** Apache Pulsar (4.x, Java client): a producer, topic `orders`, a Shared or Key_Shared subscription `billing`. */
export const pulsarProtocol: Protocol<PulsarWorld, PulsarSettings> = defineBroker<PulsarWorld, PulsarSettings>({
  id: 'pulsar',
  title: 'Apache Pulsar',
  initialWorld,
  isBusy,
  run,
  arrive,
  fire,
  faults,
  machines: roleMachines(machines),
  view(world) {
    const b = world.broker.context;
    const p = world.producer;
    const pendingOf = new Map(b.pending.map((x) => [x.entry, x]));
    const highest = Object.entries(b.highest);
    return {
      producer: {
        state: p.value,
        sections: [],
        notes: [
          { en: `producerName ${p.context.name}`, 'zh-cn': `producerName ${p.context.name}` },
          ...(p.context.pendingSeq !== null
            ? [{ en: `Waiting for the receipt of sequenceId ${p.context.pendingSeq}`, 'zh-cn': `等待 sequenceId ${p.context.pendingSeq} 的回执` }]
            : []),
          ...(p.context.attempt > 1 ? [attemptNote(p.context.attempt)] : []),
        ],
      },
      broker: {
        state: world.broker.value,
        sections: [
          {
            label: { en: 'Topic orders', 'zh-cn': '主题 orders' },
            tokens: b.log.map((e) => {
              const pend = pendingOf.get(e.entry);
              const kind = e.acked ? 'committed' : b.replay.includes(e.entry) ? 'retry' : pend ? 'unacked' : 'stored';
              return {
                msg: e.msgId,
                text: `entry ${e.entry}${pend ? ` → ${actorRef(pend.consumer)}` : ''}`,
                ...(e.dispatched > 0 ? { count: e.dispatched, redelivered: e.dispatched > 1 } : {}),
                kind,
              };
            }),
            ...(b.log.some((e) => e.redeliveryCount > 0)
              ? {
                  note: `redeliveryCount: ${b.log
                    .filter((e) => e.redeliveryCount > 0)
                    .map((e) => `entry ${e.entry}=${e.redeliveryCount}`)
                    .join(', ')}`,
                }
              : {}),
          },
          ...(b.dlq.length > 0 ? [{ label: 'orders-billing-DLQ', tokens: b.dlq.map((x) => ({ msg: x.msgId, kind: 'dead' })) }] : []),
        ],
        notes: [
          {
            en: `Subscription billing (${b.subscriptionType}): ${b.attached.map((a) => actorRef(a.consumer)).join(', ') || '—'}`,
            'zh-cn': `订阅 billing（${b.subscriptionType}）：${b.attached.map((a) => actorRef(a.consumer)).join('、') || '—'}`,
          },
          ...(b.brokerDeduplicationEnabled
            ? [
                {
                  en: `Deduplication: ${highest.map(([n, s]) => `${n} ≤ ${s}`).join(', ') || 'no producer yet'}`,
                  'zh-cn': `去重：${highest.map(([n, s]) => `${n} ≤ ${s}`).join('，') || '还没有生产者'}`,
                },
              ]
            : []),
        ],
      },
      consumers: Object.fromEntries(
        Object.entries(world.consumers).map(([id, c]) => {
          const lane = consumerLane(c);
          if (c.context.queue.length > 0)
            lane.sections.push({
              label: { en: 'Receiver queue', 'zh-cn': '接收队列' },
              tokens: c.context.queue.map((m) => ({ msg: m.delivery.msgId, text: `entry ${m.entry}`, kind: 'stored' })),
            });
          if (c.context.nacked.length > 0)
            lane.sections.push({
              label: { en: 'Negatively acked', 'zh-cn': '已 nack，等待重投' },
              tokens: c.context.nacked.map((m) => ({ msg: m.delivery.msgId, text: `entry ${m.entry}`, kind: 'retry' })),
            });
          if (c.context.ackBuffer.length > 0)
            lane.notes.push({
              en: `Acks not yet sent: entry ${entriesText(c.context.ackBuffer)}`,
              'zh-cn': `还没发出的 ack：entry ${entriesText(c.context.ackBuffer)}`,
            });
          return [id, lane];
        }),
      ),
    };
  },
  settings,
  payloadWords: {
    producerCommand: { en: 'CommandProducer', 'zh-cn': 'CommandProducer' },
    producerSuccess: { en: 'ProducerSuccess', 'zh-cn': 'ProducerSuccess' },
    sendCommand: { en: 'send', 'zh-cn': '发送' },
    sendReceipt: { en: 'send receipt', 'zh-cn': '发送回执' },
    messageCommand: { en: 'message', 'zh-cn': '消息' },
    ackCommand: { en: 'ack', 'zh-cn': 'ack' },
    redeliverCommand: { en: 'redeliver request', 'zh-cn': '重投请求' },
    deadLetterSend: { en: 'DLQ publish', 'zh-cn': '发往死信主题' },
    ready: { en: 'subscribe', 'zh-cn': '订阅' },
    closed: { en: 'disconnect', 'zh-cn': '断开' },
  },
});
