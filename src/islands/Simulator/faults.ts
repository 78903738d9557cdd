/**
 * The faults a reader can inject, and whom each hits, read from the engine: every enabled fault step
 * carries its target (`f:crashConsumerAfterEffect:c1`, `f:loseAck:c1>broker`, `f:restartBroker:broker`),
 * so a new fault kind gets its buttons, on the panel and on the actor it hits, with no change here.
 * Whom each fault can hit is found when the page is built (fault-targets.ts) and handed to the island
 * (`knowTargets`), so every target has its button from the first step, disabled until the run reaches a
 * moment it can happen, and no button names a target the engine never offers (Kafka's "close consumer
 * 1" stays consumer 1's). Targets the reader reaches beyond that are learned as the run goes.
 */
import { enabledSteps, protocolOf, stepKey, type FaultKind, type FaultTarget, type Scenario, type World } from '../../sim/base';
import type { FaultWords } from '../bounds';
import { actorName, faultFor, type Lang, type SimLabels } from './describe';

/** One fault button: a fault kind, at one target or at whichever is possible now. */
export interface FaultChoice {
  /** Stable id for keys and tip ids: `crashConsumerAfterEffect-c1`, `loseAck-any`. */
  id: string;
  fault: FaultKind;
  /** The step key to inject now, or undefined when the fault cannot happen at this step. */
  key: string | undefined;
  /** Where the stage shows it: a lane (`producer`, `broker`, `c1`) or a link (`c1>broker`). */
  place: string;
  left: number;
  label: string;
  tip: string;
}

/** The consumer a link joins to the broker (`c2>broker`, `broker>c2` → `c2`), if it is one. */
const linkConsumer = (target: string) =>
  target
    .match(/^(c\d+)>broker$|^broker>(c\d+)$/)
    ?.slice(1)
    .find(Boolean);

/**
 * What a fault hits, as its broker declares it (engine/broker.ts); for a fault the engine itself
 * injects (a lost reply to COMMIT hits a consumer), read from the target's shape.
 */
function hitBy(scenario: Scenario, fault: FaultKind, target: string | undefined): FaultTarget {
  const declared = protocolOf(scenario.protocol ?? 'ack').faultTargets?.[fault];
  if (declared) return declared;
  if (target === undefined) return 'broker';
  if (/^c\d+(#\d+)?$/.test(target)) return 'consumer';
  if (/^[\w-]+>[\w-]+$/.test(target)) return 'link';
  return target === 'producer' ? 'producer' : 'broker';
}

/** The consumer a per-consumer target names: the consumer itself, or its link with the broker. */
function consumerOf(hits: FaultTarget, target: string): string | undefined {
  if (hits === 'consumer') return target.split('#')[0]!;
  return hits === 'link' ? linkConsumer(target) : undefined;
}

/**
 * Where a fault's target is drawn, from what the fault hits: a consumer's or the producer's lane, a
 * link, or the broker's lane (the broker itself, or a record it keeps: a delivery tag, a sequence).
 */
export function placeOf(hits: FaultTarget, target: string): string {
  if (hits === 'consumer') return target.split('#')[0]!;
  return hits === 'link' ? target : hits;
}

/** Whom each fault kind can hit (fault kind → targets), as the page build found it (fault-targets.ts). */
export type FaultTargets = Partial<Record<FaultKind, string[]>>;

/** Targets known per scenario id and fault kind: the build's findings, then what the reader reaches. */
const known = new Map<string, Map<FaultKind, Set<string>>>();

/** Takes what the build found for the scenario with this id (the island's props). */
export function knowTargets(id: string, targets: FaultTargets): void {
  if (!known.has(id)) known.set(id, new Map(Object.entries(targets).map(([fault, list]) => [fault as FaultKind, new Set(list)])));
}

function targetsOf(scenario: Scenario): Map<FaultKind, Set<string>> {
  let seen = known.get(scenario.id);
  if (!seen) known.set(scenario.id, (seen = new Map()));
  return seen;
}

/** Adds the targets of every fault `world` enables to `seen`. */
export function learn(seen: Map<FaultKind, Set<string>>, world: World) {
  for (const s of enabledSteps(world)) {
    if (s.kind !== 'fault') continue;
    if (!seen.has(s.fault)) seen.set(s.fault, new Set());
    seen.get(s.fault)!.add(s.target);
  }
}

/**
 * The buttons for `world`: a fault that hits consumers, or the links between consumers and the broker,
 * gets one button per consumer or link (named after the consumer when there are several); any other
 * fault one button, injected at whichever target is possible now. Disabled buttons stay, so the panel
 * does not jump as the run goes on.
 */
export function faultChoices(scenario: Scenario, world: World, words: FaultWords, labels: SimLabels, lang: Lang = 'en'): FaultChoice[] {
  const seen = targetsOf(scenario);
  learn(seen, world);
  const enabled = enabledSteps(world).flatMap((s) => (s.kind === 'fault' ? [{ fault: s.fault, target: s.target, key: stepKey(s) }] : []));
  const several = Math.max(scenario.consumers, Object.keys(world.consumers).length) > 1;
  return (Object.keys(scenario.faults) as FaultKind[]).flatMap((fault) => {
    const targets = [...(seen.get(fault) ?? [])].sort();
    const base = { fault, left: world.budget[fault] ?? 0, tip: words[fault]?.tip ?? '' };
    const name = words[fault]?.label ?? fault;
    const hits = hitBy(scenario, fault, targets[0]);
    if (targets.length > 0 && targets.every((t) => consumerOf(hits, t) !== undefined)) {
      // Two links of one consumer (to and from the broker) are told apart by their direction.
      const links = (c: string) => targets.filter((t) => consumerOf(hits, t) === c).length;
      const who = (target: string) => {
        const consumer = consumerOf(hits, target)!;
        if (hits === 'consumer') return actorName(target, labels);
        const [a, b] = target.split('>') as [string, string];
        return links(consumer) > 1 ? `${actorName(a, labels)} → ${actorName(b, labels)}` : actorName(consumer, labels);
      };
      return targets.map((target) => ({
        ...base,
        id: `${fault}-${target.replace('>', '-to-')}`,
        key: enabled.find((e) => e.fault === fault && e.target === target)?.key,
        place: placeOf(hits, target),
        label: several ? faultFor(name, who(target), lang) : name,
      }));
    }
    const now = enabled.find((e) => e.fault === fault);
    const target = now?.target ?? targets[0];
    return [{ ...base, id: `${fault}-any`, key: now?.key, place: target === undefined ? 'broker' : placeOf(hits, target), label: name }];
  });
}
