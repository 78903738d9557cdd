import type { ActorId, ActorState, Delivery, Payload, Timer } from '../../core/types';
import { initialActor } from '../../engine/actors';
import { consumersWhere, defineBroker, loseHead, type BrokerDef } from '../../engine/broker';
import {
  applyOutputs,
  can,
  confirmTimedOut,
  consumerIds,
  deadLetter,
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
import type { Step, TraceEvent, World } from '../../engine/world';
import { consumerLane } from '../../engine/kit';
import {
  owns,
  queuesOf,
  retryQueue,
  rocketBrokerMachine,
  topicQueues,
  type RocketBrokerContext,
  type RocketBrokerEvent,
  type RocketRetryTimer,
} from './broker.machine';
import { rocketConsumerMachine, type RocketConsumerContext, type RocketConsumerEvent } from './consumer.machine';
import { rocketProducerMachine, type RocketProducerContext, type RocketProducerEvent } from './producer.machine';
import { retryDelay, rocketDefaults, type RocketSettings } from './rocketmq.settings';

/** A scenario on this broker, and a step's context: `broker` holds the settings. */
type Scenario = AnyScenario<RocketSettings>;
type Env = KitEnv<RocketSettings>;

/** A RocketMQ world: a producer, a broker with topic `orders` and group `billing`, push consumers. */
export type RocketWorld = World<RocketProducerContext, RocketBrokerContext, RocketConsumerContext>;

const machines = { producer: rocketProducerMachine, broker: rocketBrokerMachine, consumer: rocketConsumerMachine };
const send = (world: RocketWorld, env: Env, actor: ActorId, event: RocketBrokerEvent | RocketConsumerEvent | RocketProducerEvent) =>
  sendTo(world, env.tx, machines, actor, event);
const settingsOf = (s: Scenario) => s.broker ?? rocketDefaults;
const queueLabel = (q: string) => (q === retryQueue ? '%RETRY%billing' : q);
const offsetsText = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([q, n]) => `${queueLabel(q)}=${n}`)
    .join(', ') || '—';

function initialWorld(scenario: Scenario): RocketWorld {
  const r = settingsOf(scenario);
  const s = scenario.settings;
  const producer = initialActor<RocketProducerContext>(rocketProducerMachine, {
    messages: scenario.messages,
    sendMsgTimeout: r.sendMsgTimeout,
    maxAttempts: s.maxPublishAttempts,
  });
  const broker = initialActor<RocketBrokerContext>(rocketBrokerMachine, {
    messageModel: r.messageModel,
    maxRetries: r.maxReconsumeTimes < 0 ? 16 : r.maxReconsumeTimes,
  });
  let world = applyOutputs(emptyWorld<RocketWorld>('rocketmq', scenario, producer.state, broker.state), 'producer', [
    { kind: 'startTimer', name: 'start', after: 0 },
  ]);
  const standby = scenario.faults.joinConsumer ? ['c2'] : [];
  for (const id of consumerIds(scenario.consumers)) {
    const c = initialActor<RocketConsumerContext>(rocketConsumerMachine, { ...r, id, restartDelay: s.restartDelay, standby: standby.includes(id) });
    world = applyOutputs({ ...world, consumers: { ...world.consumers, [id]: c.state } }, id, c.outputs);
  }
  return world;
}

const isBusy = (c: ActorState<RocketConsumerContext>) => (c.value === 'processing' || c.value === 'finishing') && c.context.current !== null;

/** What a consumer's failure did: a send-back on its way, or a pause in orderly mode. */
function failureEvents(before: RocketWorld, after: RocketWorld, actor: ActorId, msgId: string): TraceEvent[] {
  const c = after.consumers[actor]!;
  const explain = c.value === 'suspended' ? 'rocketmq.suspended' : 'rocketmq.reconsumeLater';
  return [{ time: before.time, actor, type: c.value === 'suspended' ? 'queue.suspended' : 'message.reconsumeLater', msgId, explain }];
}

/** Events for what the broker just sent to %DLQ%, and the stores' dead-letter mark. */
function dlqEvents(before: RocketWorld, after: RocketWorld): Applied<RocketWorld> {
  let world = after;
  const events: TraceEvent[] = [];
  for (const r of after.broker.context.dlq.slice(before.broker.context.dlq.length)) {
    world = deadLetter(world, r.key);
    events.push({ time: after.time, actor: 'broker', type: 'message.deadLettered', msgId: r.msgId, explain: 'rocketmq.dlq' });
  }
  return { world, events };
}

/** A busy consumer's next step: its handler's next operation, or CONSUME_SUCCESS once the handler returned. */
function run(world: RocketWorld, env: Env, actor: ActorId, c: ActorState<RocketConsumerContext>, d: Delivery): Applied<RocketWorld> {
  if (c.value === 'finishing') {
    const h = c.context.inHand;
    const next = send(world, env, actor, { type: 'handler.returned' });
    const dropped = h?.dropped ?? false;
    return {
      world: next,
      events: [
        {
          time: world.time,
          actor,
          type: dropped ? 'consume.discarded' : 'message.consumed',
          msgId: d.msgId,
          explain: dropped ? 'rocketmq.consumedDropped' : 'rocketmq.consumed',
          detail: { queue: queueLabel(h?.queue ?? ''), offset: (h?.record.offset ?? 0) + 1 },
        },
      ],
    };
  }
  const r = handlerStep(world, env, actor, c, d);
  const next = send(r.world, env, actor, r.completed);
  return { world: next, events: r.completed.failed ? [...r.events, ...failureEvents(world, next, actor, d.msgId)] : r.events };
}

/** A timer fired: the producer's start or send timeout, a retry due on the broker, a consumer's persist, pause or restart. */
function fire(world: RocketWorld, env: Env, timer: Timer): Applied<RocketWorld> {
  const now = world.time;
  if (timer.owner === 'producer' && timer.name === 'start') return { world: send(world, env, 'producer', { type: 'producer.started' }), events: [] };
  if (timer.owner === 'producer')
    return confirmTimedOut(world, (w) => send(w, env, 'producer', { type: 'send.timedOut' }), { type: 'message.resent', explain: 'rocketmq.resend' });
  if (timer.owner === 'broker') {
    const { msgId, retries } = timerData<RocketRetryTimer>(timer);
    const next = send(world, env, 'broker', { type: 'retry.due', msgId, retries });
    return {
      world: next,
      events: [{ time: now, actor: 'broker', type: 'retry.due', msgId, explain: 'rocketmq.retryDue', detail: { retries } }],
    };
  }
  const actor = timer.owner as ActorId;
  if (timer.name === 'persist') {
    const c = world.consumers[actor]!;
    const next = send(world, env, actor, { type: 'persist.due' });
    const clustering = settingsOf(env.scenario).messageModel === 'CLUSTERING';
    return {
      world: next,
      events:
        c.context.dirty && clustering
          ? [{ time: now, actor, type: 'offsets.persisted', explain: 'rocketmq.persisted', detail: { offsets: offsetsText(c.context.offsets) } }]
          : [],
    };
  }
  if (timer.name === 'suspend') return dlqEvents(world, send(world, env, actor, { type: 'suspend.over' }));
  const next = send(world, env, actor, { type: 'consumer.restarted' });
  return { world: next, events: [{ time: now, actor, type: 'consumer.restarted', explain: 'rocketmq.restarted' }] };
}

/** A consumer process dies (before the charge, or after it with its offset not yet persisted): it leaves the group. */
function crash(world: RocketWorld, actor: ActorId, env: Env, before: RocketWorld): Applied<RocketWorld> {
  const c = before.consumers[actor]!;
  const d = c.context.current;
  return {
    world: send(world, env, actor, { type: 'fault.crashConsumer' }),
    events: [
      {
        time: world.time,
        actor,
        type: 'consumer.crashed',
        ...(d ? { msgId: d.msgId } : {}),
        explain: 'rocketmq.fault.crash',
        detail: { offsets: offsetsText(Object.fromEntries(c.context.queues.map((q) => [q, before.broker.context.offsets[q] ?? 0]))) },
      },
    ],
  };
}

const running = (c: ActorState<RocketConsumerContext>) => c.value !== 'stopped' && c.value !== 'crashed';

/** The faults RocketMQ scenarios inject (their words are in rocketmq.faults.ts). */
const faults: BrokerDef<RocketWorld, RocketSettings>['faults'] = {
  crashConsumerBeforePersist: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => running(c) && (c.context.effectDone || c.context.dirty)),
    apply: crash,
  },
  // The generic crash before the charge (code labs crash a consumer anywhere); it dies the same way.
  crashConsumerBeforeEffect: { target: 'consumer', targets: (w) => consumersWhere(w, (c) => running(c) && isBusy(c) && !c.context.effectDone), apply: crash },
  joinConsumer: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => c.value === 'stopped'),
    apply: (world, actor, env) => ({
      world: send(world, env, actor, { type: 'consumer.started' }),
      events: [{ time: world.time, actor, type: 'consumer.started', explain: 'rocketmq.fault.join' }],
    }),
  },
  failConsumption: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => c.value === 'processing' && !c.context.effectDone && c.context.current !== null),
    apply(world, actor, env, before) {
      const d = before.consumers[actor]!.context.current;
      const next = send(world, env, actor, { type: 'consumption.failed' });
      return {
        world: next,
        events: [
          { time: world.time, actor, type: 'consume.failed', ...(d ? { msgId: d.msgId } : {}), explain: 'rocketmq.fault.fail' },
          ...failureEvents(before, next, actor, d?.msgId ?? ''),
        ],
      };
    },
  },
  loseSendResponse: loseHead('sendResult', 'sendResult.lost', 'rocketmq.fault.loseSendResponse', { producerOnly: true }),
};

function arrive(world: RocketWorld, env: Env, from: ActorId, to: ActorId, payload: Payload): Applied<RocketWorld> {
  const t = world.time;
  switch (payload.kind) {
    case 'send': {
      const next = send(world, env, 'broker', { type: 'message.sent', msg: payload.msg });
      const queue = `q${payload.msg.partition ?? 0}`;
      const again = Object.values(world.broker.context.queues)
        .flat()
        .some((r) => r.key === payload.msg.key);
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: 'message.stored',
            msgId: payload.msg.id,
            explain: again ? 'rocketmq.storedAgain' : 'rocketmq.stored',
            detail: { id: payload.msg.id, queue },
          },
        ],
      };
    }
    case 'sendResult': {
      const next = send(world, env, 'producer', { type: 'sendResult.received', msgId: payload.msgId });
      return { world: next, events: [{ time: t, actor: 'producer', type: 'sendResult.received', msgId: payload.msgId, explain: 'rocketmq.sendResult' }] };
    }
    case 'join': {
      const next = send(world, env, 'broker', { type: 'member.joined', consumer: from, inc: payload.inc });
      return { world: next, events: [{ time: t, actor: from, type: 'member.joined', explain: 'rocketmq.joined' }] };
    }
    case 'leave': {
      const next = send(world, env, 'broker', { type: 'member.gone', consumer: from, inc: payload.inc });
      return { world: next, events: [{ time: t, actor: 'broker', type: 'member.left', explain: 'rocketmq.left', detail: { consumer: from } }] };
    }
    case 'allocate': {
      const next = send(world, env, to, { type: 'queues.allocated', queues: payload.queues, offsets: payload.offsets });
      return {
        world: next,
        events: [
          { time: t, actor: to, type: 'queues.allocated', explain: 'rocketmq.allocated', detail: { queues: payload.queues.map(queueLabel).join(', ') || '—' } },
        ],
      };
    }
    case 'pull': {
      const next = send(world, env, 'broker', { type: 'pull.received', consumer: from, inc: payload.inc, queue: payload.queue, offset: payload.offset });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: 'pull.received',
            explain: 'rocketmq.pullReceived',
            detail: { from, queue: queueLabel(payload.queue), offset: payload.offset },
          },
        ],
      };
    }
    case 'pulled': {
      const held = (c: RocketWorld['consumers'][string] | undefined) => [...(c?.context.buffer ?? []), ...(c?.context.inHand ? [c.context.inHand] : [])];
      const known = new Set(held(world.consumers[to]).map((b) => `${b.queue}@${b.record.offset}`));
      const next = send(world, env, to, { type: 'messages.pulled', queue: payload.queue, records: payload.records, inc: payload.inc });
      const fresh = held(next.consumers[to]).filter((b) => !known.has(`${b.queue}@${b.record.offset}`));
      return {
        world: next,
        events: fresh.map((b) => {
          // In broadcasting mode every consumer reads every message once: a second read is not a redelivery.
          const again = settingsOf(env.scenario).messageModel === 'CLUSTERING' && b.record.reads > 1;
          return {
            time: t,
            actor: to,
            type: 'message.pulled',
            msgId: b.record.msgId,
            count: b.record.reads,
            redelivered: again || (b.record.retries ?? 0) > 0,
            explain: again ? 'rocketmq.pulledAgain' : 'rocketmq.pulled',
            detail: { where: `${queueLabel(b.queue)}@${b.record.offset}` },
          };
        }),
      };
    }
    case 'persist': {
      const next = send(world, env, 'broker', { type: 'offsets.persisted', offsets: payload.offsets });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: 'offsets.stored',
            explain: 'rocketmq.offsetsStored',
            detail: { consumer: from, offsets: offsetsText(payload.offsets) },
          },
        ],
      };
    }
    case 'sendBack': {
      const next = send(world, env, 'broker', { type: 'message.sentBack', record: payload.record, direct: payload.queue === 'dlq' });
      const dlq = dlqEvents(world, next);
      const retries = (payload.record.retries ?? 0) + 1;
      const scheduled =
        dlq.events.length === 0
          ? [
              {
                time: t,
                actor: 'broker' as const,
                type: 'retry.scheduled',
                msgId: payload.record.msgId,
                explain: 'rocketmq.retryScheduled',
                detail: { retries, delay: `${retryDelay(retries) / 1000} s` },
              },
            ]
          : [];
      return { world: dlq.world, events: [...scheduled, ...dlq.events] };
    }
    default:
      throw new Error(`RocketMQ does not carry ${payload.kind}`);
  }
}

/** Faults that start or stop a consumer: its join or leave re-divides the queues and drops long polls. */
const MEMBERSHIP_FAULTS = ['crashConsumerBeforeEffect', 'crashConsumerBeforePersist', 'joinConsumer'] as const;

/** A membership change that would hand `queue` to a consumer: another consumer `other` joining or leaving. */
interface Grant {
  other: string;
  change: 'join' | 'leave';
}

/**
 * Every group of the scenario's consumers that includes `ids` (with any combination of the others),
 * as the broker lists its members: sorted, one incarnation each (incarnations never change the order
 * of two consumers).
 */
function groupsWith(world: RocketWorld, ids: readonly string[]): string[][] {
  const rest = Object.keys(world.consumers).filter((c) => !ids.includes(c));
  const groups: string[][] = [];
  for (let mask = 0; mask < 1 << rest.length; mask++) {
    groups.push([...ids, ...rest.filter((_, i) => mask & (1 << i))].map((c) => `${c}#0`).sort());
  }
  return groups;
}

/**
 * The joins and leaves of another consumer that hand `queue` to consumer `id` in some group of the
 * scenario's consumers: where `id` does not hold it before the change and does after. Empty when `id`
 * holds it in every group it is part of or in none. Worked out once per message model, consumer ids
 * and queue.
 */
function grantsOf(world: RocketWorld, id: string, queue: string): readonly Grant[] {
  const messageModel = world.broker.context.messageModel;
  const memo = `${messageModel}|${Object.keys(world.consumers).join(',')}|${id}|${queue}`;
  let known = grantsMemo.get(memo);
  if (known !== undefined) return known;
  const holds = (members: string[]) => owns({ messageModel, members }, `${id}#0`, queue);
  const grants: Grant[] = [];
  for (const other of Object.keys(world.consumers).filter((c) => c !== id)) {
    let join = false;
    let leave = false;
    for (const group of groupsWith(world, [id, other])) {
      const withIt = holds(group);
      const without = holds(group.filter((m) => m !== `${other}#0`));
      join ||= withIt && !without;
      leave ||= without && !withIt;
    }
    if (join) grants.push({ other, change: 'join' });
    if (leave) grants.push({ other, change: 'leave' });
  }
  grantsMemo.set(memo, (known = grants));
  return known;
}
const grantsMemo = new Map<string, readonly Grant[]>();

/**
 * Whether consumer `other` may get a message to work on before the deliveries now possible take place,
 * while consumer `id` stays in the group (over-approximated): it holds one, one is on its way to it, or
 * in some group with `id` it holds a queue that has records or may get one (stillWhileDelivering).
 */
function mayGetWork(world: RocketWorld, other: string, id: string): boolean {
  const c = world.consumers[other]!;
  if (c.context.current || c.context.buffer.length > 0) return true;
  if ((world.net[`broker>${other}`] ?? []).some((p) => p.kind === 'pulled' && p.records.length > 0)) return true;
  const { messageModel, queues: logs } = world.broker.context;
  return groupsWith(world, [id, other]).some((members) =>
    queuesOf(messageModel, members, members.indexOf(`${other}#0`)).some((q) => (logs[q]?.length ?? 0) > 0 || !stillWhileDelivering(world, q)),
  );
}

/**
 * Whether consumer `other` may join or leave the group before the deliveries now possible take place,
 * while consumer `id` stays in it (over-approximated). A join: its join is on its way, or it has not
 * started and the scenario may still start it. A leave: its leave is on its way, or it is running (or
 * may start) and may still crash: a crash before the charge needs a message in hand, one before the
 * offset is persisted a message consumed or offsets not yet persisted. A restart's join waits for its
 * timer, and no timer fires while a delivery can happen.
 */
function mayChange(world: RocketWorld, other: string, change: Grant['change'], id: string): boolean {
  if ((world.net[`${other}>broker`] ?? []).some((p) => p.kind === change)) return true;
  const c = world.consumers[other]!;
  const mayStart = c.value === 'stopped' && can(world, 'joinConsumer');
  if (change === 'join') return mayStart;
  const alive = c.value !== 'stopped' && c.value !== 'crashed';
  if (!alive && !mayStart) return false;
  const work = () => mayGetWork(world, other, id);
  return (can(world, 'crashConsumerBeforeEffect') && work()) || (can(world, 'crashConsumerBeforePersist') && ((alive && c.context.dirty) || work()));
}

/**
 * Whether consumer `id` may come to hold `queue` before the deliveries now possible take place: a
 * join or leave that hands it over may still happen. Its own membership lasts that long: its join
 * went ahead of its pulls on its link, and its leave would travel behind them.
 */
function mayGain(world: RocketWorld, id: string, queue: string): boolean {
  return grantsOf(world, id, queue).some((g) => mayChange(world, g.other, g.change, id));
}

/** Whether no record can reach `queue` while a delivery is still possible. */
function stillWhileDelivering(world: RocketWorld, queue: string): boolean {
  // The retry queue is written only when a retry timer fires, and no timer fires while a delivery can happen.
  if (queue === retryQueue) return true;
  // A topic queue that none of the producer's messages (nor their re-sends) goes to.
  return !world.producer.context.messages.some((m) => topicQueues[m.partition ?? 0] === queue);
}

/**
 * Whether the group's membership can no longer change before the deliveries now possible take place:
 * no join or leave on its way and no fault left that would send one (a restart's join waits for its
 * timer, and no timer fires while a delivery can happen).
 */
function membershipSettled(world: RocketWorld): boolean {
  if (MEMBERSHIP_FAULTS.some((f) => can(world, f))) return false;
  for (const [link, queue] of Object.entries(world.net)) {
    if (link.endsWith('>broker') && queue.some((p) => p.kind === 'join' || p.kind === 'leave')) return false;
  }
  return true;
}

/**
 * A pull request or an offset report reaching the broker commutes with everything else that can reach
 * it in these cases (reduce.ts explores it alone then).
 *
 * A pull: a second poll of the same member and queue would replace the first, so there must be none
 * waiting (the member's later pulls travel behind this one). Then either
 * - the group's membership is settled. The pull reads and writes only the queue's records (to serve
 *   them) and the long polls waiting (a sorted set, one per member and queue). A send or a retry due
 *   appends a record that the poll then gets either way; a persist or a send-back touches offsets,
 *   retries and the DLQ, which a pull never reads; another member's pull is another element of the
 *   set. Only a join or a leave reads what it changes (who owns which queue, which polls stay); or
 * - the poll can only wait, and no join or leave can hand the queue to its sender before it arrives.
 *   No record reaches the queue before the pull does (stillWhileDelivering), so it is never served on
 *   arrival: it is kept if the sender holds the queue then, dropped if not, and a join or leave later
 *   keeps it only if the sender still holds the queue. So with the pull first the poll stays if the
 *   sender holds the queue in every group from now until the pull would have arrived; with the pull
 *   last, if it holds it in the last. The two differ only where the sender lacks the queue and a
 *   change then hands it over (mayGain), which is ruled out. The sender stays in the group until then:
 *   its join went ahead of its pulls on its link, its leave would travel behind them, and a member that
 *   left never comes back (a restart joins under a new incarnation). The rest commutes as in the first
 *   case.
 *
 * An offset report (persist), once the membership is settled: it writes the group's offsets, which
 * only a join or a leave reads (to hand a queue over) and only another report writes. So no other
 * report of any of its queues may be on its way; none can be made before it arrives (a consumer
 * reports on its persist timer, or when a rebalance takes a queue from it).
 */
function commutesIntoBroker(world: RocketWorld, step: Extract<Step, { kind: 'deliver' }>): boolean {
  const head = world.net[step.link]?.[0];
  if (head?.kind === 'persist') {
    if (!membershipSettled(world)) return false;
    const queues = Object.keys(head.offsets);
    return !Object.entries(world.net).some(
      ([link, q]) => link !== step.link && link.endsWith('>broker') && q.some((p) => p.kind === 'persist' && queues.some((x) => x in p.offsets)),
    );
  }
  if (head?.kind !== 'pull') return false;
  const from = step.link.slice(0, step.link.indexOf('>'));
  const member = `${from}#${head.inc}`;
  if (world.broker.context.pending.some((p) => p.member === member && p.queue === head.queue)) return false;
  const waits = (world.broker.context.queues[head.queue]?.length ?? 0) <= head.offset && stillWhileDelivering(world, head.queue);
  return (waits && !mayGain(world, from, head.queue)) || membershipSettled(world);
}

function settings(scenario: Scenario): SettingView[] {
  const r = settingsOf(scenario);
  const d = rocketDefaults;
  const row = settingRow;
  return [
    row('messageDelayLevel', '1s 5s 10s 30s 1m … 2h', '1s 5s 10s 30s 1m … 2h', 'server'),
    row('messageModel', r.messageModel, d.messageModel, 'client'),
    row('MessageListener', r.consumeMode === 'orderly' ? 'MessageListenerOrderly' : 'MessageListenerConcurrently', 'MessageListenerConcurrently', 'client'),
    row('persistConsumerOffsetInterval', String(r.persistConsumerOffsetInterval), String(d.persistConsumerOffsetInterval), 'client'),
    row('maxReconsumeTimes', String(r.maxReconsumeTimes), String(d.maxReconsumeTimes), 'client'),
    ...(r.consumeMode === 'orderly'
      ? [row('suspendCurrentQueueTimeMillis', String(r.suspendCurrentQueueTimeMillis), String(d.suspendCurrentQueueTimeMillis), 'client')]
      : []),
    row('sendMsgTimeout', String(r.sendMsgTimeout), String(d.sendMsgTimeout), 'client'),
  ];
}

/** Apache RocketMQ (4.x push consumer). */
export const rocketProtocol: Protocol<RocketWorld, RocketSettings> = defineBroker<RocketWorld, RocketSettings>({
  id: 'rocketmq',
  title: 'RocketMQ',
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
    const tokens = (q: string) =>
      (b.queues[q] ?? []).map((r) => ({
        msg: r.msgId,
        text: `@${r.offset}`,
        count: r.reads,
        redelivered: r.reads > 1,
        kind: r.offset < (b.offsets[q] ?? 0) ? 'committed' : 'stored',
      }));
    return {
      producer: { state: p.value, sections: [], notes: p.context.attempt > 1 ? [attemptNote(p.context.attempt)] : [] },
      broker: {
        state: world.broker.value,
        sections: [
          ...['q0', 'q1', retryQueue].map((q) => ({
            label: `orders-${q}`.replace('orders-retry', '%RETRY%billing'),
            tokens: tokens(q),
            note: b.messageModel === 'CLUSTERING' ? { en: `Consume offset ${b.offsets[q] ?? 0}`, 'zh-cn': `消费位点 ${b.offsets[q] ?? 0}` } : '',
          })),
          ...(b.delayed.length > 0
            ? [
                {
                  label: 'SCHEDULE_TOPIC_XXXX',
                  tokens: b.delayed.map((r) => ({ msg: r.msgId, text: { en: `retry ${r.retries}`, 'zh-cn': `第 ${r.retries} 次重试` }, kind: 'retry' })),
                },
              ]
            : []),
          ...(b.dlq.length > 0 ? [{ label: '%DLQ%billing', tokens: b.dlq.map((r) => ({ msg: r.msgId, kind: 'dead' })) }] : []),
        ],
        notes: [
          {
            en: `Group billing (${b.messageModel}): ${b.members.map(actorRef).join(', ') || '—'}`,
            'zh-cn': `消费者组 billing（${b.messageModel}）：${b.members.map(actorRef).join('、') || '—'}`,
          },
        ],
      },
      consumers: Object.fromEntries(
        Object.entries(world.consumers).map(([id, c]) => {
          const lane = consumerLane(c);
          if (c.context.buffer.length > 0)
            lane.sections.push({
              label: { en: 'Process queue', 'zh-cn': '本地缓存队列' },
              tokens: c.context.buffer.map((x) => ({ msg: x.record.msgId, text: `${queueLabel(x.queue)}@${x.record.offset}`, kind: 'stored' })),
            });
          if (c.context.queues.length > 0)
            lane.notes.push({
              en:
                `Queues ${c.context.queues.map(queueLabel).join(', ')}; ` +
                `offsets ${offsetsText(c.context.offsets)}${c.context.dirty ? ' (not persisted)' : ''}`,
              'zh-cn': `队列 ${c.context.queues.map(queueLabel).join('、')}；位点 ${offsetsText(c.context.offsets)}${c.context.dirty ? '（未上报）' : ''}`,
            });
          return [id, lane];
        }),
      ),
    };
  },
  settings,
  // How often the broker served a record tells the story ("consumed 3 times by the group"); the
  // handler sees only reconsumeTimes, which counts retries.
  narrationOnly: ['reads'],
  commutesIntoBroker,
});
