/**
 * `defineBroker`: the step skeleton every broker shares, so a broker's world file says only what is
 * its own. The skeleton takes a delivery off its link, spends a fault's budget, takes a fired timer
 * off the clock (and expires cache keys itself), checks that a consumer asked to step holds a
 * delivery, and lists the steps possible; the broker answers what happens when an envelope arrives,
 * a busy consumer steps, a timer fires, or one of its faults strikes. Faults are data: whom each can
 * hit, what it does, and what the checker must know of it.
 */
import type { ActorId, Delivery, Payload, Timer } from '../core/types';
import type { Transitioner } from './actors';
import { can, collectSteps, dropHead, expireCacheKey, sendTo, spend, takeDelivery, takeTimer, type Applied, type Env, type Machines } from './kit';
import { payloadMsgId } from './quiet';
import type { FaultTarget, FaultTraits, Protocol } from './protocol';
import type { Scenario } from './scenario';
import type { FaultKind, Step } from './step';
import type { World } from './world';

/** A consumer's state in a world of this kind. */
type ConsumerOf<W extends World> = W['consumers'][string];

/** What every fault declares: whom it can hit now, and what it does to them. */
interface FaultRule<W extends World, S, T extends string> extends FaultTraits {
  /** Whom it can hit in this world (asked only while its budget lasts). */
  targets(world: W): T[];
  /** What it does to `world`, whose budget is already spent; `before` is the world as it was. */
  apply(world: W, target: T, env: Env<S>, before: W): Applied<W>;
}

/**
 * One fault a broker can inject, as data: what it hits (see `FaultTarget`; the widget puts its
 * buttons there), whom, and what it does. A consumer fault's targets are consumer ids.
 */
export type FaultDef<W extends World, S> =
  ({ target: 'consumer' } & FaultRule<W, S, ActorId>) | ({ target: Exclude<FaultTarget, 'consumer'> } & FaultRule<W, S, string>);

/** What a broker says about itself; `defineBroker` turns it into a `Protocol`. */
export interface BrokerDef<W extends World, S> extends Omit<Protocol<W, S>, 'enabledSteps' | 'apply' | 'faultTraits' | 'faultTargets'> {
  /** Whether a consumer holds a delivery it is working on (its next step is the reader's handler's, or finishing up). */
  isBusy(c: ConsumerOf<W>): boolean;
  /** A busy consumer takes its next step. */
  run(world: W, env: Env<S>, actor: ActorId, c: ConsumerOf<W>, delivery: Delivery): Applied<W>;
  /** An envelope reaches `to` (already taken off its link). */
  arrive(world: W, env: Env<S>, from: ActorId, to: ActorId, payload: Payload): Applied<W>;
  /** A timer fired (already taken off the clock, which stands at its deadline); the cache's expiries are handled before. */
  fire(world: W, env: Env<S>, timer: Timer): Applied<W>;
  /** The faults it can inject, by kind (their menu words are in its `<id>.faults.ts`). */
  faults: Readonly<Record<FaultKind, FaultDef<W, S>>>;
}

/** The consumers for which `test` holds: a consumer fault's usual `targets`. */
export function consumersWhere<W extends World>(world: W, test: (c: ConsumerOf<W>, id: ActorId) => boolean): ActorId[] {
  const out: ActorId[] = [];
  // Consumer ids are the world's own keys (`c1`, `c2` …), each with its state.
  for (const id in world.consumers) if (test(world.consumers[id] as ConsumerOf<W>, id as ActorId)) out.push(id as ActorId);
  return out;
}

/** The links whose oldest envelope passes `test`: a lost-reply fault's usual `targets`. */
export function linksWhere(world: World, test: (head: Payload, link: string) => boolean): string[] {
  const out: string[] = [];
  for (const l in world.net) {
    const head = world.net[l]![0];
    if (head && test(head, l)) out.push(l);
  }
  return out;
}

/**
 * A consumer process dying, as a fault's effect: its machine hears `fault.crashConsumer`, and the log
 * says which delivery it held. `explain` is the broker's sentence for the fault.
 */
export function consumerCrash<W extends World, S>(machines: Machines, explain: string): FaultRule<W, S, ActorId>['apply'] {
  return (world, actor, env, before) => {
    const d = before.consumers[actor]?.context.current;
    return {
      world: sendTo(world, env.tx, machines, actor, { type: 'fault.crashConsumer' }),
      events: [{ time: world.time, actor, type: 'consumer.crashed', ...(d ? { msgId: d.msgId, count: d.count } : {}), explain }],
    };
  };
}

/**
 * The two crashes of a consumer working on a delivery, as faults: before its handler's effect, and
 * after it (before the ack). `explain` gives the broker's sentence for each.
 */
export function busyCrashes<W extends World, S>(
  isBusy: (c: ConsumerOf<W>) => boolean,
  machines: Machines,
  explain: (fault: 'crashConsumerBeforeEffect' | 'crashConsumerAfterEffect') => string,
): Record<'crashConsumerBeforeEffect' | 'crashConsumerAfterEffect', FaultDef<W, S>> {
  const crash = (fault: 'crashConsumerBeforeEffect' | 'crashConsumerAfterEffect', effectDone: boolean): FaultDef<W, S> => ({
    target: 'consumer',
    targets: (w) => consumersWhere(w, (c) => isBusy(c) && c.context.effectDone === effectDone),
    apply: consumerCrash(machines, explain(fault)),
  });
  return { crashConsumerBeforeEffect: crash('crashConsumerBeforeEffect', false), crashConsumerAfterEffect: crash('crashConsumerAfterEffect', true) };
}

/**
 * A fault that loses the envelope of one kind at the head of a link (a confirm, an ack, a send
 * result that never arrives): `type` and `explain` are the broker's words for it, `detail` what the
 * log adds about the link.
 */
export function loseHead<W extends World, S>(
  kind: Payload['kind'],
  type: string,
  explain: string,
  { producerOnly, detail }: { producerOnly?: true; detail?: (link: string) => Record<string, string> } = {},
): FaultDef<W, S> {
  return {
    target: 'link',
    ...(producerOnly ? { producerOnly } : {}),
    targets: (w) => linksWhere(w, (head) => head.kind === kind),
    apply(world, target) {
      const { world: next, head } = dropHead(world, target);
      const msgId = payloadMsgId(head);
      return {
        world: next,
        events: [{ time: world.time, actor: 'net', type, ...(msgId ? { msgId } : {}), explain, ...(detail ? { detail: detail(target) } : {}) }],
      };
    },
  };
}

/** A protocol from a broker's own rules and the shared skeleton. */
export function defineBroker<W extends World, S>(def: BrokerDef<W, S>): Protocol<W, S> {
  const { isBusy, run, arrive, fire, faults, ...rest } = def;
  const kinds = Object.keys(faults);
  const faultTraits: Record<FaultKind, FaultTraits> = {};
  const faultTargets: Record<FaultKind, FaultTarget> = {};
  for (const kind of kinds) {
    const { movesClock, producerOnly, target } = faults[kind]!;
    if (movesClock || producerOnly) faultTraits[kind] = { ...(movesClock ? { movesClock } : {}), ...(producerOnly ? { producerOnly } : {}) };
    faultTargets[kind] = target;
  }

  function enabledFaults(world: W): Step[] {
    const out: Step[] = [];
    for (const kind of kinds) {
      if (!can(world, kind)) continue;
      for (const target of faults[kind]!.targets(world)) out.push({ kind: 'fault', fault: kind, target });
    }
    return out;
  }

  return {
    ...rest,
    faultTraits,
    faultTargets,
    enabledSteps: (world, withFaults) => collectSteps(world, consumersWhere(world, isBusy), withFaults ? enabledFaults(world) : null),
    apply(world: W, step: Step, scenario: Scenario<S>, tx: Transitioner): Applied<W> {
      const env: Env<S> = { scenario, tx };
      switch (step.kind) {
        case 'deliver': {
          const d = takeDelivery(world, step);
          return arrive(d.world, env, d.from, d.to, d.payload);
        }
        case 'run': {
          const c = world.consumers[step.actor] as ConsumerOf<W> | undefined;
          const delivery = c?.context.current;
          if (!c || !delivery || !isBusy(c)) throw new Error(`${step.actor} is not processing`);
          return run(world, env, step.actor, c, delivery);
        }
        case 'timer': {
          const { world: taken, timer } = takeTimer(world, step);
          return timer.owner === 'cache' ? expireCacheKey(taken, timer) : fire(taken, env, timer);
        }
        case 'fault': {
          const fault = faults[step.fault];
          if (!fault) throw new Error(`the ${def.id} protocol has no fault ${step.fault}`);
          const spent = spend(world, step.fault);
          // A consumer fault's step names one of the consumers its `targets` gave.
          return fault.target === 'consumer' ? fault.apply(spent, step.target as ActorId, env, world) : fault.apply(spent, step.target, env, world);
        }
      }
    },
  };
}
