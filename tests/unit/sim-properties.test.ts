/**
 * Property-based tests of the simulator (fast-check): random fault schedules against the strategies
 * that must hold, the checker against the engine, replay and share links, determinism, and the
 * share-link decoder against garbage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ackScenarios,
  apply,
  atQuiescence,
  check,
  createTimeline,
  currentWorld,
  decodeRun,
  enabledSteps,
  encodeRun,
  faultInfo,
  fromSteps,
  initialWorld,
  inject,
  invariants,
  invariantsOf,
  isQuiescent,
  noDuplicateSideEffect,
  noMessageLost,
  openRun,
  runUntilQuiescent,
  seek,
  stepKey,
  strategies,
  traceOf,
  type FaultKind,
  type Invariant,
  type Result,
  type Scenario,
  type ShareError,
  type StrategyId,
  type Timeline,
  type World,
} from '../../src/sim';
import { actionArb, pickArb, pickStep, play, type Pick } from '../support/sessions';

// ---------------------------------------------------------------------------------------------
// Helpers and arbitraries
// ---------------------------------------------------------------------------------------------

const scenarioById = (id: string): Scenario => {
  const found = ackScenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no built-in scenario ${id}`);
  return found;
};

/** Seeds that a share link can carry (base 36, at most 1 000 000). */
const seedArb = fc.integer({ min: 0, max: 1_000_000 });

/** Takes every pick with `inject` (each one a fault or a particular interleaving) from a fresh timeline. */
function drive(scenario: Scenario, seed: number, picks: readonly Pick[]): Timeline {
  let tl = createTimeline(scenario, seed);
  for (const pick of picks) {
    const key = pickStep(currentWorld(tl), pick);
    if (key === null) break;
    const next = inject(tl, key);
    // inject must take exactly the requested step, one frame further.
    expect(next.cursor).toBe(tl.cursor + 1);
    expect(next.frames[next.cursor]?.step).toBe(key);
    tl = next;
  }
  return tl;
}

const faultKinds = Object.keys(faultInfo) as FaultKind[];
const strategyIds = Object.keys(strategies) as StrategyId[];

/**
 * A scenario: a built-in one, or a built-in one copied with another strategy, consumer count and a
 * fault budget over every fault kind (including those no built-in scenario allows).
 */
const scenarioArb: fc.Arbitrary<Scenario> = fc.oneof(
  fc.constantFrom(...ackScenarios),
  fc
    .record({
      base: fc.constantFrom(...ackScenarios),
      strategy: fc.constantFrom(...strategyIds),
      consumers: fc.integer({ min: 1, max: 2 }),
      budget: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: faultKinds.length, maxLength: faultKinds.length }),
    })
    .map(({ base, strategy, consumers, budget }): Scenario => {
      const faults: Partial<Record<FaultKind, number>> = {};
      faultKinds.forEach((kind, i) => {
        const n = budget[i] ?? 0;
        if (n > 0) faults[kind] = n;
      });
      return { ...base, id: 'custom', strategy, consumers, faults };
    }),
);

/** The scenario list a share link is opened against: the generated scenario first. */
const knownWith = (scenario: Scenario): Scenario[] => [scenario, ...ackScenarios];

/** A random session on a random scenario. */
const sessionArb = fc.record({
  scenario: scenarioArb,
  seed: seedArb,
  actions: fc.array(actionArb, { maxLength: 50 }),
});

const stepsOf = (tl: Timeline, upTo = tl.cursor) => tl.frames.slice(1, upTo + 1).map((f) => f.step);

const shareErrorKinds: readonly ShareError['kind'][] = ['empty', 'version', 'format', 'scenario', 'number', 'schedule', 'replay'];

/** A decoding result is either ok or a typed error with a known kind and a non-empty message. */
function expectTypedResult(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) return;
  expect(shareErrorKinds).toContain(result.error.kind);
  expect(typeof result.error.message).toBe('string');
  expect(result.error.message.trim().length).toBeGreaterThan(0);
}

/** decodeRun and openRun on any input: never throw, typed results, and they agree with each other. */
function expectDecodesSafely(input: unknown, scenarios: readonly Scenario[]): void {
  const decoded = decodeRun(input);
  expectTypedResult(decoded);
  const opened = openRun(input, scenarios);
  expectTypedResult(opened);
  if (!decoded.ok) {
    // openRun decodes first: the same error comes back.
    expect(opened).toEqual(decoded);
    return;
  }
  expect(typeof input).toBe('string');
  expect(String(input).trim().startsWith('r1.')).toBe(true);
  if (opened.ok) {
    // The same scenario, or (for a `<id>~<strategy>` variant naming the scenario's own strategy) its base.
    const { scenarioId } = opened.value.spec;
    expect(decoded.value.scenarioId === scenarioId || decoded.value.scenarioId.startsWith(`${scenarioId}~`), scenarioId).toBe(true);
    expect(opened.value.spec.seed).toBe(decoded.value.seed);
    expect(opened.value.cursor).toBe(decoded.value.cursor);
    expect(opened.value.spec.schedule.map((e) => e.at)).toEqual(decoded.value.choices.map((c) => c.at));
  }
}

/** Exhaustive search over every step sequence up to `depth` steps (no state merging): is there a violation? */
function violatesWithin(scenario: Scenario, invariant: Invariant, world: World, depth: number): boolean {
  if ((!invariant.atQuiescence || isQuiescent(world)) && invariant.check(world, scenario)) return true;
  if (depth === 0) return false;
  return enabledSteps(world).some((step) => violatesWithin(scenario, invariant, apply(world, step, scenario).world, depth - 1));
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('random fault schedules', () => {
  /** Drives a run with the picks, settles it, and returns the violations seen (first one per invariant). */
  function violationsOf(scenario: Scenario, seed: number, picks: readonly Pick[]) {
    const tl = runUntilQuiescent(drive(scenario, seed, picks));
    expect(atQuiescence(tl)).toBe(true);
    const frames = tl.frames.slice(0, tl.cursor + 1);
    const duplicate = frames.map((f) => noDuplicateSideEffect.check(f.world, scenario)).find((v) => v !== null) ?? null;
    const lost = noMessageLost.check(currentWorld(tl), scenario);
    return { tl, duplicate, lost };
  }

  it.each(['inbox-in-transaction', 'upsert-idempotent-write'])(
    '%s: any schedule of faults and interleavings never duplicates the effect and never loses the message',
    (id) => {
      const scenario = scenarioById(id);
      expect(scenario.expected).toEqual({ noDuplicateSideEffect: 'holds', noMessageLost: 'holds' });
      fc.assert(
        fc.property(seedArb, fc.array(pickArb, { maxLength: 40 }), (seed, picks) => {
          const { tl, duplicate, lost } = violationsOf(scenario, seed, picks);
          const where = JSON.stringify(tl.spec);
          expect(duplicate, `duplicate in ${where}`).toBeNull();
          expect(lost, `lost message in ${where}`).toBeNull();
        }),
        { numRuns: 500 },
      );
    },
  );

  it('the same random driver does catch the duplicate of a broken strategy (the properties above can fail)', () => {
    const broken = scenarioById('manual-ack-crash-after-effect');
    const details = fc.check(
      fc.property(seedArb, fc.array(pickArb, { maxLength: 40 }), (seed, picks) => {
        expect(violationsOf(broken, seed, picks).duplicate).toBeNull();
      }),
      { numRuns: 300 },
    );
    expect(details.failed).toBe(true);
  });

  it('inbox and upsert strategies never duplicate the effect even under every fault kind, twice each', () => {
    const everyFault = Object.fromEntries(faultKinds.map((k) => [k, 2])) as Partial<Record<FaultKind, number>>;
    const scenarios = ['inboxInTransaction', 'upsert'].flatMap((strategy) =>
      [1, 2].map((consumers): Scenario => ({
        ...scenarioById('inbox-in-transaction'),
        id: 'custom',
        strategy: strategy as StrategyId,
        consumers,
        faults: everyFault,
      })),
    );
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), seedArb, fc.array(pickArb, { maxLength: 40 }), (scenario, seed, picks) => {
        const tl = runUntilQuiescent(drive(scenario, seed, picks));
        expect(atQuiescence(tl)).toBe(true);
        for (const frame of tl.frames.slice(0, tl.cursor + 1)) {
          expect(noDuplicateSideEffect.check(frame.world, scenario), JSON.stringify(tl.spec)).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('no random schedule violates an invariant that a built-in scenario declares as holding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ackScenarios), seedArb, fc.array(pickArb, { maxLength: 30 }), (scenario, seed, picks) => {
        const tl = runUntilQuiescent(drive(scenario, seed, picks));
        expect(atQuiescence(tl)).toBe(true);
        if (scenario.expected.noDuplicateSideEffect === 'holds') {
          for (const frame of tl.frames.slice(0, tl.cursor + 1)) {
            expect(noDuplicateSideEffect.check(frame.world, scenario), JSON.stringify(tl.spec)).toBeNull();
          }
        }
        if (scenario.expected.noMessageLost === 'holds') {
          expect(noMessageLost.check(currentWorld(tl), scenario), JSON.stringify(tl.spec)).toBeNull();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('checker and engine agree', () => {
  const broken = ackScenarios.filter((s) => Object.values(s.expected).includes('violated'));

  it('every scenario declared broken gets exactly its declared verdicts, with counterexamples that replay to a real violation', () => {
    expect(broken.length).toBeGreaterThan(0);
    for (const scenario of broken) {
      const result = check(scenario);
      expect(result.end, scenario.id).toBe('violated');
      expect(result.verdicts, scenario.id).toEqual(scenario.expected);
      for (const invariant of invariantsOf(scenario)) {
        const cx = result.counterexamples[invariant.id];
        if (scenario.expected[invariant.id as keyof typeof scenario.expected] === 'holds') {
          expect(cx, `${scenario.id}: ${invariant.id}`).toBeUndefined();
          continue;
        }
        if (!cx) throw new Error(`${scenario.id}: no counterexample for ${invariant.id}`);
        expect(cx.violation.invariant).toBe(invariant.id);
        expect(cx.steps.length).toBeGreaterThan(0);
        for (const seed of [1, 977]) {
          const tl = fromSteps(scenario, cx.steps, seed);
          expect(tl.cursor, `${scenario.id} replay length`).toBe(cx.steps.length);
          expect(tl.frames).toHaveLength(cx.steps.length + 1);
          expect(stepsOf(tl)).toEqual(cx.steps);
          if (invariant.atQuiescence) expect(atQuiescence(tl), `${scenario.id} ends settled`).toBe(true);
          expect(invariant.check(currentWorld(tl), scenario), `${scenario.id}: ${invariant.id}`).toEqual(cx.violation);
        }
      }
    }
  });

  it('counterexamples are shortest: no proper prefix and no shorter step sequence at all violates the invariant', () => {
    for (const scenario of broken) {
      const result = check(scenario);
      for (const invariant of invariants) {
        const cx = result.counterexamples[invariant.id];
        if (!cx) continue;
        const tl = fromSteps(scenario, cx.steps);
        // Every proper prefix is clean (settled prefixes included, for the quiescence invariant).
        for (const frame of tl.frames.slice(0, -1)) {
          if (invariant.atQuiescence && !isQuiescent(frame.world)) continue;
          expect(invariant.check(frame.world, scenario), `${scenario.id}: prefix violates ${invariant.id}`).toBeNull();
        }
        // Exhaustive search without state merging: nothing shorter violates it, the full length does.
        const start = initialWorld(scenario);
        expect(violatesWithin(scenario, invariant, start, cx.steps.length - 1), `${scenario.id}: shorter ${invariant.id}`).toBe(false);
        expect(violatesWithin(scenario, invariant, start, cx.steps.length), `${scenario.id}: ${invariant.id} at full length`).toBe(true);
      }
    }
  });
});

describe('replay and share links', () => {
  it('opening the encoded run reproduces its trace, cursor, schedule and world, and continues the same way', () => {
    fc.assert(
      fc.property(sessionArb, ({ scenario, seed, actions }) => {
        const tl = play(scenario, seed, actions);
        const text = encodeRun(tl);
        const opened = openRun(text, knownWith(scenario));
        if (!opened.ok) throw new Error(`${text}: ${opened.error.kind}: ${opened.error.message}`);
        const again = opened.value;
        expect(again.cursor).toBe(tl.cursor);
        expect(traceOf(again)).toEqual(traceOf(tl));
        expect(stepsOf(again)).toEqual(stepsOf(tl));
        expect(currentWorld(again)).toEqual(currentWorld(tl));
        expect(again.spec).toEqual(tl.spec);
        // The future the original had already computed (past a step back) is reproduced too.
        const last = tl.frames.length - 1;
        const ahead = seek(again, last);
        expect(ahead.cursor).toBe(last);
        expect(stepsOf(ahead)).toEqual(stepsOf(tl, last));
      }),
      { numRuns: 400 },
    );
  });

  it('the same scenario, seed and schedule always give the same run (deterministic rebuild)', () => {
    fc.assert(
      fc.property(sessionArb, ({ scenario, seed, actions }) => {
        const tl = play(scenario, seed, actions);
        const { schedule } = tl.spec;
        const build = () => runUntilQuiescent(createTimeline(scenario, seed, schedule));
        const a = build();
        const b = build();
        expect(traceOf(a)).toEqual(traceOf(b));
        expect(stepsOf(a)).toEqual(stepsOf(b));
        expect(currentWorld(a)).toEqual(currentWorld(b));
        // And rebuilding from the spec retraces the interactive session up to its cursor.
        const rebuilt = seek(createTimeline(scenario, seed, schedule), tl.cursor);
        expect(rebuilt.cursor).toBe(tl.cursor);
        expect(traceOf(rebuilt)).toEqual(traceOf(tl));
        expect(stepsOf(rebuilt)).toEqual(stepsOf(tl));
      }),
      { numRuns: 200 },
    );
  });

  it('decodeRun(encodeRun(run)) gives back the scenario, seed, cursor and each choice as an index of the scheduled step', () => {
    fc.assert(
      fc.property(sessionArb, ({ scenario, seed, actions }) => {
        const tl = play(scenario, seed, actions);
        const decoded = decodeRun(encodeRun(tl));
        if (!decoded.ok) throw new Error(`${decoded.error.kind}: ${decoded.error.message}`);
        expect(decoded.value.scenarioId).toBe(tl.spec.scenarioId);
        expect(decoded.value.seed).toBe(seed);
        expect(decoded.value.cursor).toBe(tl.cursor);
        expect(decoded.value.choices.map((c) => c.at)).toEqual(tl.spec.schedule.map((e) => e.at));
        decoded.value.choices.forEach(({ at, choice }, i) => {
          const frame = tl.frames[at];
          if (!frame) throw new Error(`no frame ${at}`);
          const step = enabledSteps(frame.world)[choice];
          expect(step && stepKey(step)).toBe(tl.spec.schedule[i]?.step);
        });
      }),
      { numRuns: 250 },
    );
  });
});

describe('share-link decoding never throws', () => {
  it('random text (ASCII and any code point) decodes and opens to ok or a typed error', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ minLength: 1990, maxLength: 2100 })),
        (text) => {
          expectDecodesSafely(text, ackScenarios);
          expectDecodesSafely(`r1.${text}`, ackScenarios);
          expectDecodesSafely(`r1.auto-ack-crash.${text}`, ackScenarios);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('near-valid strings look like share links and still decode and open to ok or a typed error', () => {
    const digit = fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyz');
    const num = fc.string({ unit: digit, minLength: 0, maxLength: 8 });
    const builtinId = fc.constantFrom(...ackScenarios.map((s) => s.id));
    const id = fc.oneof(
      builtinId,
      // Strategy variants, `<id>~<strategy>`, real or not.
      fc
        .tuple(
          builtinId,
          fc.oneof(fc.constantFrom(...strategyIds, 'toString', '__proto__', 'constructor'), fc.string({ unit: fc.constantFrom(...'aZx~'), maxLength: 40 })),
        )
        .map(([i, v]) => `${i}~${v}`),
      fc.string({ unit: fc.constantFrom(...'abc-0Z_.~'), maxLength: 70 }),
    );
    const choice = fc.tuple(num, num).map(([a, c]) => `${a}-${c}`);
    // Many well-formed choices in order: long links that get as far as replaying (or past 2000 characters).
    const orderedChoices = fc
      .array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 400 })
      .map((deltas) => {
        let at = -1;
        return deltas.map(([d, c]) => `${(at += d).toString(36)}-${c.toString(36)}`);
      });
    const choicesArb = fc.option(fc.oneof(fc.array(choice, { maxLength: 6 }), orderedChoices), { nil: undefined });
    const linkArb = fc
      .tuple(id, num, num, choicesArb)
      .map(([i, seed, cursor, choices]) => ['r1', i, seed, cursor, ...(choices ? [choices.join('_')] : [])].join('.'));
    fc.assert(
      fc.property(linkArb, (text) => expectDecodesSafely(text, ackScenarios)),
      { numRuns: 400 },
    );
  });

  it('mutations of a valid encoded run (replaced, deleted, inserted characters, swapped segments) never throw', () => {
    type Mutation =
      { op: 'replace' | 'insert'; pos: number; ch: string } | { op: 'delete'; pos: number } | { op: 'swapSegments' | 'swapChoices'; i: number; j: number };
    const ch = fc.oneof(
      fc.constantFrom('.', '-', '_', '0', '1', 'z', 'Z', ' ', 'r', '\u0000', '\uD800', '𝔘'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ op: fc.constantFrom('replace' as const, 'insert' as const), pos: fc.nat(), ch }),
      fc.record({ op: fc.constant('delete' as const), pos: fc.nat() }),
      fc.record({ op: fc.constantFrom('swapSegments' as const, 'swapChoices' as const), i: fc.nat(), j: fc.nat() }),
    );
    const swap = (text: string, sep: string, i: number, j: number) => {
      const parts = text.split(sep);
      const a = i % parts.length;
      const b = j % parts.length;
      [parts[a], parts[b]] = [parts[b] ?? '', parts[a] ?? ''];
      return parts.join(sep);
    };
    const mutate = (text: string, m: Mutation): string => {
      switch (m.op) {
        case 'replace': {
          const p = m.pos % Math.max(1, text.length);
          return text.slice(0, p) + m.ch + text.slice(p + 1);
        }
        case 'insert': {
          const p = m.pos % (text.length + 1);
          return text.slice(0, p) + m.ch + text.slice(p);
        }
        case 'delete': {
          const p = m.pos % Math.max(1, text.length);
          return text.slice(0, p) + text.slice(p + 1);
        }
        case 'swapSegments':
          return swap(text, '.', m.i, m.j);
        case 'swapChoices':
          return swap(text, '_', m.i, m.j);
      }
    };
    fc.assert(
      fc.property(sessionArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), ({ scenario, seed, actions }, mutations) => {
        const valid = encodeRun(play(scenario, seed, actions));
        const known = knownWith(scenario);
        expectDecodesSafely(valid, known);
        let text = valid;
        for (const m of mutations) {
          text = mutate(text, m);
          expectDecodesSafely(text, known);
        }
        // Whatever opened fine re-encodes to a link that opens to the same run.
        const opened = openRun(text, known);
        if (opened.ok) {
          const reopened = openRun(encodeRun(opened.value), known);
          if (!reopened.ok) throw new Error(`${text}: re-encoded run fails: ${reopened.error.message}`);
          expect(traceOf(reopened.value)).toEqual(traceOf(opened.value));
          expect(reopened.value.cursor).toBe(opened.value.cursor);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('non-string inputs (numbers, null, objects, arrays…) give a typed error, never an exception', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((x) => typeof x !== 'string'),
        (input) => {
          const decoded = decodeRun(input);
          expectTypedResult(decoded);
          expect(decoded.ok).toBe(false);
          const opened = openRun(input, ackScenarios);
          expectTypedResult(opened);
          expect(opened.ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
    for (const input of [undefined, null, 0, 42, NaN, true, {}, [], ['r1', 'auto-ack-crash', '1', '0'], { toString: () => 'r1.auto-ack-crash.1.0' }]) {
      const decoded = decodeRun(input);
      expectTypedResult(decoded);
      expect(decoded.ok).toBe(false);
    }
  });
});
