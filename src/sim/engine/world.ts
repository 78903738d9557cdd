import { strategies, runOp, type Stores } from '../consumers';
import { stepHandler } from '../consumers/handler';
import { deliveryTag, type ActorId, type ActorState, type Delivery, type Output, type Payload, type Timer } from '../core/types';
import { brokerMachine, type BrokerContext, type BrokerEvent } from '../protocols/ack/broker.machine';
import { consumerMachine, type ConsumerContext, type ConsumerEvent } from '../protocols/ack/consumer.machine';
import type { FaultKind } from '../protocols/ack/ack.faults';
import { producerMachine, type ProducerContext, type ProducerEvent } from '../protocols/ack/producer.machine';
import { initialActor, sharedTransitioner, type Transitioner } from './actors';
import { Canon } from './canon';
import type { Scenario } from './scenario';

/**
 * The world: every actor's plain state, the network, the timers on the simulated clock, the shared
 * stores and the faults left. Plain data only, so it can be checkpointed, hashed and explored.
 */
export interface World {
  time: number;
  producer: ActorState<ProducerContext>;
  broker: ActorState<BrokerContext>;
  consumers: Record<string, ActorState<ConsumerContext>>;
  /** In-flight payloads per link `from>to`, oldest first (links are FIFO, like TCP). */
  net: Record<string, Payload[]>;
  timers: Timer[];
  stores: Stores;
  budget: Partial<Record<FaultKind, number>>;
}

/**
 * One nondeterministic choice. Three kinds, as in DSLabs: deliver the oldest envelope on a link, run
 * a consumer's next handler operation, fire a timer — plus injecting a fault.
 */
export type Step =
  | { kind: 'deliver'; link: string }
  | { kind: 'run'; actor: ActorId }
  | { kind: 'timer'; owner: Timer['owner']; name: string }
  | { kind: 'fault'; fault: FaultKind; target: string };

/** One thing that happened, for the log, the views and the tests. */
export interface TraceEvent {
  time: number;
  actor: ActorId | 'cache' | 'net';
  /** `subject.pastTense`, e.g. `message.delivered`, `ack.lost`. */
  type: string;
  msgId?: string;
  /** Delivery count, for deliveries and requeues. */
  count?: number;
  redelivered?: boolean;
  /** Key of the one-sentence explanation in the UI strings (`log.<type>`). */
  explain: string;
  detail?: Record<string, string | number | boolean>;
}

/** A compact, stable name for a step: `d:c1>broker`, `r:c1`, `t:broker:ack:order-42/1#1`, `f:loseAck:c1>broker`. */
export function stepKey(step: Step): string {
  switch (step.kind) {
    case 'deliver':
      return `d:${step.link}`;
    case 'run':
      return `r:${step.actor}`;
    case 'timer':
      return `t:${step.owner}:${step.name}`;
    case 'fault':
      return `f:${step.fault}:${step.target}`;
  }
}

/** Parses a step key back into a step, or null when it is malformed. */
export function parseStepKey(key: string): Step | null {
  const [kind, ...rest] = key.split(':');
  const tail = rest.join(':');
  if (kind === 'd' && /^[\w-]+>[\w-]+$/.test(tail)) return { kind: 'deliver', link: tail };
  if (kind === 'r' && /^c\d+$/.test(tail)) return { kind: 'run', actor: tail as ActorId };
  if (kind === 't' && rest.length >= 2) return { kind: 'timer', owner: rest[0] as Timer['owner'], name: rest.slice(1).join(':') };
  if (kind === 'f' && rest.length >= 2) return { kind: 'fault', fault: rest[0] as FaultKind, target: rest.slice(1).join(':') };
  return null;
}

const link = (from: string, to: string) => `${from}>${to}`;
const consumerIds = (n: number): ActorId[] => Array.from({ length: n }, (_, i) => `c${i + 1}` as ActorId);

/** Context of one step: the scenario and the transitioner. */
interface Env {
  scenario: Scenario;
  tx: Transitioner;
}

/** Applies an actor's outputs to the world: envelopes go on links, timers start or stop. */
function applyOutputs(world: World, owner: ActorId, outputs: Output[]): World {
  if (outputs.length === 0) return world;
  let net = world.net;
  let timers = world.timers;
  for (const out of outputs) {
    if (out.kind === 'send') {
      const l = link(owner, out.to);
      net = { ...net, [l]: [...(net[l] ?? []), out.payload] };
    } else if (out.kind === 'startTimer') {
      timers = [...timers.filter((t) => !(t.owner === owner && t.name === out.name)), { owner, name: out.name, deadline: world.time + out.after }];
    } else {
      timers = timers.filter((t) => !(t.owner === owner && t.name === out.name));
    }
  }
  return { ...world, net, timers };
}

type AnyEvent = ProducerEvent | BrokerEvent | ConsumerEvent;

/** Sends one event to one actor through its machine. */
function send(world: World, env: Env, actor: ActorId, event: AnyEvent): World {
  if (actor === 'producer') {
    const r = env.tx.step(producerMachine, world.producer, event);
    return applyOutputs({ ...world, producer: r.state }, actor, r.outputs);
  }
  if (actor === 'broker') {
    const r = env.tx.step(brokerMachine, world.broker, event);
    return applyOutputs({ ...world, broker: r.state }, actor, r.outputs);
  }
  const current = world.consumers[actor];
  if (!current) return world;
  const r = env.tx.step(consumerMachine, current, event);
  return applyOutputs({ ...world, consumers: { ...world.consumers, [actor]: r.state } }, actor, r.outputs);
}

/** The world before anything happens: every actor has run its entry actions. */
export function initialWorld(scenario: Scenario): World {
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
  });
  let world: World = {
    time: 0,
    producer: producer.state,
    broker: broker.state,
    consumers: {},
    net: {},
    timers: [],
    stores: { db: [], cache: {}, ledger: {} },
    budget: { ...scenario.faults },
  };
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
function processorOf(world: World, tag: string): ActorId | null {
  for (const [id, c] of Object.entries(world.consumers)) {
    if (isBusy(c) && c.context.current && deliveryTag(c.context.current) === tag) return id as ActorId;
  }
  return null;
}

/** Faults that can happen now, within the budget. */
function enabledFaults(world: World): Step[] {
  const out: Step[] = [];
  const can = (f: FaultKind) => (world.budget[f] ?? 0) > 0;
  for (const [id, c] of Object.entries(world.consumers)) {
    if (isBusy(c)) {
      const f: FaultKind = c.context.effectDone ? 'crashConsumerAfterEffect' : 'crashConsumerBeforeEffect';
      if (can(f)) out.push({ kind: 'fault', fault: f, target: id });
    } else if (c.value === 'idle' && c.context.lastAcked && can('crashConsumerAfterAck')) {
      out.push({ kind: 'fault', fault: 'crashConsumerAfterAck', target: id });
    }
  }
  for (const [l, queue] of Object.entries(world.net)) {
    const head = queue[0];
    if (!head) continue;
    if (head.kind === 'ack' && can('loseAck')) out.push({ kind: 'fault', fault: 'loseAck', target: l });
    if (head.kind === 'confirm' && can('loseConfirm')) out.push({ kind: 'fault', fault: 'loseConfirm', target: l });
    if (head.kind === 'publish' && can('losePublish')) out.push({ kind: 'fault', fault: 'losePublish', target: l });
    if (can('delayMessage')) out.push({ kind: 'fault', fault: 'delayMessage', target: l });
  }
  if (can('expireAckTimeout')) {
    for (const u of world.broker.context.unacked) {
      const tag = deliveryTag(u);
      if (processorOf(world, tag) === u.consumer) out.push({ kind: 'fault', fault: 'expireAckTimeout', target: tag });
    }
  }
  if (can('restartBroker')) out.push({ kind: 'fault', fault: 'restartBroker', target: 'broker' });
  return out;
}

/**
 * Every step possible now, sorted by key. Timers fire only when nothing else can happen at the
 * current time (the network and the handlers are faster than any timeout unless a fault says
 * otherwise), earliest deadline first; equal deadlines are all offered.
 */
export function enabledSteps(world: World, options: { faults?: boolean } = {}): Step[] {
  const steps: Step[] = [];
  for (const [l, queue] of Object.entries(world.net)) if (queue.length > 0) steps.push({ kind: 'deliver', link: l });
  for (const [id, c] of Object.entries(world.consumers)) if (isBusy(c)) steps.push({ kind: 'run', actor: id as ActorId });
  if (steps.length === 0 && world.timers.length > 0) {
    const first = Math.min(...world.timers.map((t) => t.deadline));
    for (const t of world.timers) if (t.deadline === first) steps.push({ kind: 'timer', owner: t.owner, name: t.name });
  }
  if (options.faults !== false) steps.push(...enabledFaults(world));
  if (steps.length < 2) return steps;
  const keyed = steps.map((s) => [stepKey(s), s] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map((k) => k[1]);
}

/** No deliveries, handler work or timers left: only faults could change anything. */
export function isQuiescent(world: World): boolean {
  return enabledSteps(world, { faults: false }).length === 0;
}

/** Applies one step; returns the next world and what happened. Throws only on a step that is not enabled. */
export function apply(world: World, step: Step, scenario: Scenario, tx: Transitioner = sharedTransitioner): { world: World; events: TraceEvent[] } {
  const env: Env = { scenario, tx };
  const events: TraceEvent[] = [];
  const t = world.time;
  switch (step.kind) {
    case 'deliver': {
      const queue = world.net[step.link];
      const payload = queue?.[0];
      if (!payload) throw new Error(`nothing to deliver on ${step.link}`);
      const [from, to] = step.link.split('>') as [ActorId, ActorId];
      const rest = queue.slice(1);
      const net = { ...world.net };
      if (rest.length > 0) net[step.link] = rest;
      else delete net[step.link];
      return arrive({ ...world, net }, env, from, to, payload, events);
    }
    case 'run': {
      const c = world.consumers[step.actor];
      const delivery = c?.context.current;
      if (!c || !isBusy(c) || !delivery) throw new Error(`${step.actor} is not processing`);
      if (c.value === 'acking') {
        const next = send(world, env, step.actor, { type: 'handler.returned' });
        events.push({
          time: t,
          actor: step.actor,
          type: scenario.autoAck ? 'handler.finished' : 'ack.sent',
          msgId: delivery.msgId,
          count: delivery.count,
          explain: scenario.autoAck ? 'log.handler.finished' : 'log.ack.sent',
        });
        return { world: next, events };
      }
      if (scenario.handler) return runHandlerStep(world, env, step.actor, c, delivery, events);
      if (scenario.strategy === 'custom') throw new Error(`scenario ${scenario.id} has a custom strategy but no handler`);
      const ops = strategies[scenario.strategy].ops;
      const op = ops[c.context.pc]!;
      const r = runOp(op, delivery.key, world.stores, c.context.memo, t, scenario.settings.cacheTtl);
      let next: World = withTtl({ ...world, stores: r.stores }, r.ttlKey, t + scenario.settings.cacheTtl);
      const applied = (r.stores.ledger[delivery.key] ?? 0) - (world.stores.ledger[delivery.key] ?? 0);
      events.push({
        time: t,
        actor: step.actor,
        type: `handler.${op}`,
        msgId: delivery.msgId,
        count: delivery.count,
        explain: `log.${r.explain}`,
        detail: { key: delivery.key, skip: r.skip, applied: applied > 0, total: r.stores.ledger[delivery.key] ?? 0 },
      });
      const done = r.skip || c.context.pc + 1 >= ops.length;
      next = send(next, env, step.actor, { type: 'op.completed', skip: r.skip, effect: r.effect, remember: r.remember, done, record: null });
      return { world: next, events };
    }
    case 'timer': {
      const timer = world.timers.find((x) => x.owner === step.owner && x.name === step.name);
      if (!timer) throw new Error(`no timer ${step.owner}:${step.name}`);
      let next: World = { ...world, time: Math.max(t, timer.deadline), timers: world.timers.filter((x) => x !== timer) };
      const now = next.time;
      if (timer.owner === 'net') {
        if (!timer.envelope) return { world: next, events };
        const { from, to, payload } = timer.envelope;
        return arrive(next, env, from, to, payload, events);
      }
      if (timer.owner === 'cache') {
        const key = timer.name.slice('ttl:'.length);
        const cache = { ...next.stores.cache };
        delete cache[key];
        events.push({ time: now, actor: 'cache', type: 'cache.expired', explain: 'log.cache.expired', detail: { key } });
        return { world: { ...next, stores: { ...next.stores, cache } }, events };
      }
      if (timer.owner === 'producer') {
        const before = next.producer.context;
        next = send(next, env, 'producer', { type: 'confirm.timedOut' });
        const msg = before.messages[before.next];
        const retried = next.producer.context.attempt > before.attempt;
        events.push({
          time: now,
          actor: 'producer',
          type: retried ? 'message.republished' : 'producer.gaveUp',
          ...(msg ? { msgId: msg.id } : {}),
          explain: retried ? 'log.message.republished' : 'log.producer.gaveUp',
          detail: { attempt: next.producer.context.attempt },
        });
        return { world: next, events };
      }
      if (timer.owner === 'broker') {
        const tag = timer.name.slice('ack:'.length);
        return expireAck(next, env, tag, false, events);
      }
      // A consumer's restart timer.
      next = send(next, env, timer.owner, { type: 'consumer.restarted' });
      events.push({ time: now, actor: timer.owner, type: 'consumer.restarted', explain: 'log.consumer.restarted' });
      return { world: next, events };
    }
    case 'fault':
      return injectFault(world, env, step, events);
  }
}

/** Starts (or restarts) the cache timer that expires `key`. */
function withTtl(world: World, key: string | null, deadline: number): World {
  if (!key) return world;
  const name = `ttl:${key}`;
  return { ...world, timers: [...world.timers.filter((x) => !(x.owner === 'cache' && x.name === name)), { owner: 'cache', name, deadline }] };
}

/**
 * One step of a reader's handler: replay its earlier calls, run its next `ctx` call against the
 * stores, or notice that it returned (→ ack) or threw (→ the message is dead-lettered: acked without
 * its effect, and the log says why).
 */
function runHandlerStep(world: World, env: Env, actor: ActorId, c: ActorState<ConsumerContext>, delivery: Delivery, events: TraceEvent[]) {
  const { scenario } = env;
  const t = world.time;
  const out = stepHandler(scenario.handler!, delivery, scenario.amount ?? 100, c.context.history, world.stores, c.context.memo, t);
  const base = { time: t, actor, msgId: delivery.msgId, count: delivery.count };
  if (out.kind === 'call') {
    const next: World = withTtl({ ...world, stores: out.stores }, out.ttlKey, out.stores.cache[out.ttlKey ?? ''] ?? t);
    const value = 'value' in out.record ? out.record.value : null;
    events.push({
      ...base,
      type: `handler.call`,
      explain: 'log.handler.call',
      detail: { key: delivery.key, call: out.name, result: 'error' in out.record ? `error: ${out.record.error}` : String(value), applied: out.applied, total: out.stores.ledger[delivery.key] ?? 0 },
    });
    return { world: send(next, env, actor, { type: 'op.completed', skip: false, effect: out.effect, remember: out.remember, done: false, record: out.record }), events };
  }
  if (out.kind === 'threw') {
    events.push({ ...base, type: 'handler.threw', explain: 'log.handler.threw', detail: { error: out.message } });
  }
  return { world: send(world, env, actor, { type: 'op.completed', skip: false, effect: false, remember: null, done: true, record: null }), events };
}

/** Spends one unit of a fault's budget. */
const spend = (world: World, fault: FaultKind): World => ({ ...world, budget: { ...world.budget, [fault]: (world.budget[fault] ?? 0) - 1 } });

function injectFault(world: World, env: Env, step: Extract<Step, { kind: 'fault' }>, events: TraceEvent[]) {
  const t = world.time;
  let next = spend(world, step.fault);
  switch (step.fault) {
    case 'crashConsumerBeforeEffect':
    case 'crashConsumerAfterEffect':
    case 'crashConsumerAfterAck': {
      const actor = step.target as ActorId;
      const c = world.consumers[actor];
      next = send(next, env, actor, { type: 'fault.crashConsumer' });
      events.push({
        time: t,
        actor,
        type: 'consumer.crashed',
        ...(c?.context.current ? { msgId: c.context.current.msgId, count: c.context.current.count } : {}),
        explain: `log.fault.${step.fault}`,
      });
      return { world: next, events };
    }
    case 'loseAck':
    case 'loseConfirm':
    case 'losePublish':
    case 'delayMessage': {
      const queue = world.net[step.target] ?? [];
      const head = queue[0];
      if (!head) throw new Error(`nothing in flight on ${step.target}`);
      const net = { ...next.net };
      if (queue.length > 1) net[step.target] = queue.slice(1);
      else delete net[step.target];
      next = { ...next, net };
      const [from, to] = step.target.split('>') as [ActorId, ActorId];
      const msgId = payloadMsgId(head);
      if (step.fault === 'delayMessage') {
        const n = next.timers.filter((x) => x.owner === 'net' && x.name.startsWith(`delay:${step.target}#`)).length + 1;
        next = {
          ...next,
          timers: [...next.timers, { owner: 'net', name: `delay:${step.target}#${n}`, deadline: t + env.scenario.settings.networkDelay, envelope: { from, to, payload: head } }],
        };
        events.push({ time: t, actor: 'net', type: 'envelope.delayed', ...(msgId ? { msgId } : {}), explain: 'log.fault.delayMessage', detail: { what: head.kind, from, to } });
      } else {
        const type = step.fault === 'loseAck' ? 'ack.lost' : step.fault === 'loseConfirm' ? 'confirm.lost' : 'message.lost';
        events.push({ time: t, actor: 'net', type, ...(msgId ? { msgId } : {}), explain: `log.fault.${step.fault}`, detail: { from, to } });
      }
      return { world: next, events };
    }
    case 'expireAckTimeout': {
      next = { ...next, timers: next.timers.filter((x) => !(x.owner === 'broker' && x.name === `ack:${step.target}`)) };
      return expireAck(next, env, step.target, true, events);
    }
    case 'restartBroker': {
      const requeued = next.broker.context.unacked;
      next = send(next, env, 'broker', { type: 'fault.restartBroker' });
      events.push({ time: t, actor: 'broker', type: 'broker.restarted', explain: 'log.fault.restartBroker', detail: { requeued: requeued.length } });
      for (const u of requeued) events.push(requeueEvent(t, u.msgId, u.count, u.consumer));
      return { world: next, events };
    }
  }
}

function payloadMsgId(p: Payload): string | undefined {
  if (p.kind === 'publish') return p.msg.id;
  if (p.kind === 'confirm') return p.msgId;
  if (p.kind === 'deliver') return p.delivery.msgId;
  if (p.kind === 'ack') return p.tag.split('/')[0];
  return undefined;
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
function expireAck(world: World, env: Env, tag: string, injected: boolean, events: TraceEvent[]) {
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
function arrive(world: World, env: Env, from: ActorId, to: ActorId, payload: Payload, events: TraceEvent[]) {
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
        explain: stored ? (before > 0 ? 'log.message.storedAgain' : 'log.message.stored') : 'log.message.deduplicated',
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
        events.push({ time: t, actor: 'broker', type: 'connection.closed', explain: 'log.connection.closed', detail: { consumer: from, requeued: requeued.length } });
        for (const u of requeued) events.push(requeueEvent(t, u.msgId, u.count, u.consumer));
        return { world: next, events };
      }
      const next = send(world, env, to, { type: 'connection.closed', channel: payload.channel });
      return { world: next, events };
    }
  }
}

const canon = new Canon();

/**
 * A canonical string for a world: equal worlds, equal keys. Actor states are interned to small
 * numbers; links and timers are listed in a fixed order.
 */
export function worldKey(world: World): string {
  let consumers = '';
  for (const id of Object.keys(world.consumers).sort()) consumers += `${canon.id(world.consumers[id]!)},`;
  const net = Object.keys(world.net)
    .sort()
    .map((l) => `${l}=${canon.id(world.net[l]!)}`)
    .join(',');
  const timers = world.timers
    .map((t) => `${t.deadline}|${t.owner}|${t.name}${t.envelope ? canon.json(t.envelope.payload) : ''}`)
    .sort()
    .join(',');
  return `${world.time};${canon.id(world.producer)};${canon.id(world.broker)};${consumers};${net};${timers};${canon.id(world.stores)};${canon.json(world.budget)}`;
}
