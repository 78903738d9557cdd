/**
 * Partial-order reduction for the checker: in some states a few steps can be explored alone, because
 * every other order of the same steps reaches the same states (a persistent set, Godefroid 1996). It
 * cuts the interleavings of a delivery to an idle consumer (or to the producer) with everything else
 * the world does meanwhile, which is most of what two consumers, a broker's protocol chatter and
 * interleaved transactions would otherwise multiply.
 *
 * The step chosen is the delivery of the oldest envelope on a link `broker>X`, where X is a consumer
 * that is not working on a delivery (no handler step, not waiting on a lock) or the producer. Why
 * every other step t the world could take before it commutes with it and cannot disable it:
 * - only this step pops that link; other steps can only append to it (FIFO: appending and popping the
 *   oldest commute while the link is not empty). A broker crash drops what is in flight from the
 *   broker, so no set is chosen while that fault is possible;
 * - the delivery changes only X's state, X's outgoing links (appends) and X's own timers; no other
 *   step reads or writes X's state while X is idle: handler steps, deliveries and faults act on their
 *   own actor (a fault on X or on that link is excluded below, and neither can become enabled
 *   without X or the link's head changing);
 * - timers fire only when no delivery is possible, so none fires while this one waits; the
 *   simulated clock moves otherwise only by faults that jump it (an ack timeout or poll interval
 *   "exceeded": the protocol marks them `movesClock` in `faultTraits`), so a delivery that starts a
 *   timer (its deadline reads the clock) is not chosen while such a fault is still in the budget;
 * - it changes no store, so it cannot change the ledger or a copy's outcome (it is invisible to the
 *   invariants), and every path to a quiescent world contains it (only it empties the link).
 * Such steps only remove envelopes headed to consumers or the producer, which only the broker adds,
 * so no cycle of reduced states can exist (the "ignoring" problem cannot arise).
 *
 * The producer's own faults (its confirm, send result or produce response lost on `broker>producer`,
 * the producer crashing; `producerOnly` in the protocol's `faultTraits`) join that delivery in the
 * set: they act only on the producer and that link, and nothing else spends their budget, so the
 * same reasons hold for each member of the set, and exploring all of them keeps every outcome of the
 * race between the reply and its loss.
 *
 * Failing that, a delivery to the broker that its protocol declares commuting with everything before
 * it (`Protocol.commutesIntoBroker`: RocketMQ's pull and offset report, in the cases it names) is
 * explored alone, if it changes no store. The protocol states why; reduce.test checks the claim
 * against every other enabled step on the first worlds of every scenario and lab.
 *
 * A counterexample found on the reduced space is a real schedule, replayable step by step, but no
 * longer necessarily the shortest one.
 */
import type { Scenario } from '../engine/scenario';
import { ownStoreFields, type Stores } from '../consumers';
import type { Transitioner } from '../engine/actors';
import { apply, type Step, type World } from '../engine/world';
import { protocolOf } from '../protocols/registry';

/**
 * Whether a step left the stores as they were: the same parts, whatever fields the look-ahead derived
 * (`world.ts` keeps them out of keys, and a world applied without them has none: see `apply`).
 */
function sameStores(after: Stores, before: Stores): boolean {
  return after === before || ownStoreFields.every((k) => after[k] === before[k]);
}

/** A step of a persistent set, with the world it leads to (without its derived fields: see `apply`). */
export interface Chosen {
  step: Step;
  world: World;
}

/**
 * Steps that may be explored alone in `world` (a persistent set smaller than `steps`), each with the
 * world it leads to, or null when every enabled step must be explored. `steps` are the world's
 * enabled steps.
 */
export function persistentSet(world: World, steps: readonly Step[], scenario: Scenario, tx: Transitioner): Chosen[] | null {
  if (steps.length < 2) return null;
  // A fault on the broker itself (its machine crashing) drops what is in flight from it: it could
  // disable any of these deliveries, so nothing is explored alone while one is possible.
  for (const s of steps) if (s.kind === 'fault' && s.target === 'broker') return null;
  const traits = protocolOf(world.protocol).faultTraits ?? {};
  let clockMayJump: boolean | null = null;
  /** The step applied, unless it starts or stops a timer while the clock may jump (see above). */
  const tryStep = (step: Step): Chosen | null => {
    const next = apply(world, step, scenario, tx, false).world;
    if (next.timers !== world.timers) {
      clockMayJump ??= Object.entries(world.budget).some(([f, n]) => (n ?? 0) > 0 && traits[f]?.movesClock);
      if (clockMayJump) return null;
    }
    return { step, world: next };
  };
  // (Loops rather than filters: this runs for every world the checker meets.)
  for (const step of steps) {
    if (step.kind !== 'deliver' || !step.link.startsWith('broker>')) continue;
    const to = step.link.slice('broker>'.length);
    if (to !== 'producer' && !world.consumers[to]) continue;
    // X must be idle: no handler step, no statement waiting on another transaction.
    if (world.stores.waits?.[to] !== undefined) continue;
    const onX = (s: Step): s is Extract<Step, { kind: 'fault' }> => s.kind === 'fault' && (s.target === to || s.target === step.link);
    let idle = true;
    let faults = 0;
    for (const s of steps) {
      if (s.kind === 'run' && s.actor === to) idle = false;
      else if (onX(s)) {
        faults++;
        // A fault on X joins the set only if nothing else can spend its budget (the producer's own faults).
        if (to !== 'producer' || !traits[s.fault]?.producerOnly) idle = false;
      }
    }
    if (!idle) continue;
    const first = tryStep(step);
    if (!first) continue;
    const set = [first];
    for (const s of steps) {
      if (!onX(s)) continue;
      const chosen = tryStep(s);
      if (!chosen) break;
      set.push(chosen);
    }
    if (set.length === 1 + faults && set.length < steps.length) return set;
  }
  const commutes = protocolOf(world.protocol).commutesIntoBroker;
  if (commutes) {
    for (const step of steps) {
      if (step.kind !== 'deliver' || !step.link.endsWith('>broker') || !commutes(world, step)) continue;
      const chosen = tryStep(step);
      if (chosen && sameStores(chosen.world.stores, world.stores)) return [chosen];
    }
  }
  return null;
}
