import type { ActorId, ActorState, Delivery, Payload, Timer } from '../../core/types';
import { initialActor } from '../../engine/actors';
import { busyCrashes, consumersWhere, defineBroker, loseHead, type BrokerDef } from '../../engine/broker';
import {
  applyOutputs,
  confirmTimedOut,
  consumerIds,
  consumerLane,
  deadLetter,
  durationText,
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
import { producerMachine, type ProducerContext, type ProducerEvent } from '../ack/producer.machine';
import { entryOf, jsBrokerMachine, storesOf, type JsBrokerContext, type JsBrokerEvent, type JsTimer } from './broker.machine';
import { jsConsumerMachine, type JsConsumerContext, type JsConsumerEvent } from './consumer.machine';
import { jetstreamDefaults, type JetStreamSettings } from './jetstream.settings';

/** A scenario on this broker, and a step's context: `broker` holds the settings. */
type Scenario = AnyScenario<JetStreamSettings>;
type Env = KitEnv<JetStreamSettings>;

/** A JetStream world: a publisher, stream `ORDERS` with its duplicate window, and a durable pull consumer `billing`. */
export type JetStreamWorld = World<ProducerContext, JsBrokerContext, JsConsumerContext>;

const machines = { producer: producerMachine, broker: jsBrokerMachine, consumer: jsConsumerMachine };
const send = (world: JetStreamWorld, env: Env, actor: ActorId, event: JsBrokerEvent | JsConsumerEvent | ProducerEvent) =>
  sendTo(world, env.tx, machines, actor, event);
const settingsOf = (s: Scenario) => s.broker ?? jetstreamDefaults;

function initialWorld(scenario: Scenario): JetStreamWorld {
  const s = scenario.settings;
  const js = settingsOf(scenario);
  const producer = initialActor<ProducerContext>(producerMachine, {
    messages: scenario.messages,
    confirmTimeout: s.confirmTimeout,
    maxAttempts: s.maxPublishAttempts,
  });
  const broker = initialActor<JsBrokerContext>(jsBrokerMachine, { duplicateWindow: js.duplicateWindow, ackWait: js.ackWait, maxDeliver: js.maxDeliver });
  let world = applyOutputs(emptyWorld<JetStreamWorld>('jetstream', scenario, producer.state, broker.state), 'producer', producer.outputs);
  for (const id of consumerIds(scenario.consumers)) {
    const c = initialActor<JsConsumerContext>(jsConsumerMachine, {
      id,
      restartDelay: s.restartDelay,
      ackSync: js.ackSync,
      ackSyncRetry: js.ackSyncRetry,
      onFailure: js.onFailure,
      nakDelay: js.nakDelay,
    });
    world = applyOutputs({ ...world, consumers: { ...world.consumers, [id]: c.state } }, id, c.outputs);
  }
  return world;
}

const isBusy = (c: ActorState<JsConsumerContext>) => (c.value === 'processing' || c.value === 'acking') && c.context.current !== null;
/** The stream sequence of the delivery a consumer holds, if the server still has it pending and not yet due again. */
function heldSeq(world: JetStreamWorld, id: string, c: ActorState<JsConsumerContext>): number | null {
  const b = world.broker.context;
  const e = c.context.current ? entryOf(b, `${c.context.current.msgId}/${c.context.current.copy}`) : undefined;
  if (!e) return null;
  const p = b.pending.find((x) => x.seq === e.seq);
  return p && p.consumer === id && p.count === c.context.current!.count && !b.redeliver.includes(e.seq) ? e.seq : null;
}

const msgOf = (b: JsBrokerContext, seq: number) => b.stream.find((e) => e.seq === seq)!;

/** Events for sequences the server just stopped delivering (max_deliver reached, or a term). A term parks the message. */
function endedEvents(before: JetStreamWorld, after: JetStreamWorld): Applied<JetStreamWorld> {
  const b = after.broker.context;
  let world = after;
  const events: TraceEvent[] = [];
  for (const end of b.ended.slice(before.broker.context.ended.length)) {
    const e = msgOf(b, end.seq);
    if (end.reason === 'term') world = deadLetter(world, e.key);
    events.push({
      time: after.time,
      actor: 'broker',
      type: end.reason === 'term' ? 'message.terminated' : 'message.maxDelivered',
      msgId: e.msgId,
      explain: end.reason === 'term' ? 'jetstream.terminated' : 'jetstream.maxDeliver',
      detail: { seq: end.seq, max: b.maxDeliver },
    });
  }
  return { world, events };
}

/** An ack_wait (or a nak's delay) ran out for `seq`: it is due again, or the server gives up at max_deliver. */
function ackWaitExpired(world: JetStreamWorld, env: Env, seq: number, why: 'ackWait' | 'nak' | 'injected'): Applied<JetStreamWorld> {
  const b = world.broker.context;
  const p = b.pending.find((x) => x.seq === seq);
  const next = send(world, env, 'broker', { type: 'ackWait.expired', seq, now: world.time });
  const e = msgOf(b, seq);
  const events: TraceEvent[] = p
    ? [
        {
          time: world.time,
          actor: 'broker',
          type: 'ackWait.expired',
          msgId: e.msgId,
          count: p.count,
          explain: why === 'injected' ? 'jetstream.fault.exceedAckWait' : why === 'nak' ? 'jetstream.nak.due' : 'jetstream.ackWait',
          detail: { consumer: p.consumer, seq, wait: b.ackWait / 1000 },
        },
      ]
    : [];
  const ended = endedEvents(world, next);
  return { world: ended.world, events: [...events, ...ended.events] };
}

/** The consumer's answer to a failed handler: nak (with its delay) or term. */
function rejected(time: number, actor: ActorId, c: JsConsumerContext, msgId: string, count: number): TraceEvent {
  const term = c.onFailure === 'term';
  return {
    time,
    actor,
    type: term ? 'term.sent' : 'nak.sent',
    msgId,
    count,
    explain: term ? 'jetstream.term.sent' : c.nakDelay > 0 ? 'jetstream.nak.delay' : 'jetstream.nak.sent',
    detail: { delay: c.nakDelay / 1000 },
  };
}

/** A busy consumer's next step: its handler's next operation, or the ack once the handler returned. */
function run(world: JetStreamWorld, env: Env, actor: ActorId, c: ActorState<JsConsumerContext>, d: Delivery): Applied<JetStreamWorld> {
  const t = world.time;
  if (c.value === 'acking') {
    const next = send(world, env, actor, { type: 'handler.returned' });
    return {
      world: next,
      events: [
        { time: t, actor, type: 'ack.sent', msgId: d.msgId, count: d.count, explain: c.context.ackSync ? 'jetstream.ackSync.sent' : 'jetstream.ack.sent' },
      ],
    };
  }
  const r = handlerStep(world, env, actor, c, d);
  const next = send(r.world, env, actor, r.completed);
  return { world: next, events: [...r.events, ...(r.completed.failed ? [rejected(t, actor, c.context, d.msgId, d.count)] : [])] };
}

/** A timer fired: the publisher's confirm timeout, the server's ack_wait, nak delay or duplicate window, a consumer's AckSync retry or restart. */
function fire(world: JetStreamWorld, env: Env, timer: Timer): Applied<JetStreamWorld> {
  const now = world.time;
  if (timer.owner === 'producer')
    return confirmTimedOut(world, (w) => send(w, env, 'producer', { type: 'confirm.timedOut' }), { explain: 'jetstream.republished' });
  const data = timer.owner === 'broker' ? timerData<JsTimer>(timer) : null;
  if (data?.kind === 'ackwait') return ackWaitExpired(world, env, data.seq, 'ackWait');
  if (data?.kind === 'nak') return ackWaitExpired(world, env, data.seq, 'nak');
  if (data?.kind === 'window') {
    const { msgId } = data;
    const next = send(world, env, 'broker', { type: 'window.expired', msgId });
    return {
      world: next,
      events: [
        {
          time: now,
          actor: 'broker',
          type: 'window.expired',
          msgId,
          explain: 'jetstream.window.expired',
          detail: { window: world.broker.context.duplicateWindow / 1000 },
        },
      ],
    };
  }
  const actor = timer.owner as ActorId;
  if (timer.name === 'ackSync') {
    const c = world.consumers[actor]!;
    const next = send(world, env, actor, { type: 'ackSync.timedOut' });
    const msgId = c.context.awaiting?.split('/')[0];
    return {
      world: next,
      events: [
        {
          time: now,
          actor,
          type: 'ack.resent',
          ...(msgId ? { msgId } : {}),
          explain: 'jetstream.ackSync.retry',
          detail: { after: c.context.ackSyncRetry / 1000 },
        },
      ],
    };
  }
  const next = send(world, env, actor, { type: 'consumer.restarted' });
  return { world: next, events: [{ time: now, actor, type: 'consumer.restarted', explain: 'log.consumer.restarted' }] };
}

/** The log names the side a lost envelope was sent from. */
const from = (link: string) => ({ from: link.split('>')[0]! });

/** The faults JetStream scenarios inject (their words are in jetstream.faults.ts). */
const faults: BrokerDef<JetStreamWorld, JetStreamSettings>['faults'] = {
  ...busyCrashes<JetStreamWorld, JetStreamSettings>(isBusy, machines, (fault) => `jetstream.fault.${fault}`),
  failDownstream: {
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => isBusy(c) && c.value === 'processing' && !c.context.effectDone),
    apply(world, actor, env, before) {
      const c = before.consumers[actor]!;
      const d = c.context.current;
      const next = send(world, env, actor, { type: 'handler.failed' });
      const events: TraceEvent[] = [
        { time: world.time, actor, type: 'handler.failed', ...(d ? { msgId: d.msgId, count: d.count } : {}), explain: 'jetstream.fault.failDownstream' },
      ];
      if (d) events.push(rejected(world.time, actor, c.context, d.msgId, d.count));
      return { world: next, events };
    },
  },
  // The server's ack_wait for the delivery a consumer is working on runs out now: the clock jumps to it.
  exceedAckWait: {
    target: 'broker',
    movesClock: true,
    targets: (w) =>
      Object.entries(w.consumers).flatMap(([id, c]) => {
        const seq = isBusy(c) ? heldSeq(w, id, c) : null;
        return seq === null ? [] : [String(seq)];
      }),
    apply(world, target, env, before) {
      const seq = Number(target);
      const t = before.time;
      const p = before.broker.context.pending.find((x) => x.seq === seq);
      const jumped = dropTimer({ ...world, time: Math.max(t, (p?.at ?? t) + before.broker.context.ackWait) }, 'broker', `ackwait:${seq}`);
      return ackWaitExpired(jumped, env, seq, 'injected');
    },
  },
  loseConfirm: loseHead('confirm', 'confirm.lost', 'jetstream.fault.loseConfirm', { producerOnly: true, detail: from }),
  loseAck: loseHead('ack', 'ack.lost', 'jetstream.fault.loseAck', { detail: from }),
};

function arrive(world: JetStreamWorld, env: Env, from: ActorId, to: ActorId, payload: Payload): Applied<JetStreamWorld> {
  const t = world.time;
  const b = world.broker.context;
  switch (payload.kind) {
    case 'publish': {
      const seq = b.window[payload.msg.id];
      const next = send(world, env, 'broker', { type: 'message.published', msg: payload.msg, from, now: t });
      if (seq !== undefined)
        return {
          world: next,
          events: [
            {
              time: t,
              actor: 'broker',
              type: 'message.deduplicated',
              msgId: payload.msg.id,
              explain: 'jetstream.duplicate',
              detail: { seq, window: b.duplicateWindow / 1000 },
            },
          ],
        };
      const copy = storesOf(b, payload.msg.id) + 1;
      const stored = next.broker.context.stream.length;
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: 'message.stored',
            msgId: payload.msg.id,
            explain: copy > 1 ? 'jetstream.storedAgain' : 'jetstream.stored',
            detail: { seq: stored, copy },
          },
        ],
      };
    }
    case 'confirm': {
      const next = send(world, env, 'producer', { type: 'confirm.received', msgId: payload.msgId });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'producer',
            type: 'confirm.received',
            msgId: payload.msgId,
            explain: payload.duplicate ? 'jetstream.pubAck.duplicate' : 'jetstream.pubAck',
          },
        ],
      };
    }
    case 'deliver': {
      const c = world.consumers[to];
      const d = payload.delivery;
      const accepted = !!c && c.value === 'waiting' && c.context.channel === d.channel;
      const next = send(world, env, to, { type: 'message.delivered', delivery: d });
      const explain = !accepted ? 'jetstream.delivery.discarded' : d.redelivered ? 'jetstream.redelivered' : 'jetstream.delivered';
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
            detail: { seq: d.offset ?? '' },
          },
        ],
      };
    }
    case 'ack': {
      const e = entryOf(b, payload.tag);
      const pending = !!e && b.pending.some((p) => p.seq === e.seq);
      const next = send(world, env, 'broker', { type: 'ack.received', consumer: from, tag: payload.tag, sync: payload.sync === true });
      return {
        world: next,
        events: [
          {
            time: t,
            actor: 'broker',
            type: pending ? 'ack.received' : 'ack.ignored',
            msgId: payload.tag.split('/')[0]!,
            explain: pending ? 'jetstream.ack.received' : 'jetstream.ack.already',
            detail: { from },
          },
        ],
      };
    }
    case 'nack': {
      const next = send(world, env, 'broker', { type: 'nak.received', tag: payload.tag, delay: payload.delay ?? 0, now: t });
      const ended = endedEvents(world, next);
      return { world: ended.world, events: ended.events };
    }
    case 'term': {
      const next = send(world, env, 'broker', { type: 'term.received', tag: payload.tag });
      return endedEvents(world, next);
    }
    case 'ackOk': {
      const next = send(world, env, to, { type: 'ack.confirmed', tag: payload.tag });
      return {
        world: next,
        events: [{ time: t, actor: to, type: 'ack.confirmed', msgId: payload.tag.split('/')[0]!, explain: 'jetstream.ackSync.confirmed' }],
      };
    }
    case 'ready': {
      const next = send(world, env, 'broker', { type: 'pull.requested', consumer: from, channel: payload.channel, now: t });
      return { world: next, events: [] };
    }
    case 'closed': {
      const next = send(world, env, 'broker', { type: 'consumer.gone', consumer: from, channel: payload.channel });
      return { world: next, events: [] };
    }
    default:
      throw new Error(`JetStream does not carry ${payload.kind}`);
  }
}

function settings(scenario: Scenario): SettingView[] {
  const s = settingsOf(scenario);
  const d = jetstreamDefaults;
  const row = settingRow;
  return [
    // The stream's and the consumer's configuration live on the server; how the client acks and retries is its code.
    row('duplicate_window', durationText(s.duplicateWindow), durationText(d.duplicateWindow), 'server'),
    row('ack_wait', durationText(s.ackWait), durationText(d.ackWait), 'server'),
    row('max_deliver', String(s.maxDeliver), String(d.maxDeliver), 'server'),
    row(
      'ack',
      s.ackSync ? { en: `AckSync, again after ${durationText(s.ackSyncRetry)}`, 'zh-cn': `AckSync，${durationText(s.ackSyncRetry)} 没回执就再发` } : 'ack',
      'ack',
      'client',
    ),
    row(
      { en: 'on failure', 'zh-cn': '处理失败时' },
      s.onFailure === 'term'
        ? 'term'
        : s.nakDelay > 0
          ? { en: `nak, delay ${durationText(s.nakDelay)}`, 'zh-cn': `nak，延迟 ${durationText(s.nakDelay)}` }
          : 'nak',
      'nak',
      'client',
    ),
    row(
      { en: 'publish retry after', 'zh-cn': '发布重试间隔' },
      durationText(scenario.settings.confirmTimeout),
      durationText(scenario.settings.confirmTimeout),
      'client',
    ),
  ];
}

/** NATS JetStream (nats-server 2.9 – 2.11): a stream with publish dedup, one durable pull consumer. */
export const jetstreamProtocol: Protocol<JetStreamWorld, JetStreamSettings> = defineBroker<JetStreamWorld, JetStreamSettings>({
  id: 'jetstream',
  title: 'NATS JetStream',
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
    const acked = new Set(b.acked);
    const ended = new Map(b.ended.map((e) => [e.seq, e.reason]));
    const pendingBy = new Map(b.pending.map((x) => [x.seq, x]));
    return {
      producer: { state: p.value, sections: [], notes: p.context.attempt > 1 ? [attemptNote(p.context.attempt)] : [] },
      broker: {
        state: world.broker.value,
        sections: [
          {
            label: { en: 'Stream ORDERS', 'zh-cn': '流 ORDERS' },
            tokens: b.stream.map((e) => {
              const pend = pendingBy.get(e.seq);
              const kind = acked.has(e.seq) ? 'committed' : ended.has(e.seq) ? 'dead' : b.redeliver.includes(e.seq) ? 'retry' : pend ? 'unacked' : 'stored';
              return {
                msg: e.msgId,
                text: `seq ${e.seq}${pend ? ` → ${actorRef(pend.consumer)}` : ''}`,
                ...(pend ? { count: pend.count, redelivered: pend.count > 1 } : {}),
                kind,
              };
            }),
            ...(Object.keys(b.window).length > 0 ? { note: `duplicate_window: ${Object.keys(b.window).sort().join(', ')}` } : {}),
          },
          ...(b.ended.length > 0
            ? [
                {
                  label: { en: 'Stopped (advisory)', 'zh-cn': '不再投递（advisory）' },
                  tokens: b.ended.map((e) => ({ msg: msgOf(b, e.seq).msgId, text: e.reason === 'term' ? 'term' : 'max_deliver', kind: 'dead' })),
                },
              ]
            : []),
        ],
        notes: [],
      },
      consumers: Object.fromEntries(
        Object.entries(world.consumers).map(([id, c]) => {
          const lane = consumerLane(c);
          if (c.context.awaiting) lane.notes.push({ en: 'Waiting for the ack reply', 'zh-cn': '等待 ack 回执' });
          return [id, lane];
        }),
      ),
    };
  },
  settings,
  payloadWords: {
    ready: { en: 'pull request', 'zh-cn': '拉取请求' },
    confirm: { en: 'PubAck', 'zh-cn': 'PubAck' },
    nack: { en: 'nak', 'zh-cn': 'nak' },
    term: { en: 'term', 'zh-cn': 'term' },
    ackOk: { en: 'ack reply', 'zh-cn': 'ack 回执' },
    closed: { en: 'disconnect', 'zh-cn': '断开' },
  },
});
