import { deliveryTag, type ActorId, type ActorState, type Payload } from '../../core/types';
import { initialActor, type Transitioner } from '../../engine/actors';
import {
  applyOutputs,
  can,
  collectSteps,
  consumerIds,
  deadLetter,
  dropHead,
  emptyWorld,
  expireCacheKey,
  handlerStep,
  sendTo,
  spend,
  takeTimer,
  timerData,
  type Applied,
  type Env as KitEnv,
  roleMachines,
  settingRow,
  busyConsumers,
  takeDelivery,
} from '../../engine/kit';
import { actorRef, attemptNote, type Protocol, type SettingView } from '../../engine/protocol';
import type { Scenario as AnyScenario } from '../../engine/scenario';
import type { Step, TraceEvent, World } from '../../engine/world';
import { confirmTimedOut, consumerLane } from '../../engine/kit';
import { producerMachine, type ProducerContext, type ProducerEvent } from '../ack/producer.machine';
import type { FaultKind } from '../faults';
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

function enabledFaults(world: RabbitWorld): Step[] {
  const out: Step[] = [];
  for (const [id, c] of Object.entries(world.consumers)) {
    if (!isBusy(c)) continue;
    const crash: FaultKind = c.context.effectDone ? 'crashConsumerAfterEffect' : 'crashConsumerBeforeEffect';
    if (can(world, crash)) out.push({ kind: 'fault', fault: crash, target: id });
    if (c.value === 'processing' && !c.context.effectDone && can(world, 'failHandler')) out.push({ kind: 'fault', fault: 'failHandler', target: id });
    const d = c.context.current!;
    const held = world.broker.context.unacked.some((u) => u.consumer === id && deliveryTag(u) === deliveryTag(d) && u.channel === d.channel);
    if (held && can(world, 'exceedConsumerTimeout')) out.push({ kind: 'fault', fault: 'exceedConsumerTimeout', target: deliveryTag(d) });
  }
  for (const [l, queue] of Object.entries(world.net)) {
    if (queue[0]?.kind === 'confirm' && can(world, 'loseConfirm')) out.push({ kind: 'fault', fault: 'loseConfirm', target: l });
  }
  return out;
}

function enabledSteps(world: RabbitWorld, faults: boolean): Step[] {
  return collectSteps(world, busyConsumers(world, isBusy), faults ? enabledFaults(world) : null);
}

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

function apply(world: RabbitWorld, step: Step, scenario: Scenario, tx: Transitioner): Applied<RabbitWorld> {
  const env: Env = { scenario, tx };
  const t = world.time;
  switch (step.kind) {
    case 'deliver': {
      const d = takeDelivery(world, step);
      return arrive(d.world, env, d.from, d.to, d.payload);
    }
    case 'run': {
      const c = world.consumers[step.actor];
      const d = c?.context.current;
      if (!c || !d || !isBusy(c)) throw new Error(`${step.actor} is not processing`);
      if (c.value === 'acking') {
        const next = send(world, env, step.actor, { type: 'handler.returned' });
        const type = scenario.autoAck ? 'handler.finished' : 'ack.sent';
        return {
          world: next,
          events: [
            { time: t, actor: step.actor, type, msgId: d.msgId, count: d.count, explain: scenario.autoAck ? 'log.handler.finished' : 'rabbitmq.ack.sent' },
          ],
        };
      }
      const r = handlerStep(world, env, step.actor, c, d);
      const next = send(r.world, env, step.actor, r.completed);
      const reject = settingsOf(scenario).onFailure === 'reject';
      const nacked = r.completed.failed
        ? [
            {
              time: t,
              actor: step.actor,
              type: reject ? 'reject.sent' : 'nack.sent',
              msgId: d.msgId,
              count: d.count,
              explain: reject ? 'rabbitmq.reject.sent' : 'rabbitmq.nack.sent',
            },
          ]
        : [];
      return { world: next, events: [...r.events, ...nacked] };
    }
    case 'timer': {
      const { world: taken, timer } = takeTimer(world, step);
      const now = taken.time;
      if (timer.owner === 'cache') return expireCacheKey(taken, timer);
      if (timer.owner === 'producer') return confirmTimedOut(taken, (w) => send(w, env, 'producer', { type: 'confirm.timedOut' }));
      const data = timer.owner === 'broker' ? timerData<RabbitTimer>(timer) : null;
      if (data?.kind === 'timeout') return consumerTimeout(taken, env, data.tag, false);
      if (data?.kind === 'ttl') return deadEvents(taken, send(taken, env, 'broker', { type: 'ttl.expired', msgId: data.msgId, copy: data.copy }));
      const next = send(taken, env, timer.owner as ActorId, { type: 'consumer.restarted' });
      return { world: next, events: [{ time: now, actor: timer.owner as ActorId, type: 'consumer.restarted', explain: 'log.consumer.restarted' }] };
    }
    case 'fault': {
      const spent = spend(world, step.fault);
      if (step.fault === 'loseConfirm') {
        const { world: next, head } = dropHead(spent, step.target);
        const msgId = head.kind === 'confirm' ? head.msgId : undefined;
        return { world: next, events: [{ time: t, actor: 'net', type: 'confirm.lost', ...(msgId ? { msgId } : {}), explain: 'log.fault.loseConfirm' }] };
      }
      if (step.fault === 'exceedConsumerTimeout') {
        const u = world.broker.context.unacked.find((x) => deliveryTag(x) === step.target);
        const settings = settingsOf(scenario);
        const jumped = { ...spent, time: Math.max(t, (u?.at ?? t) + settings.consumerTimeout) };
        const next = { ...jumped, timers: jumped.timers.filter((x) => !(x.owner === 'broker' && x.name === `timeout:${step.target}`)) };
        return consumerTimeout(next, env, step.target, true);
      }
      const actor = step.target as ActorId;
      const c = world.consumers[actor]!;
      const d = c.context.current;
      if (step.fault === 'failHandler') {
        const next = send(spent, env, actor, { type: 'handler.failed' });
        return {
          world: next,
          events: [{ time: t, actor, type: 'handler.failed', ...(d ? { msgId: d.msgId, count: d.count } : {}), explain: 'rabbitmq.fault.failHandler' }],
        };
      }
      const next = send(spent, env, actor, { type: 'fault.crashConsumer' });
      return {
        world: next,
        events: [{ time: t, actor, type: 'consumer.crashed', ...(d ? { msgId: d.msgId, count: d.count } : {}), explain: `log.fault.${step.fault}` }],
      };
    }
  }
}

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
export const rabbitProtocol: Protocol<RabbitWorld, RabbitSettings> = {
  id: 'rabbitmq',
  title: 'RabbitMQ',
  // Deliveries go round robin along a line of channels kept as data, never by id.
  symmetricConsumers: true,
  initialWorld,
  enabledSteps,
  apply,
  machines: roleMachines(machines),
  faultTraits: { exceedConsumerTimeout: { movesClock: true }, loseConfirm: { producerOnly: true } },
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
};
