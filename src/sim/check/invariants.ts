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
  /** null when it holds. */
  check(world: World, scenario: Scenario): Violation | null;
}

/** No business key has been applied more than once. */
export const noDuplicateSideEffect: Invariant = {
  id: 'noDuplicateSideEffect',
  atQuiescence: false,
  check(world) {
    for (const [key, times] of Object.entries(world.stores.ledger)) {
      if (times > 1) return { invariant: 'noDuplicateSideEffect', explain: 'invariant.duplicate', detail: { key, times } };
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

/** Every invariant, in the order results list them. */
export const invariants: readonly Invariant[] = [noDuplicateSideEffect, noMessageLost];
