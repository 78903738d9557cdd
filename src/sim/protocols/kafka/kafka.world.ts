import type { ActorId, ActorState, Delivery, Payload, Timer } from '../../core/types';
import { initialActor } from '../../engine/actors';
import { consumersWhere, defineBroker, loseHead, type BrokerDef } from '../../engine/broker';
import {
  applyOutputs,
  consumerIds,
  confirmTimedOut,
  consumerLane,
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
import type { World } from '../../engine/world';
import { kafkaBrokerMachine, type KafkaBrokerContext, type KafkaBrokerEvent } from './broker.machine';
import { kafkaConsumerMachine, type KafkaConsumerContext, type KafkaConsumerEvent } from './consumer.machine';
import { kafkaProducerMachine, type KafkaProducerContext, type KafkaProducerEvent } from './producer.machine';
import { kafkaDefaults, type KafkaSettings } from './kafka.settings';

/** A scenario on this broker, and a step's context: `broker` holds the settings. */
type Scenario = AnyScenario<KafkaSettings>;
type Env = KitEnv<KafkaSettings>;
/** The group coordinator's session timer for a member that stopped heartbeating: which member. */
type SessionTimer = { kind: 'session'; member: string };

/** A Kafka world: a producer, one partition with its consumer group coordinator, consumers polling. */
export type KafkaWorld = World<KafkaProducerContext, KafkaBrokerContext, KafkaConsumerContext>;

const machines = { producer: kafkaProducerMachine, broker: kafkaBrokerMachine, consumer: kafkaConsumerMachine };
const send = (world: KafkaWorld, env: Env, actor: ActorId, event: KafkaBrokerEvent | KafkaConsumerEvent | KafkaProducerEvent) =>
  sendTo(world, env.tx, machines, actor, event);
const settingsOf = (s: Scenario) => s.broker ?? kafkaDefaults;

function initialWorld(scenario: Scenario): KafkaWorld {
  const k = settingsOf(scenario);
  const s = scenario.settings;
  const producer = initialActor<KafkaProducerContext>(kafkaProducerMachine, {
    messages: scenario.messages,
    requestTimeoutMs: k.requestTimeoutMs,
    maxAttempts: s.maxPublishAttempts,
    enableIdempotence: k.enableIdempotence,
    restartDelay: s.restartDelay,
  });
  const broker = initialActor<KafkaBrokerContext>(kafkaBrokerMachine, {});
  let world = applyOutputs(emptyWorld<KafkaWorld>('kafka', scenario, producer.state, broker.state), 'producer', [
    { kind: 'startTimer', name: 'start', after: 0 },
  ]);
  for (const id of consumerIds(scenario.consumers)) {
    const c = initialActor<KafkaConsumerContext>(kafkaConsumerMachine, {
      id,
      commit: k.commit,
      commitOnRevoke: k.commitOnRevoke,
      autoCommitIntervalMs: k.autoCommitIntervalMs,
      restartDelay: s.restartDelay,
      standby: false,
    });
    world = applyOutputs({ ...world, consumers: { ...world.consumers, [id]: c.state } }, id, c.outputs);
  }
  return world;
}

const isBusy = (c: ActorState<KafkaConsumerContext>) =>
  (c.value === 'processing' || c.value === 'finishing' || c.value === 'inTransaction') && c.context.current !== null;
/** A busy consumer's next step: its handler's next operation, the transaction's commit, or moving past the record once the handler returned. */
function run(world: KafkaWorld, env: Env, actor: ActorId, c: ActorState<KafkaConsumerContext>, d: Delivery): Applied<KafkaWorld> {
  const t = world.time;
  const k = settingsOf(env.scenario);
  const offset = d.offset ?? 0;
  if (c.value === 'inTransaction') {
    const next = send(world, env, actor, { type: 'transaction.committing' });
    return {
      world: next,
      events: [{ time: t, actor, type: 'transaction.commitSent', msgId: d.msgId, explain: 'kafka.txn.commitSent', detail: { offset: offset + 1 } }],
    };
  }
  if (c.value === 'finishing') {
    const next = send(world, env, actor, { type: 'handler.returned' });
    if (k.commit === 'transaction')
      return { world: next, events: [{ time: t, actor, type: 'receipt.produced', msgId: d.msgId, explain: 'kafka.txn.produced' }] };
    const explain = k.commit === 'sync' ? 'kafka.commitSync.sent' : k.commit === 'auto' ? 'kafka.position.auto' : 'kafka.position.timer';
    return {
      world: next,
      events: [
        {
          time: t,
          actor,
          type: k.commit === 'sync' ? 'offset.commitSent' : 'position.advanced',
          msgId: d.msgId,
          count: d.count,
          explain,
          detail: { offset: offset + 1 },
        },
      ],
    };
  }
  const r = handlerStep(world, env, actor, c, d);
  return { world: send(r.world, env, actor, r.completed), events: r.events };
}

/** A timer fired: the producer's start, restart or request timeout, a member's session timeout, a consumer's auto-commit or restart. */
function fire(world: KafkaWorld, env: Env, timer: Timer): Applied<KafkaWorld> {
  const now = world.time;
  const k = settingsOf(env.scenario);
  if (timer.owner === 'producer') {
    if (timer.name === 'start') return { world: send(world, env, 'producer', { type: 'producer.started' }), events: [] };
    if (timer.name === 'restart') {
      const next = send(world, env, 'producer', { type: 'producer.restarted' });
      const msg = next.producer.context.messages[next.producer.context.next];
      return {
        world: next,
        events: [
          {
            time: now,
            actor: 'producer',
            type: 'producer.restarted',
            ...(msg ? { msgId: msg.id } : {}),
            explain: k.enableIdempotence ? 'kafka.producer.restarted' : 'kafka.producer.restartedPlain',
            detail: { pid: next.producer.context.pid },
          },
        ],
      };
    }
    return confirmTimedOut(world, (w) => send(w, env, 'producer', { type: 'request.timedOut' }), {
      type: 'record.retried',
      explain: k.enableIdempotence ? 'kafka.retry.idempotent' : 'kafka.retry.plain',
      detail: (before) => ({ pid: before.pid, seq: before.seq }),
    });
  }
  if (timer.owner === 'broker') {
    const { member } = timerData<SessionTimer>(timer);
    const next = send(world, env, 'broker', { type: 'member.expired', member });
    return {
      world: next,
      events: [{ time: now, actor: 'broker', type: 'member.expired', explain: 'kafka.session.expired', detail: { consumer: member.split('#')[0]!, member } }],
    };
  }
  const actor = timer.owner as ActorId;
  if (timer.name === 'autoCommit') {
    const c = world.consumers[actor]!;
    const next = send(world, env, actor, { type: 'autoCommit.due' });
    const sent = next.consumers[actor]!.context.dirty !== c.context.dirty;
    return {
      world: next,
      events: sent
        ? [
            {
              time: now,
              actor,
              type: 'offset.commitSent',
              explain: k.commit === 'auto' ? 'kafka.autoCommit' : 'kafka.timerCommit',
              detail: { offset: c.context.position },
            },
          ]
        : [],
    };
  }
  const next = send(world, env, actor, { type: 'consumer.restarted' });
  return { world: next, events: [{ time: now, actor, type: 'consumer.restarted', explain: 'kafka.consumer.restarted' }] };
}

/** What a fault on a consumer says about the record it holds, if any. */
const aboutCurrent = (c: ActorState<KafkaConsumerContext>) => (c.context.current ? { msgId: c.context.current.msgId, count: c.context.current.count } : {});

/** The consumer process dies (before the charge, or before its offset was committed): the coordinator notices only when its session times out. */
function crash(world: KafkaWorld, actor: ActorId, env: Env, before: KafkaWorld): Applied<KafkaWorld> {
  const c = before.consumers[actor]!;
  const t = before.time;
  let next = send(world, env, actor, { type: 'fault.crashConsumer' });
  const member = `${actor}#${c.context.inc}`;
  if (before.broker.context.members.includes(member)) {
    const data: SessionTimer = { kind: 'session', member };
    next = { ...next, timers: [...next.timers, { owner: 'broker', name: `session:${member}`, deadline: t + settingsOf(env.scenario).sessionTimeoutMs, data }] };
  }
  return {
    world: next,
    events: [
      {
        time: t,
        actor,
        type: 'consumer.crashed',
        ...aboutCurrent(c),
        explain: 'kafka.fault.crashConsumerBeforeCommit',
        detail: { offset: before.broker.context.committed },
      },
    ],
  };
}

const alive = (c: ActorState<KafkaConsumerContext>) => !['crashed', 'closed', 'stopped'].includes(c.value);

/** The faults Kafka scenarios inject (their words are in kafka.faults.ts). */
const faults: BrokerDef<KafkaWorld, KafkaSettings>['faults'] = {
  crashConsumerBeforeCommit: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => alive(c) && (c.context.effectDone || c.context.dirty)),
    apply: crash,
  },
  // The generic crash before the charge (code labs crash a consumer anywhere); it dies the same way.
  crashConsumerBeforeEffect: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => alive(c) && isBusy(c) && !c.context.effectDone),
    apply: crash,
  },
  // The handler runs past max.poll.interval.ms: the clock jumps there and the member leaves the group.
  exceedMaxPollInterval: {
    target: 'consumer',
    movesClock: true,
    targets: (w) => consumersWhere(w, (c) => alive(c) && isBusy(c) && c.context.member),
    apply(world, actor, env, before) {
      const jumped = { ...world, time: before.time + settingsOf(env.scenario).maxPollIntervalMs };
      const next = send(jumped, env, actor, { type: 'fault.leaveGroup' });
      return {
        world: next,
        events: [
          { time: jumped.time, actor, type: 'member.leftGroup', ...aboutCurrent(before.consumers[actor]!), explain: 'kafka.fault.exceedMaxPollInterval' },
        ],
      };
    },
  },
  // A deploy stops consumer 1 from its poll loop while consumer 2 is in the group to take over.
  closeConsumer: {
    target: 'consumer',
    targets: (w) =>
      consumersWhere(
        w,
        (c, id) => id === 'c1' && alive(c) && c.value === 'polling' && c.context.owns && w.broker.context.members.some((m) => !m.startsWith(`${id}#`)),
      ),
    apply(world, actor, env, before) {
      const next = send(world, env, actor, { type: 'fault.close' });
      const committed = next.net[`${actor}>broker`]?.some((p) => p.kind === 'commit') ?? false;
      return {
        world: next,
        events: [
          {
            time: before.time,
            actor,
            type: 'consumer.closed',
            explain: committed ? 'kafka.fault.closeConsumer.commit' : 'kafka.fault.closeConsumer',
            detail: { offset: before.consumers[actor]!.context.position },
          },
        ],
      };
    },
  },
  loseProduceResponse: loseHead('produceResponse', 'response.lost', 'kafka.fault.loseProduceResponse', { producerOnly: true }),
  crashProducer: {
    target: 'producer',
    producerOnly: true,
    targets: (w) => (w.producer.value === 'awaitingResponse' ? ['producer'] : []),
    apply(world, _target, env, before) {
      const msg = before.producer.context.messages[before.producer.context.next];
      const next = send(world, env, 'producer', { type: 'fault.crashProducer' });
      return {
        world: next,
        events: [{ time: before.time, actor: 'producer', type: 'producer.crashed', ...(msg ? { msgId: msg.id } : {}), explain: 'kafka.fault.crashProducer' }],
      };
    },
  },
};

function arrive(world: KafkaWorld, env: Env, from: ActorId, to: ActorId, payload: Payload): Applied<KafkaWorld> {
  const t = world.time;
  const b = world.broker.context;
  switch (payload.kind) {
    case 'produce': {
      const next = send(world, env, 'broker', { type: 'produce.received', msg: payload.msg, pid: payload.pid, seq: payload.seq });
      const appended = next.broker.context.log.length > b.log.length;
      const copies = next.broker.context.log.filter((r) => r.msgId === payload.msg.id).length;
      const explain = !appended ? 'kafka.produce.duplicate' : copies > 1 ? 'kafka.produce.appendedAgain' : 'kafka.produce.appended';
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: appended ? 'record.appended' : 'record.deduplicated',
            msgId: payload.msg.id,
            explain,
            detail: { offset: b.log.length, pid: payload.pid, seq: payload.seq },
          },
        ],
      };
    }
    case 'produceResponse': {
      if (world.producer.value === 'crashed')
        return { world, events: [{ time: t, actor: 'net', type: 'response.undelivered', msgId: payload.msgId, explain: 'kafka.response.nobody' }] };
      const next = send(world, env, 'producer', { type: 'response.received', msgId: payload.msgId });
      return { world: next, events: [{ time: t, actor: 'producer', type: 'response.received', msgId: payload.msgId, explain: 'kafka.produce.acked' }] };
    }
    case 'join': {
      const next = send(world, env, 'broker', { type: 'member.joined', consumer: from, inc: payload.inc });
      const aborted = (w: KafkaWorld) => w.broker.context.receipts.filter((r) => r.state === 'aborted').length;
      const fenced =
        aborted(next) > aborted(world)
          ? [{ time: t, actor: 'broker' as const, type: 'transaction.aborted', explain: 'kafka.txn.fenced', detail: { consumer: from } }]
          : [];
      return {
        world: next,
        events: [{ time: t, actor: from, type: 'member.joined', explain: 'kafka.member.joined', detail: { member: `${from}#${payload.inc}` } }, ...fenced],
      };
    }
    case 'txnProduce':
      return { world: send(world, env, 'broker', { type: 'txn.produced', consumer: from, msgId: payload.msgId, key: payload.key }), events: [] };
    case 'txnCommit': {
      const next = send(world, env, 'broker', {
        type: 'txn.committed',
        consumer: from,
        inc: payload.inc,
        generation: payload.generation,
        offset: payload.offset,
      });
      const committed = next.broker.context.committed === payload.offset && next.broker.context.receipts.some((r) => r.txn === from && r.state === 'committed');
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: committed ? 'transaction.committed' : 'transaction.aborted',
            explain: committed ? 'kafka.txn.committed' : 'kafka.txn.abortedLate',
            detail: { consumer: from, offset: payload.offset },
          },
        ],
      };
    }
    case 'leave': {
      const next = send(world, env, 'broker', { type: 'member.left', consumer: from, inc: payload.inc });
      return { world: next, events: [{ time: t, actor: 'broker', type: 'member.left', explain: 'kafka.member.left', detail: { consumer: from } }] };
    }
    case 'rebalance': {
      const next = send(world, env, to, { type: 'rebalance.started' });
      return { world: next, events: [{ time: t, actor: to, type: 'rebalance.started', explain: 'kafka.rebalance.started' }] };
    }
    case 'assign': {
      const next = send(world, env, to, { type: 'partition.assigned', generation: payload.generation, offset: payload.offset });
      const explain = payload.offset === null ? 'kafka.assigned.none' : 'kafka.assigned';
      return {
        world: next,
        events: [{ time: t, actor: to, type: 'partition.assigned', explain, detail: { offset: payload.offset ?? -1, generation: payload.generation } }],
      };
    }
    case 'fetch': {
      const next = send(world, env, 'broker', { type: 'fetch.received', consumer: from, generation: payload.generation, offset: payload.offset });
      return { world: next, events: [] };
    }
    case 'records': {
      const c = world.consumers[to];
      const next = send(world, env, to, { type: 'records.fetched', generation: payload.generation, records: payload.records });
      const taken = c?.value === 'polling' && next.consumers[to]!.value === 'processing';
      if (!taken) return { world: next, events: [{ time: t, actor: to, type: 'records.discarded', explain: 'kafka.records.stale' }] };
      return {
        world: next,
        events: payload.records
          .filter((r) => r.offset >= (c?.context.position ?? 0))
          .map((r) => ({
            time: t,
            actor: to,
            type: 'record.fetched',
            msgId: r.msgId,
            count: r.reads,
            redelivered: r.reads > 1,
            explain: r.reads > 1 ? 'kafka.record.reread' : 'kafka.record.fetched',
            detail: { offset: r.offset },
          })),
      };
    }
    case 'commit': {
      const next = send(world, env, 'broker', {
        type: 'commit.received',
        consumer: from,
        inc: payload.inc,
        generation: payload.generation,
        offset: payload.offset,
      });
      return { world: next, events: [] };
    }
    case 'commitResponse': {
      const next = send(world, env, to, { type: 'commit.answered', ok: payload.ok, offset: payload.offset });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: to,
            type: payload.ok ? 'offset.committed' : 'commit.failed',
            explain: payload.ok ? 'kafka.committed' : 'kafka.commitFailed',
            detail: { offset: payload.offset },
          },
        ],
      };
    }
    default:
      throw new Error(`Kafka does not carry ${payload.kind}`);
  }
}

function settings(scenario: Scenario): SettingView[] {
  const k = settingsOf(scenario);
  const d = kafkaDefaults;
  const row = settingRow;
  return [
    // All of Kafka's settings here are client settings (consumer, producer, the application's commit code).
    row('enable.auto.commit', String(k.commit === 'auto'), 'true', 'client'),
    ...(k.commit === 'transaction' ? [row('transactional.id', 'billing-<consumer>', '—', 'client')] : []),
    row('auto.commit.interval.ms', String(k.autoCommitIntervalMs), String(d.autoCommitIntervalMs), 'client'),
    ...(k.commit === 'auto'
      ? []
      : [
          row(
            { en: 'commit', 'zh-cn': '提交方式' },
            k.commit === 'sync'
              ? { en: 'commitSync() after each record', 'zh-cn': '每条消息处理完调用 commitSync()' }
              : k.commit === 'transaction'
                ? 'sendOffsetsToTransaction() + commitTransaction()'
                : { en: `application timer, ${k.autoCommitIntervalMs} ms`, 'zh-cn': `应用自己的定时器，${k.autoCommitIntervalMs} ms` },
            '—',
            'client',
          ),
        ]),
    row({ en: 'onPartitionsRevoked commits', 'zh-cn': 'onPartitionsRevoked 里提交' }, String(k.commitOnRevoke), 'false', 'client'),
    row('max.poll.interval.ms', String(k.maxPollIntervalMs), String(d.maxPollIntervalMs), 'client'),
    row('session.timeout.ms', String(k.sessionTimeoutMs), String(d.sessionTimeoutMs), 'client'),
    row('request.timeout.ms', String(k.requestTimeoutMs), String(d.requestTimeoutMs), 'client'),
    row('enable.idempotence', String(k.enableIdempotence), 'true', 'client'),
    row('isolation.level', k.commit === 'transaction' ? 'read_committed' : 'read_uncommitted', 'read_uncommitted', 'client'),
  ];
}

/** Apache Kafka (3.x / 4.x, classic group protocol, Java client defaults). */
export const kafkaProtocol: Protocol<KafkaWorld, KafkaSettings> = defineBroker<KafkaWorld, KafkaSettings>({
  id: 'kafka',
  title: 'Kafka',
  initialWorld,
  isBusy,
  run,
  arrive,
  fire,
  faults,
  machines: roleMachines(machines),
  view(world) {
    const b = world.broker.context;
    const p = world.producer.context;
    return {
      // A producer id exists once the producer has started, and only with enable.idempotence=true.
      producer: {
        state: world.producer.value,
        sections: [],
        notes: [
          ...(!p.enableIdempotence
            ? ['enable.idempotence=false']
            : p.pid >= 0
              ? [{ en: `Producer id ${p.pid}, sequence ${p.seq}`, 'zh-cn': `producer id ${p.pid}，序列号 ${p.seq}` }]
              : [{ en: 'No producer id until it starts', 'zh-cn': '启动后才会拿到 producer id' }]),
          ...(p.attempt > 1 ? [attemptNote(p.attempt)] : []),
        ],
      },
      broker: {
        state: b.awaiting.length > 0 ? 'rebalancing' : world.broker.value,
        sections: [
          {
            label: 'orders-p0',
            tokens: b.log.map((r) => ({
              msg: r.msgId,
              text: `@${r.offset}${r.copy > 1 ? ` (${r.copy})` : ''}`,
              count: r.reads,
              redelivered: r.reads > 1,
              kind: r.offset < b.committed ? 'committed' : 'stored',
            })),
            note: { en: `Committed offset ${b.committed}`, 'zh-cn': `已提交位点 ${b.committed}` },
          },
          ...(b.receipts.length > 0
            ? [
                {
                  label: { en: 'receipts (read_committed sees the committed ones)', 'zh-cn': 'receipts（read_committed 只看得到已提交的）' },
                  tokens: b.receipts.map((r) => ({
                    msg: r.msgId,
                    text: r.state,
                    kind: r.state === 'committed' ? 'committed' : r.state === 'aborted' ? 'dead' : 'stored',
                  })),
                  note: {
                    en: `Visible to read_committed: ${b.receipts.filter((r) => r.state === 'committed').length}`,
                    'zh-cn': `read_committed 可见：${b.receipts.filter((r) => r.state === 'committed').length} 条`,
                  },
                },
              ]
            : []),
        ],
        notes: [
          {
            en: `Group billing, generation ${b.generation}: ${b.members.map(actorRef).join(', ') || '—'}; p0 → ${b.owner ? actorRef(b.owner) : '—'}`,
            'zh-cn': `消费者组 billing，第 ${b.generation} 代：${b.members.map(actorRef).join('、') || '—'}；p0 → ${b.owner ? actorRef(b.owner) : '—'}`,
          },
        ],
      },
      consumers: Object.fromEntries(
        Object.entries(world.consumers).map(([id, c]) => {
          const lane = consumerLane(c);
          if (c.context.owns)
            lane.notes.push({
              en: `Position in p0: ${c.context.position}${c.context.dirty ? ' (not committed)' : ''}`,
              'zh-cn': `p0 消费到 ${c.context.position}${c.context.dirty ? '（未提交）' : ''}`,
            });
          if (!c.context.member) lane.notes.push({ en: 'Left the group', 'zh-cn': '已离开消费者组' });
          return [id, lane];
        }),
      ),
    };
  },
  settings,
  // How often the broker served a record tells the story ("fetched again"); a record has no delivery count.
  narrationOnly: ['reads'],
});
