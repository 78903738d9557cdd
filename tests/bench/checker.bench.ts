/**
 * `npm run bench [-- --json FILE]`: the exhaustive checker on every built-in scenario.
 * Per scenario: states, transitions, milliseconds (median of several cold runs: a fresh transition
 * memo each time, as a reader's first click would have), states per second, and the shortest
 * counterexample's length. Then the same searches with memoisation off — a plain BFS that calls
 * XState's transition() for every actor step — to measure the speed-up in the same run.
 */
import { writeFileSync } from 'node:fs';
import { allScenarios, check, createTransitioner, type CheckResult, type Handler, type Scenario } from '../../src/sim';
import { labScenario } from '../../src/sandbox/lab';
import { labs } from '../../src/sandbox/labs';

const RUNS = 5;
const BUDGET_MS = 100;
const args = process.argv.slice(2);
const jsonIndex = args.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? args[jsonIndex + 1] : undefined;
if (jsonIndex >= 0 && !jsonFile) {
  console.error('usage: npm run bench -- --json FILE');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(scenario: Scenario, memo: boolean): { ms: number; result: CheckResult } {
  const now = () => performance.now();
  const result = memo ? check(scenario, { transitioner: createTransitioner(), now }) : check(scenario, { memo: false, now });
  return { ms: result.ms ?? 0, result };
}

// Warm the JIT on every scenario once, so the first row is not charged for compiling the engine.
for (const s of allScenarios) timed(s, true);

const rows = allScenarios.map((scenario) => {
  const runs = Array.from({ length: RUNS }, () => timed(scenario, true));
  const ms = median(runs.map((r) => r.ms));
  const { result } = runs[0]!;
  const naive = timed(scenario, false);
  if (naive.result.states !== result.states) throw new Error(`${scenario.id}: plain BFS saw ${naive.result.states} states, memoised ${result.states}`);
  const lengths = Object.values(result.counterexamples).map((c) => c!.steps.length);
  return {
    id: scenario.id,
    protocol: scenario.protocol ?? 'ack',
    states: result.states,
    transitions: result.transitions,
    machineTransitions: result.machineTransitions,
    ms,
    naiveMs: naive.ms,
    counterexampleSteps: lengths.length ? Math.min(...lengths) : null,
    verdict: result.verdicts,
    expected: scenario.expected,
  };
});

const total = rows.reduce((a, r) => a + r.ms, 0);
const naiveTotal = rows.reduce((a, r) => a + r.naiveMs, 0);
const speedup = naiveTotal / total;

const pad = (v: unknown, n: number) => String(v).padStart(n);
console.log(`checker benchmark (${RUNS} cold runs each, median; budget ${BUDGET_MS} ms per scenario)`);
console.log(`${'scenario'.padEnd(40)}${pad('states', 8)}${pad('trans', 8)}${pad('xstate', 8)}${pad('ms', 9)}${pad('states/s', 10)}${pad('plain ms', 10)}${pad('cex', 5)}  verdict`);
for (const r of rows) {
  const ok = JSON.stringify(r.verdict) === JSON.stringify(r.expected);
  const verdict = `dup ${r.verdict.noDuplicateSideEffect}, loss ${r.verdict.noMessageLost}${ok ? '' : '  ≠ EXPECTED'}`;
  console.log(
    `${r.id.padEnd(40)}${pad(r.states, 8)}${pad(r.transitions, 8)}${pad(r.machineTransitions, 8)}${pad(r.ms.toFixed(1), 9)}${pad(Math.round(r.states / (r.ms / 1000)), 10)}${pad(r.naiveMs.toFixed(1), 10)}${pad(r.counterexampleSteps ?? '-', 5)}  ${verdict}${r.ms > BUDGET_MS ? '  OVER BUDGET' : ''}`,
  );
}
console.log(`total ${total.toFixed(1)} ms; plain BFS on transition() ${naiveTotal.toFixed(1)} ms; speed-up ×${speedup.toFixed(1)}`);

// Code labs: Check on the starter and on the solution (the same engine the sandbox worker runs).
const handlers = import.meta.glob<{ handle: Handler }>('../../content/labs/*/{starter,solution}.ts', { eager: true });
console.log(`\ncode labs: Check per lab (median of ${RUNS} cold runs)`);
const labRows = Object.values(labs).flatMap((lab) =>
  (['starter', 'solution'] as const).map((which) => {
    const handler = handlers[`../../content/labs/${lab.id}/${which}.ts`]!.handle;
    const runs = Array.from({ length: RUNS }, () => timed(labScenario(lab, handler), true));
    const r = runs[0]!.result;
    const row = { lab: lab.id, which, states: r.states, ms: median(runs.map((x) => x.ms)), verdict: r.verdicts };
    console.log(`${`${lab.id} (${which})`.padEnd(36)}${pad(row.states, 8)}${pad(row.ms.toFixed(1), 9)}  dup ${r.verdicts.noDuplicateSideEffect}, loss ${r.verdicts.noMessageLost}`);
    return row;
  }),
);

if (jsonFile) {
  const json = {
    speedupOverNaive: Number(speedup.toFixed(2)),
    scenarios: rows.map(({ id, states, transitions, ms, counterexampleSteps, verdict, expected }) => ({
      id,
      states,
      transitions,
      ms: Number(ms.toFixed(2)),
      counterexampleSteps,
      verdict,
      expected,
    })),
    labs: labRows.map((r) => ({ ...r, ms: Number(r.ms.toFixed(2)) })),
  };
  writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${jsonFile}`);
}
