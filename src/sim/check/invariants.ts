import { runsHandler } from '../engine/kit';
import type { InvariantId, Scenario } from '../engine/scenario';
import type { World } from '../engine/world';

/** Why an invariant failed, in a form the log can turn into one sentence. */
export interface Violation {
  invariant: InvariantId;
  /** UI string key of the explanation. */
  explain: string;
  detail: Record<string, string | number>;
}

/** A named property of worlds. `atQuiescence` ones are judged only when nothing more can happen. */
export interface Invariant {
  id: InvariantId;
  atQuiescence: boolean;
  /** Whether the invariant judges this scenario (default: every scenario). */
  appliesTo?(scenario: Scenario): boolean;
  /** null when it holds. `quiescent`: nothing but a fault can happen any more. */
  check(world: World, scenario: Scenario, quiescent?: boolean): Violation | null;
}

/** The amount each order should be charged: the message's own, or the scenario's. */
const amountOf = (scenario: Scenario, key: string) => scenario.messages.find((m) => m.key === key)?.amount ?? scenario.amount ?? 100;

/** No business key has been applied more than once — and, where a reader's handler charges, never with another amount. */
export const noDuplicateSideEffect: Invariant = {
  id: 'noDuplicateSideEffect',
  atQuiescence: false,
  check(world, scenario) {
    for (const [key, times] of Object.entries(world.stores.ledger)) {
      if (times > 1) return { invariant: 'noDuplicateSideEffect', explain: 'invariant.duplicate', detail: { key, times } };
      if (runsHandler(scenario) && times === 1 && world.stores.charged[key] !== amountOf(scenario, key)) {
        return {
          invariant: 'noDuplicateSideEffect',
          explain: 'invariant.wrongAmount',
          detail: { key, charged: world.stores.charged[key] ?? 0, amount: amountOf(scenario, key) },
        };
      }
    }
    return null;
  },
};

/**
 * Once everything has settled, every published message has had its effect — or, for a poison
 * message that no handler can ever apply, is parked in a dead-letter queue for a person to look at.
 */
export const noMessageLost: Invariant = {
  id: 'noMessageLost',
  atQuiescence: true,
  check(world, scenario) {
    for (const msg of scenario.messages) {
      const handled = msg.poison ? world.stores.dead.includes(msg.key) : (world.stores.ledger[msg.key] ?? 0) > 0;
      if (!handled) {
        return { invariant: 'noMessageLost', explain: 'invariant.lost', detail: { key: msg.key } };
      }
    }
    return null;
  },
};

/**
 * How many deliveries of one copy count as "redelivered forever" while its last attempt failed:
 * each fault in the budget causes at most one more delivery, so a correct handler never gets there.
 * The checker does not explore past it (the broker would go on for ever).
 */
export const foreverAfter = (scenario: Scenario): number => 3 + Object.values(scenario.faults).reduce<number>((a, n) => a + (n ?? 0), 0);

/** A copy delivered `foreverAfter` times whose last attempt failed: the broker would redeliver it for ever. */
export function failingForever(world: World, scenario: Scenario): Violation | null {
  // Judged in every world the checker meets: most have no copy whose last attempt failed.
  const attempts = world.stores.attempts;
  if (!attempts) return null;
  for (const id in world.consumers) {
    const d = world.consumers[id]!.context.current;
    if (!d || attempts[`${d.msgId}/${d.copy}`] !== 'failed' || d.count < foreverAfter(scenario)) continue;
    if (scenario.messages.find((m) => m.key === d.key)?.poison) continue;
    return { invariant: 'everyCopySettled', explain: 'invariant.failingForever', detail: { key: d.key, msgId: d.msgId, times: d.count } };
  }
  return null;
}

/**
 * Every copy of a message ends settled: the handler's last attempt on it returned. A handler that
 * treats a duplicate as an error leaves the broker to deal with the copy — requeued forever,
 * retried until `max_deliver` or the delivery limit, dead-lettered — even when the ledger is right.
 * Judged where a reader's handler runs (code labs).
 */
export const everyCopySettled: Invariant = {
  id: 'everyCopySettled',
  atQuiescence: false,
  appliesTo: runsHandler,
  check(world, scenario, quiescent) {
    return failingForever(world, scenario) ?? (quiescent ? unsettledCopy(world, scenario) : null);
  },
};

/** Once nothing more can happen: a copy whose last attempt failed. */
function unsettledCopy(world: World, scenario: Scenario): Violation | null {
  for (const [copy, how] of Object.entries(world.stores.attempts ?? {})) {
    const msgId = copy.slice(0, copy.lastIndexOf('/'));
    const msg = scenario.messages.find((m) => m.id === msgId);
    if (how === 'failed' && !msg?.poison)
      return { invariant: 'everyCopySettled', explain: 'invariant.endedAsFailure', detail: { key: msg?.key ?? msgId, msgId } };
  }
  return null;
}

/** Every invariant, in the order results list them. */
export const invariants: readonly Invariant[] = [noDuplicateSideEffect, noMessageLost, everyCopySettled];

/** The invariants that judge this scenario. */
export const invariantsOf = (scenario: Scenario): readonly Invariant[] => invariants.filter((i) => !i.appliesTo || i.appliesTo(scenario));
