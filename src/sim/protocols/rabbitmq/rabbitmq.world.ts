import { deliveryTag, type ActorId, type ActorState, type Delivery, type Payload, type Timer } from '../../core/types';
import { initialActor } from '../../engine/actors';
import { busyCrashes, consumersWhere, defineBroker, loseHead, type BrokerDef } from '../../engine/broker';
import {
  applyOutputs,
  confirmTimedOut,
  consumerIds,
  consumerLane,
  deadLetter,
  dropTimer,
  emptyWorld,
  handlerStep,
  sendTo,
  timerData,
  type Applied,
  type Env as KitEnv,
  roleMachines,
  settingRow,
} from '../../engine/kit';
import { actorRef, attemptNote, type Protocol, type SettingView } from '../../engine/protocol';
import type { Scenario as AnyScenario } from '../../engine/scenario';
import type { TraceEvent, World } from '../../engine/world';
import { producerMachine, type ProducerContext, type ProducerEvent } from '../ack/producer.machine';
import { rabbitBrokerMachine, type RabbitBrokerContext, type RabbitBrokerEvent, type RabbitTimer } from './broker.machine';
import { rabbitConsumerMachine, type RabbitConsumerContext, type RabbitConsumerEvent } from './consumer.machine';
import { rabbitDefaults, type RabbitSettings } from './rabbitmq.settings';

/** A scenario on this broker, and a step's context: `broker` holds the settings. */
type Scenario = AnyScenario<RabbitSettings>;
type Env = KitEnv<RabbitSettings>;

/** A RabbitMQ world: a publisher with confirms, one queue, consumers on channels. */
export type RabbitWorld = World<ProducerContext, RabbitBrokerContext, RabbitConsumerContext>;

const machines = { producer: producerMachine, broker: rabbitBrokerMachine, consumer: rabbitConsumerMachine };
const send = (world: RabbitWorld, env: Env, actor: ActorId, event: RabbitBrokerEvent | RabbitConsumerEvent | ProducerEvent) =>
  sendTo(world, env.tx, machines, actor, event);
const settingsOf = (s: Scenario) => s.broker ?? rabbitDefaults;

function initialWorld(scenario: Scenario): RabbitWorld {
  const s = scenario.settings;
  const consumers = consumerIds(scenario.consumers);
  const producer = initialActor<ProducerContext>(producerMachine, {
    messages: scenario.messages,
    confirmTimeout: s.confirmTimeout,
    maxAttempts: s.maxPublishAttempts,
  });
  const broker = initialActor<RabbitBrokerContext>(rabbitBrokerMachine, { ...settingsOf(scenario), autoAck: scenario.autoAck });
  let world = applyOutputs(emptyWorld<RabbitWorld>('rabbitmq', scenario, producer.state, broker.state), 'producer', producer.outputs);
  for (const id of consumers) {
    const c = initialActor<RabbitConsumerContext>(rabbitConsumerMachine, {
      id,
      autoAck: scenario.autoAck,
      restartDelay: s.restartDelay,
      onFailure: settingsOf(scenario).onFailure,
    });
    world = applyOutputs({ ...world, consumers: { ...world.consumers, [id]: c.state } }, id, c.outputs);
  }
  return world;
}

const isBusy = (c: ActorState<RabbitConsumerContext>) => (c.value === 'processing' || c.value === 'acking') && c.context.current !== null;

/** Events for what the broker just dead-lettered or dropped. */
function deadEvents(before: RabbitWorld, after: RabbitWorld): { world: RabbitWorld; events: TraceEvent[] } {
  const fresh = after.broker.context.dead.slice(before.broker.context.dead.length);
  let world = after;
  const events: TraceEvent[] = [];
  for (const d of fresh) {
    if (d.dlx) world = deadLetter(world, d.key);
    const explain = `rabbitmq.${d.reason === 'expired' ? 'expired' : d.reason === 'rejected' ? 'rejected' : 'deliveryLimit'}${d.dlx ? '.dlx' : ''}`;
    events.push({
      time: after.time,
      actor: 'broker',
      type: d.reason === 'expired' ? 'message.expired' : 'message.deadLettered',
      msgId: d.msgId,
      explain,
      detail: { dlx: after.broker.context.deadLetterExchange ?? '', reason: d.reason },
    });
  }
  return { world, events };
}

/** Requeue events for deliveries that went from unacked back to the queue. */
function requeued(before: RabbitWorld, after: RabbitWorld, who: (u: RabbitBrokerContext['unacked'][number]) => boolean): TraceEvent[] {
  const still = new Set(after.broker.context.unacked.map(deliveryTag));
  const dead = new Set(after.broker.context.dead.map((d) => `${d.msgId}/${d.copy}`));
  return before.broker.context.unacked
    .filter((u) => who(u) && !still.has(deliveryTag(u)) && !dead.has(`${u.msgId}/${u.copy}`))
    .map((u) => ({
      time: after.time,
      actor: 'broker' as const,
      type: 'message.requeued',
      msgId: u.msgId,
      count: u.count,
      explain: 'log.message.requeued',
      detail: { from: u.consumer },
    }));
}

/** A busy consumer's next step: its handler's next operation (a failure nacks or rejects), or the ack once the handler returned. */
function run(world: RabbitWorld, env: Env, actor: ActorId, c: ActorState<RabbitConsumerContext>, d: Delivery): Applied<RabbitWorld> {
  const t = world.time;
  const { autoAck } = env.scenario;
  if (c.value === 'acking') {
    const next = send(world, env, actor, { type: 'handler.returned' });
    const type = autoAck ? 'handler.finished' : 'ack.sent';
    return {
      world: next,
      events: [{ time: t, actor, type, msgId: d.msgId, count: d.count, explain: autoAck ? 'log.handler.finished' : 'rabbitmq.ack.sent' }],
    };
  }
  const r = handlerStep(world, env, actor, c, d);
  const next = send(r.world, env, actor, r.completed);
  const reject = settingsOf(env.scenario).onFailure === 'reject';
  const nacked = r.completed.failed
    ? [
        {
          time: t,
          actor,
          type: reject ? 'reject.sent' : 'nack.sent',
          msgId: d.msgId,
          count: d.count,
          explain: reject ? 'rabbitmq.reject.sent' : 'rabbitmq.nack.sent',
        },
      ]
    : [];
  return { world: next, events: [...r.events, ...nacked] };
}

/** A timer fired: the publisher's confirm timeout, a delivery's consumer_timeout or a message's TTL on the broker, a consumer's restart. */
function fire(world: RabbitWorld, env: Env, timer: Timer): Applied<RabbitWorld> {
  if (timer.owner === 'producer') return confirmTimedOut(world, (w) => send(w, env, 'producer', { type: 'confirm.timedOut' }));
  const data = timer.owner === 'broker' ? timerData<RabbitTimer>(timer) : null;
  if (data?.kind === 'timeout') return consumerTimeout(world, env, data.tag, false);
  if (data?.kind === 'ttl') return deadEvents(world, send(world, env, 'broker', { type: 'ttl.expired', msgId: data.msgId, copy: data.copy }));
  const actor = timer.owner as ActorId;
  const next = send(world, env, actor, { type: 'consumer.restarted' });
  return { world: next, events: [{ time: world.time, actor, type: 'consumer.restarted', explain: 'log.consumer.restarted' }] };
}

/** The delivery tag a busy consumer holds, if the broker still counts it as unacked on that consumer's channel. */
function heldTag(world: RabbitWorld, id: string, c: ActorState<RabbitConsumerContext>): string | null {
  const d = c.context.current;
  if (!d) return null;
  const held = world.broker.context.unacked.some((u) => u.consumer === id && deliveryTag(u) === deliveryTag(d) && u.channel === d.channel);
  return held ? deliveryTag(d) : null;
}

/** The faults RabbitMQ scenarios inject (their words are in rabbitmq.faults.ts). */
const faults: BrokerDef<RabbitWorld, RabbitSettings>['faults'] = {
  ...busyCrashes<RabbitWorld, RabbitSettings>(isBusy, machines, (fault) => `log.fault.${fault}`),
  failHandler: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => isBusy(c) && c.value === 'processing' && !c.context.effectDone),
    apply(world, actor, env, before) {
      const d = before.consumers[actor]!.context.current;
      return {
        world: send(world, env, actor, { type: 'handler.failed' }),
        events: [{ time: world.time, actor, type: 'handler.failed', ...(d ? { msgId: d.msgId, count: d.count } : {}), explain: 'rabbitmq.fault.failHandler' }],
      };
    },
  },
  // The delivery a consumer works on stays unacked past consumer_timeout: the clock jumps there.
  exceedConsumerTimeout: {
    target: 'broker',
    movesClock: true,
    targets: (w) =>
      Object.entries(w.consumers).flatMap(([id, c]) => {
        const tag = isBusy(c) ? heldTag(w, id, c) : null;
        return tag === null ? [] : [tag];
      }),
    apply(world, target, env, before) {
      const t = before.time;
      const u = before.broker.context.unacked.find((x) => deliveryTag(x) === target);
      const jumped = { ...world, time: Math.max(t, (u?.at ?? t) + settingsOf(env.scenario).consumerTimeout) };
      return consumerTimeout(dropTimer(jumped, 'broker', `timeout:${target}`), env, target, true);
    },
  },
  loseConfirm: loseHead('confirm', 'confirm.lost', 'log.fault.loseConfirm', { producerOnly: true }),
};

/** A delivery stayed unacked past consumer_timeout: its channel is closed and everything on it requeued. */
function consumerTimeout(world: RabbitWorld, env: Env, tag: string, injected: boolean): Applied<RabbitWorld> {
  const u = world.broker.context.unacked.find((x) => deliveryTag(x) === tag);
  const next = send(world, env, 'broker', { type: 'consumerTimeout.expired', tag, now: world.time });
  const events: TraceEvent[] = [
    {
      time: world.time,
      actor: 'broker',
      type: 'consumerTimeout.expired',
      ...(u ? { msgId: u.msgId, count: u.count } : {}),
      explain: injected ? 'rabbitmq.fault.exceedConsumerTimeout' : 'rabbitmq.consumerTimeout',
      detail: { consumer: u?.consumer ?? '' },
    },
    ...requeued(world, next, (x) => !!u && x.consumer === u.consumer && x.channel === u.channel),
  ];
  const dead = deadEvents(world, next);
  return { world: dead.world, events: [...events, ...dead.events] };
}

function arrive(world: RabbitWorld, env: Env, from: ActorId, to: ActorId, payload: Payload): Applied<RabbitWorld> {
  const t = world.time;
  switch (payload.kind) {
    case 'publish': {
      const before = world.broker.context.copies[payload.msg.id] ?? 0;
      const next = send(world, env, 'broker', { type: 'message.published', msg: payload.msg, from, now: t });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: 'message.stored',
            msgId: payload.msg.id,
            explain: before > 0 ? 'log.message.storedAgain' : 'log.message.stored',
            detail: { copy: before + 1 },
          },
        ],
      };
    }
    case 'confirm': {
      const next = send(world, env, 'producer', { type: 'confirm.received', msgId: payload.msgId });
      return { world: next, events: [{ time: t, actor: 'producer', type: 'confirm.received', msgId: payload.msgId, explain: 'log.confirm.received' }] };
    }
    case 'deliver': {
      const c = world.consumers[to];
      const d = payload.delivery;
      const accepted = !!c && c.value !== 'crashed' && c.context.channel === d.channel;
      const next = send(world, env, to, { type: 'message.delivered', delivery: d });
      const explain = !accepted
        ? 'log.delivery.discarded'
        : d.redelivered
          ? d.where
            ? 'rabbitmq.redelivered.count'
            : 'log.message.redelivered'
          : 'log.message.delivered';
      return {
        world: next,
        events: [
          {
            time: t,
            actor: to,
            type: accepted ? 'message.delivered' : 'delivery.discarded',
            msgId: d.msgId,
            count: d.count,
            redelivered: d.redelivered,
            explain,
            detail: { copy: d.copy, header: d.count - 1 },
          },
        ],
      };
    }
    case 'ack':
    case 'nack': {
      const known = world.broker.context.unacked.some((u) => deliveryTag(u) === payload.tag && u.channel === payload.channel && u.consumer === from);
      const msgId = payload.tag.split('/')[0]!;
      const event =
        payload.kind === 'ack'
          ? ({ type: 'ack.received', consumer: from, channel: payload.channel, tag: payload.tag, now: t } as const)
          : ({ type: 'nack.received', consumer: from, channel: payload.channel, tag: payload.tag, requeue: payload.requeue, now: t } as const);
      const next = send(world, env, 'broker', event);
      if (!known) return { world: next, events: [{ time: t, actor: 'broker', type: 'ack.refused', msgId, explain: 'rabbitmq.ack.refused', detail: { from } }] };
      if (payload.kind === 'ack')
        return { world: next, events: [{ time: t, actor: 'broker', type: 'ack.received', msgId, explain: 'log.ack.received', detail: { from } }] };
      const dead = deadEvents(world, next);
      return { world: dead.world, events: [...requeued(world, next, (u) => deliveryTag(u) === payload.tag), ...dead.events] };
    }
    case 'ready': {
      const next = send(world, env, 'broker', { type: 'consumer.subscribed', consumer: from, channel: payload.channel, now: t });
      return { world: next, events: [] };
    }
    case 'closed': {
      if (to === 'broker') {
        const next = send(world, env, 'broker', { type: 'connection.closed', consumer: from, channel: payload.channel, now: t });
        const back = requeued(world, next, (u) => u.consumer === from && u.channel === payload.channel);
        const dead = deadEvents(world, next);
        return {
          world: dead.world,
          events: [
            { time: t, actor: 'broker', type: 'connection.closed', explain: 'log.connection.closed', detail: { consumer: from, requeued: back.length } },
            ...back,
            ...dead.events,
          ],
        };
      }
      const next = send(world, env, to, { type: 'connection.closed', channel: payload.channel });
      return { world: next, events: [{ time: t, actor: to, type: 'channel.closed', explain: 'rabbitmq.channel.closed' }] };
    }
    default:
      throw new Error(`RabbitMQ does not carry ${payload.kind}`);
  }
}

const ms = (v: number | null) => (v === null ? '—' : `${v} ms`);
const unlimited = { en: 'unlimited', 'zh-cn': '不限' };

function settings(scenario: Scenario): SettingView[] {
  const s = settingsOf(scenario);
  const d = rabbitDefaults;
  const row = settingRow;
  return [
    row('x-queue-type', s.queueType, d.queueType, 'server'),
    row('consumer_timeout', ms(s.consumerTimeout), ms(d.consumerTimeout), 'server'),
    ...(s.queueType === 'quorum' ? [row('x-delivery-limit', s.deliveryLimit === null ? unlimited : String(s.deliveryLimit), '20 (4.0+)', 'server')] : []),
    row('x-message-ttl', ms(s.messageTtl), ms(d.messageTtl), 'server'),
    row('x-dead-letter-exchange', s.deadLetterExchange ?? '—', '—', 'server'),
    row('basic.consume no-ack', String(scenario.autoAck === true), 'false', 'client'),
    row('basic.qos prefetch', String(s.prefetch), unlimited, 'client'),
    row(
      { en: 'on failure', 'zh-cn': '处理失败时' },
      s.onFailure === 'reject' ? 'basic.reject, requeue=false' : 'basic.nack, requeue=true',
      'basic.nack, requeue=true',
      'client',
    ),
    row(
      { en: 'publisher confirm timeout', 'zh-cn': '等待 publisher confirm 的时限' },
      ms(scenario.settings.confirmTimeout),
      ms(scenario.settings.confirmTimeout),
      'client',
    ),
  ];
}

/** RabbitMQ (AMQP 0-9-1, 3.13 / 4.x up to 4.2 behaviour). */
export const rabbitProtocol: Protocol<RabbitWorld, RabbitSettings> = defineBroker<RabbitWorld, RabbitSettings>({
  id: 'rabbitmq',
  title: 'RabbitMQ',
  // Deliveries go round robin along a line of channels kept as data, never by id.
  symmetricConsumers: true,
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
    return {
      producer: { state: p.value, sections: [], notes: p.context.attempt > 1 ? [attemptNote(p.context.attempt)] : [] },
      broker: {
        state: world.broker.value,
        sections: [
          {
            label: { en: 'Queue orders', 'zh-cn': '队列 orders' },
            tokens: b.ready.map((m) => ({
              msg: m.msgId,
              ...(m.copy > 1 ? { text: `(${m.copy})` } : {}),
              count: m.count,
              redelivered: m.count > 0,
              kind: 'stored',
            })),
          },
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
          ...(b.dead.length > 0
            ? [
                {
                  label: b.deadLetterExchange ? `DLX ${b.deadLetterExchange}` : { en: 'Dropped', 'zh-cn': '已丢弃' },
                  tokens: b.dead.map((d) => ({ msg: d.msgId, text: d.reason, kind: 'dead' })),
                },
              ]
            : []),
        ],
        notes: [],
      },
      consumers: Object.fromEntries(
        Object.entries(world.consumers).map(([id, c]) => {
          const lane = consumerLane(c);
          if (c.context.buffer.length > 0)
            lane.sections.push({
              label: { en: 'Prefetched', 'zh-cn': '已预取' },
              tokens: c.context.buffer.map((d) => ({ msg: d.msgId, count: d.count, redelivered: d.redelivered, kind: 'stored' })),
            });
          lane.notes.push({ en: `Channel ${c.context.channel}`, 'zh-cn': `通道 ${c.context.channel}` });
          return [id, lane];
        }),
      ),
    };
  },
  settings,
});
