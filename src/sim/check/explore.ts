import { createTransitioner, sharedTransitioner, type Transitioner } from '../engine/actors';
import type { InvariantId, Scenario, Verdicts } from '../engine/scenario';
import { apply, derived, enabledSteps, initialWorld, stepKey, TUPLE_SIZE, worldTuple, type Step, type World } from '../engine/world';
import { failingForever, invariantsOf, noDuplicateSideEffect, type Violation } from './invariants';
import { runsHandler } from '../engine/kit';
import { persistentSet } from './reduce';
import { symmetric, symmetricTuple } from './symmetry';
import { StateIndex } from './states';

/** A counterexample: the shortest sequence of steps from the start to a violation. */
export interface Counterexample {
  violation: Violation;
  /** Step keys, in order; replay them with the timeline to see it happen. */
  steps: string[];
}

/** How a search ended (DSLabs-style): the whole space seen, a violation found, a bound hit, or cancelled. */
export type SearchEnd = 'exhausted' | 'violated' | 'limit' | 'cancelled';

/** One invariant's verdict: 'unknown' when the search stopped early without finding a violation of it. */
export type Verdict = 'holds' | 'violated' | 'unknown';

/** What the checker found. */
export interface CheckResult {
  end: SearchEnd;
  /** 'unknown' when the search stopped early without finding a violation of that invariant. */
  verdicts: Record<keyof Verdicts, Verdict> & Partial<Record<InvariantId, Verdict>>;
  /** Shortest counterexample per violated invariant. */
  counterexamples: Partial<Record<InvariantId, Counterexample>>;
  states: number;
  transitions: number;
  /** Distinct actor transitions XState computed (the rest came from memory). */
  machineTransitions: number;
  /** Wall time of the search in ms, when the caller supplied a clock (`now`); null otherwise. */
  ms: number | null;
}

/** Search options: a state bound, progress reports, cooperative cancellation, and the transitioner. */
export interface CheckOptions {
  maxStates?: number;
  /** Called every `progressEvery` transitions (and once at the end). */
  onProgress?: (states: number, transitions: number) => void;
  progressEvery?: number;
  /** Polled with progress; return true to stop. */
  shouldCancel?: () => boolean;
  /** Stop at the first violation instead of judging every invariant. */
  stopAtFirst?: boolean;
  /** Stop once these invariants are all violated (the others are then left undecided). */
  stopWhen?: readonly InvariantId[];
  /** `memo: false` runs XState for every actor transition: the benchmark's plain BFS. */
  memo?: boolean;
  /** The transitioner to use (a fresh one measures a cold start); defaults to the shared one. */
  transitioner?: Transitioner;
  /**
   * A clock for reporting the search's duration (the caller passes a high-resolution timer). The
   * simulator never reads the wall clock itself, so replays stay exact; the caller decides whether
   * time is measured.
   */
  now?: () => number;
  /**
   * Partial-order reduction (reduce.ts): explore a delivery to an idle consumer alone when every
   * other order reaches the same states; and symmetry reduction (symmetry.ts): with two
   * interchangeable consumers, a world and its swap are one state. On by default for readers'
   * handlers (code labs), where the verdict matters and the shortest counterexample does not; off
   * for the built-in scenarios, whose counterexamples are shortest and name the consumers they show.
   */
  reduce?: boolean;
}

/**
 * Breadth-first search over every interleaving of deliveries, handler operations, timers and the
 * scenario's faults (within its budget), on the same machines the widget runs. Worlds are merged by
 * their canonical key; BFS order makes each counterexample a shortest one (of the reduced space, when
 * `reduce` is on).
 */
export function check(scenario: Scenario, options: CheckOptions = {}): CheckResult {
  const { maxStates = 200_000, progressEvery = 2_000, stopAtFirst = false } = options;
  const tx: Transitioner = options.memo === false ? createTransitioner({ memo: false }) : (options.transitioner ?? sharedTransitioner);
  const missesBefore = tx.stats.misses;
  const startedAt = options.now?.();
  const start = initialWorld(scenario);
  const handlerRuns = runsHandler(scenario);
  const reduce = options.reduce ?? handlerRuns;
  // With the reductions on, a world and its consumer-swapped twin are one state (symmetry.ts).
  const keyOf = reduce && symmetric(start) ? symmetricTuple : worldTuple;
  // Every state met gets a number: its key maps to it, and it remembers the state and step it came from
  // (the step's key is written only for the states on a counterexample's path). Keys are looked up as
  // tuples of numbers (world.ts `worldTupleAs`, states.ts): the same equivalence, with no string to build.
  const key = new Float64Array(TUPLE_SIZE);
  const index = new StateIndex();
  keyOf(start, key);
  index.find(key);
  index.add(key);
  const cameFrom: number[] = [-1];
  const cameBy: (Step | null)[] = [null];
  let frontier: { world: World; at: number }[] = [{ world: start, at: 0 }];
  const counterexamples: CheckResult['counterexamples'] = {};
  let states = 1;
  let transitions = 0;
  let end: SearchEnd = 'exhausted';

  const pathTo = (at: number): string[] => {
    const steps: string[] = [];
    for (let i = at; i > 0; i = cameFrom[i]!) steps.push(stepKey(cameBy[i]!));
    return steps.reverse();
  };
  const invariants = invariantsOf(scenario);
  // The ledger invariant reads only the ledger and the amounts charged, objects every world shares
  // until a charge replaces them: each pair is judged once.
  const ledgers = new WeakMap<object, { charged: object; violation: Violation | null }[]>();
  const ledgerVerdict = (world: World): Violation | null => {
    const { ledger, charged } = world.stores;
    let judged = ledgers.get(ledger);
    if (!judged) ledgers.set(ledger, (judged = []));
    const known = judged.find((j) => j.charged === charged);
    if (known) return known.violation;
    const violation = noDuplicateSideEffect.check(world, scenario);
    judged.push({ charged, violation });
    return violation;
  };
  /** Whether a new violation was found: judging stops with the first (or with the last wanted). */
  let found = 0;
  const judge = (world: World, at: number, quiescent: boolean): boolean => {
    const before = found;
    for (const inv of invariants) {
      if (counterexamples[inv.id] || (inv.atQuiescence && !quiescent)) continue;
      const violation = inv === noDuplicateSideEffect ? ledgerVerdict(world) : inv.check(world, scenario, quiescent);
      if (violation) {
        counterexamples[inv.id] = { violation, steps: pathTo(at) };
        found++;
      }
    }
    return found > before;
  };
  // A copy the broker would redeliver for ever: judged, not explored further (the space would never end).
  let pruned = false;
  const wanted = options.stopWhen ?? invariants.map((inv) => inv.id);
  const allFound = () => wanted.every((id) => counterexamples[id]);
  const everyFound = () => invariants.every((inv) => counterexamples[inv.id]);

  // Stopping at the first violation (or when all are found) leaves the others undecided.
  let cutShort = false;
  const stoppedEarly = (_end: SearchEnd, _found: CheckResult['counterexamples']) => cutShort;

  search: while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { world, at } of frontier) {
      const steps = enabledSteps(world);
      const quiescent = !steps.some((s) => s.kind !== 'fault');
      if (judge(world, at, quiescent) && (stopAtFirst || allFound())) {
        end = 'violated';
        cutShort = !everyFound();
        break search;
      }
      if (handlerRuns && failingForever(world, scenario)) {
        pruned = true;
        continue;
      }
      const chosen = reduce ? persistentSet(world, steps, scenario, tx) : null;
      const count = chosen ? chosen.length : steps.length;
      for (let i = 0; i < count; i++) {
        const step = chosen ? chosen[i]!.step : steps[i]!;
        // Keyed without the look-ahead's derived fields; they are added only to a world not seen before.
        const result = chosen ? chosen[i]!.world : apply(world, step, scenario, tx, false).world;
        transitions++;
        // Progress by work done, not by new states: late levels of a search find few new states, and
        // the sandbox takes a long silence for a handler that never returns.
        if (transitions % progressEvery === 0) {
          options.onProgress?.(states, transitions);
          if (options.shouldCancel?.()) {
            end = 'cancelled';
            break search;
          }
        }
        keyOf(result, key);
        if (index.find(key) >= 0) continue;
        index.add(key);
        cameFrom.push(at);
        cameBy.push(step);
        next.push({ world: derived(result, scenario), at: states });
        states++;
        if (states >= maxStates) {
          end = 'limit';
          break search;
        }
      }
    }
    frontier = next;
  }
  if (end === 'exhausted' && Object.keys(counterexamples).length > 0) end = 'violated';
  const complete = end === 'exhausted' || end === 'violated';
  const verdicts = Object.fromEntries(
    invariants.map((inv) => [inv.id, counterexamples[inv.id] ? 'violated' : complete && !pruned && !stoppedEarly(end, counterexamples) ? 'holds' : 'unknown']),
  ) as CheckResult['verdicts'];
  options.onProgress?.(states, transitions);
  const ms = startedAt === undefined || !options.now ? null : options.now() - startedAt;
  return { end, verdicts, counterexamples, states, transitions, machineTransitions: tx.stats.misses - missesBefore, ms };
}
