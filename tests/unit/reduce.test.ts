/**
 * The checker's partial-order reduction (src/sim/check/reduce.ts) must not change a verdict. Two
 * checks: wherever it picks steps to explore alone, each of them commutes with every other step the
 * world could take and neither disables the other (tried on the first worlds of every built-in
 * scenario and every code lab); and on every lab, starter and solution, the reduced search judges
 * every invariant as the full search does, on fewer states, with counterexamples that replay.
 */
import { describe, expect, it } from 'vitest';
import {
  apply,
  check,
  currentWorld,
  derived,
  enabledSteps,
  fromSteps,
  invariantsOf,
  isQuiescent,
  loadedScenarios,
  runsHandler,
  stepKey,
  worldKey,
  type Handler,
} from '../../src/sim';
import '../../src/sim/engine/handlers';
import { walk } from '../support/walk';
import { persistentSet } from '../../src/sim/check/reduce';
import { sharedTransitioner } from '../../src/sim/engine/actors';
import { labScenario } from '../../src/sandbox/lab';
import { labs } from '../../src/sandbox/labs';
import { queuesOf } from '../../src/sim/protocols/rocketmq/broker.machine';

const handlers = import.meta.glob<{ handle: Handler }>('../../content/labs/*/{starter,solution}.ts', { eager: true });
const labWorlds = Object.values(labs).flatMap((lab) =>
  (['starter', 'solution'] as const).map((which) => ({
    name: `${lab.id} (${which})`,
    scenario: labScenario(lab, handlers[`../../content/labs/${lab.id}/${which}.ts`]!.handle),
  })),
);

/** Sets made of a delivery to the broker (a protocol's own rule, e.g. RocketMQ's pull), counted over every case. */
let intoBroker = 0;
/** …of them, RocketMQ's offset reports, and pulls chosen while the group could still change (a join or crash left in the budget). */
let persists = 0;
let pullsWhileUnsettled = 0;
/** …and pulls for a queue their sender holds in some groups and not in others (it may lose it first). */
let pullsOfAQueueThatMoves = 0;
const MEMBERSHIP = ['crashConsumerBeforeEffect', 'crashConsumerBeforePersist', 'joinConsumer'] as const;

describe('partial-order reduction', () => {
  const cases = [...loadedScenarios().map((s) => ({ name: s.id, scenario: s })), ...labWorlds];
  it.each(cases)(
    '$name: the steps explored alone commute with every other enabled step',
    ({ scenario }) => {
      let chosen = 0;
      let withFault = 0;
      walk(scenario, runsHandler(scenario) ? 4_000 : 1_500, (w) => {
        const steps = enabledSteps(w);
        const set = persistentSet(w, steps, scenario, sharedTransitioner);
        if (!set) return;
        chosen++;
        if (set.length > 1) withFault++;
        const first = set[0]!.step;
        if (first.kind === 'deliver' && first.link.endsWith('>broker')) {
          intoBroker++;
          const head = w.net[first.link]![0]!;
          if (head.kind === 'persist') persists++;
          if (head.kind === 'pull' && MEMBERSHIP.some((f) => (w.budget[f] ?? 0) > 0)) {
            pullsWhileUnsettled++;
            const sender = first.link.split('>')[0]!;
            const ids = Object.keys(w.consumers);
            const holds = (group: string[]) => {
              const members = group.map((c) => `${c}#0`).sort();
              return queuesOf(
                (w.broker.context as { messageModel: 'CLUSTERING' | 'BROADCASTING' }).messageModel,
                members,
                members.indexOf(`${sender}#0`),
              ).includes(head.queue);
            };
            if (holds([sender]) !== holds(ids)) pullsOfAQueueThatMoves++;
          }
        }
        const inSet = new Set(set.map((c) => stepKey(c.step)));
        expect(inSet.size).toBeLessThan(steps.length);
        for (const { step, world: bareReached } of set) {
          const p = stepKey(step);
          // The set's worlds come without the look-ahead's derived fields, as the checker keys them.
          const reached = derived(bareReached, scenario);
          expect(worldKey(reached)).toBe(worldKey(apply(w, step, scenario).world));
          for (const t of steps) {
            const tk = stepKey(t);
            if (inSet.has(tk)) continue;
            const afterT = apply(w, t, scenario).world;
            // p stays enabled after t, t stays enabled after p, and both orders reach the same world.
            expect(enabledSteps(afterT).map(stepKey), `${tk} disabled ${p}`).toContain(p);
            expect(enabledSteps(reached).map(stepKey), `${p} disabled ${tk}`).toContain(tk);
            expect(worldKey(apply(afterT, step, scenario).world), `${p} and ${tk} do not commute`).toBe(worldKey(apply(reached, t, scenario).world));
          }
        }
      });
      // Only the labs turn it on, but the claim is about the engine: it must hold wherever a set is chosen.
      if (runsHandler(scenario)) expect(chosen).toBeGreaterThan(0);
      // A lost confirm or send result joins the producer's delivery in the set where the lab can lose one.
      if (runsHandler(scenario) && ((scenario.faults.loseConfirm ?? 0) > 0 || (scenario.faults.loseSendResponse ?? 0) > 0))
        expect(withFault).toBeGreaterThan(0);
    },
    120_000,
  );

  it("the protocols' own rules were tried above: a pull reaching the RocketMQ broker was explored alone", () => {
    expect(intoBroker).toBeGreaterThan(20);
    // Both of RocketMQ's cases: a poll that can only wait, while a join or a crash may still come; and an offset report.
    expect(pullsWhileUnsettled).toBeGreaterThan(20);
    // …including a poll for a queue a join would take from its sender, while nothing can hand it back.
    expect(pullsOfAQueueThatMoves).toBeGreaterThan(0);
    expect(persists).toBeGreaterThan(0);
  });

  it('a delivery into the broker that changes no store is explored alone, whatever fields the look-ahead derived', () => {
    const { scenario } = labWorlds.find((l) => l.name === 'rocketmq-keys-dedup (solution)')!;
    let tried = 0;
    walk(scenario, 1_500, (w) => {
      const steps = enabledSteps(w);
      const set = persistentSet(w, steps, scenario, sharedTransitioner);
      const first = set?.[0]?.step;
      if (!set || set.length !== 1 || first?.kind !== 'deliver' || !first.link.endsWith('>broker')) return;
      // The same world as the look-ahead leaves it while a consumer is about to COMMIT: a derived field
      // the step does not change (it is written again after every step), so the choice is the same.
      const flagged = { ...w, stores: { ...w.stores, committing: ['c1'] } };
      expect(persistentSet(flagged, steps, scenario, sharedTransitioner)?.map((c) => stepKey(c.step))).toEqual([stepKey(first)]);
      tried++;
    });
    expect(tried).toBeGreaterThan(10);
  });

  // The whole matrix (every lab, starter and solution) runs in `npm run bench`; here the smaller labs.
  const compared = labWorlds.filter((l) => /^check-then-act|^(increment-to-upsert|kafka-commit-placement) \(starter/.test(l.name));
  it.each(compared)(
    '$name: the reduced search gives the full search verdicts on fewer states',
    ({ scenario }) => {
      const full = check(scenario, { reduce: false, maxStates: 2_000_000 });
      const reduced = check(scenario, { maxStates: 2_000_000 });
      expect(full.end === 'exhausted' || full.end === 'violated').toBe(true);
      expect(reduced.verdicts).toEqual(full.verdicts);
      expect(reduced.states).toBeLessThan(full.states);
      for (const cex of Object.values(reduced.counterexamples)) {
        // A counterexample of the reduced space is a schedule of the real one: it replays to the violation.
        const end = currentWorld(fromSteps(scenario, cex!.steps));
        const inv = invariantsOf(scenario).find((i) => i.id === cex!.violation.invariant)!;
        expect(inv.check(end, scenario, isQuiescent(end)), cex!.steps.join(' ')).not.toBeNull();
        expect(cex!.steps.length).toBeGreaterThanOrEqual(full.counterexamples[cex!.violation.invariant]!.steps.length);
      }
    },
    180_000,
  );
});
