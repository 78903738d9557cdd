/**
 * The faults a reader can inject, and whom each hits, read from the engine: every enabled fault step
 * carries its target (`f:crashConsumerAfterEffect:c1`, `f:loseAck:c1>broker`, `f:restartBroker:broker`),
 * so a new fault kind gets its buttons, on the panel and on the actor it hits, with no change here.
 */
import { createTimeline, currentWorld, enabledSteps, stepForward, stepKey, type FaultKind, type Scenario, type World } from '../../sim/base';
import type { FaultWords } from '../bounds';
import { actorName, type SimLabels } from './describe';

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

const isConsumer = (target: string) => /^c\d+(#\d+)?$/.test(target);
const isLink = (target: string) => /^[\w-]+>[\w-]+$/.test(target);

/**
 * Where a target is drawn: a consumer's, the producer's or the broker's lane, or a link. Anything else
 * (a delivery tag, a stream sequence) is a record the broker keeps, so it goes on the broker.
 */
export function placeOf(target: string): string {
  if (isConsumer(target)) return target.split('#')[0]!;
  if (target === 'producer' || target === 'broker' || isLink(target)) return target;
  return 'broker';
}

/** Targets seen per scenario and fault kind: along the scenario's default run, then as readers reach more. */
const known = new Map<string, Map<FaultKind, Set<string>>>();

/** Steps a probe takes along the default run (built-in runs settle long before). */
const PROBE = 200;

function targetsOf(scenario: Scenario): Map<FaultKind, Set<string>> {
  let seen = known.get(scenario.id);
  if (seen) return seen;
  seen = new Map();
  known.set(scenario.id, seen);
  let tl = createTimeline(scenario);
  for (let i = 0; i < PROBE; i++) {
    learn(seen, currentWorld(tl));
    const next = stepForward(tl);
    if (next === tl) break;
    tl = next;
  }
  return seen;
}

function learn(seen: Map<FaultKind, Set<string>>, world: World) {
  for (const s of enabledSteps(world)) {
    if (s.kind !== 'fault') continue;
    if (!seen.has(s.fault)) seen.set(s.fault, new Set());
    seen.get(s.fault)!.add(s.target);
  }
}

/**
 * The buttons for `world`: a fault that hits a consumer gets one button per consumer it has been seen
 * to hit (named when there are several); any other fault one button, injected at whichever target is
 * possible now. Disabled buttons stay, so the panel does not jump as the run goes on.
 */
export function faultChoices(scenario: Scenario, world: World, words: FaultWords, labels: SimLabels): FaultChoice[] {
  const seen = targetsOf(scenario);
  learn(seen, world);
  const enabled = enabledSteps(world).flatMap((s) => (s.kind === 'fault' ? [{ fault: s.fault, target: s.target, key: stepKey(s) }] : []));
  return (Object.keys(scenario.faults) as FaultKind[]).flatMap((fault) => {
    const targets = [...(seen.get(fault) ?? [])].sort();
    const base = { fault, left: world.budget[fault] ?? 0, tip: words[fault]?.tip ?? '' };
    const name = words[fault]?.label ?? fault;
    if (targets.length > 0 && targets.every(isConsumer)) {
      const consumers = new Set(targets.map(placeOf));
      return targets.map((target) => ({
        ...base,
        id: `${fault}-${target}`,
        key: enabled.find((e) => e.fault === fault && e.target === target)?.key,
        place: placeOf(target),
        label: consumers.size > 1 || Object.keys(world.consumers).length > 1 ? `${name} (${actorName(target, labels)})` : name,
      }));
    }
    const now = enabled.find((e) => e.fault === fault);
    return [{ ...base, id: `${fault}-any`, key: now?.key, place: placeOf(now?.target ?? targets[0] ?? 'broker'), label: name }];
  });
}
