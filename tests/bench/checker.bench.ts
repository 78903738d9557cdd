/**
 * `npm run bench [-- --json FILE]`: the exhaustive checker on every built-in scenario.
 * Per scenario: states, transitions, milliseconds (median of several cold runs: a fresh transition
 * memo each time, as a reader's first click would have), states per second, and the shortest
 * counterexample's length. Then the same searches with memoisation off — a plain BFS that calls
 * XState's transition() for every actor step — to measure the speed-up in the same run. Then the
 * code labs' Check (the budget is on a first Check), and each solution's Check in a new process.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { allScenarios, check, createTransitioner, type CheckResult, type Scenario } from '../../src/sim';
import { gradeLab } from '../../src/sandbox/grade';
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
console.log(
  `${'scenario'.padEnd(40)}${pad('states', 8)}${pad('trans', 8)}${pad('xstate', 8)}${pad('ms', 9)}` +
    `${pad('states/s', 10)}${pad('plain ms', 10)}${pad('cex', 5)}  verdict`,
);
let scenariosDiffer = 0;
for (const r of rows) {
  const ok = JSON.stringify(r.verdict) === JSON.stringify(r.expected);
  const verdict = `dup ${r.verdict.noDuplicateSideEffect}, loss ${r.verdict.noMessageLost}${ok ? '' : '  ≠ EXPECTED'}`;
  if (!ok) scenariosDiffer++;
  console.log(
    `${r.id.padEnd(40)}${pad(r.states, 8)}${pad(r.transitions, 8)}${pad(r.machineTransitions, 8)}${pad(r.ms.toFixed(1), 9)}` +
      `${pad(Math.round(r.states / (r.ms / 1000)), 10)}${pad(r.naiveMs.toFixed(1), 10)}${pad(r.counterexampleSteps ?? '-', 5)}` +
      `  ${verdict}${r.ms > BUDGET_MS ? '  OVER BUDGET' : ''}`,
  );
}
if (scenariosDiffer > 0) {
  console.error(`${scenariosDiffer} scenario verdict(s) differ from the declared ones`);
  process.exitCode = 1;
}
console.log(`total ${total.toFixed(1)} ms; plain BFS on transition() ${naiveTotal.toFixed(1)} ms; speed-up ×${speedup.toFixed(1)}`);

// Code labs: Check on the starter and on the solution, graded as the site's Check grades a reader's
// code (gradeLab: each step on a fresh instance of the module, the module-state detector beside it,
// partial-order reduction on). Then the same search without the reduction, which must give the same
// verdict for every invariant.
const LAB_BUDGET_MS = 1_000;
console.log(
  `\ncode labs: Check per lab as the site grades it — a first Check (fresh transition memo, median of 3; budget ${LAB_BUDGET_MS} ms) ` +
    'and a Check again (memo kept, median of 3) — and the full search without reduction',
);
console.log(`${'lab'.padEnd(36)}${pad('states', 8)}${pad('ms', 9)}${pad('again', 9)}${pad('full', 9)}${pad('full ms', 9)}  verdict`);
let labsDiffer = 0;
const labRows = Object.values(labs).flatMap((lab) =>
  (['starter', 'solution'] as const).map((which) => {
    const source = which === 'starter' ? lab.starter : lab.solution;
    // A reader's first Check starts with an empty transition memo (a fresh worker); a second one, after
    // an edit, finds the machines' transitions in memory. Both are reported; the budget is on the first.
    const runs = Array.from({ length: 3 }, () => {
      const started = performance.now();
      const g = gradeLab(lab, source, { transitioner: createTransitioner() });
      return { g, ms: performance.now() - started };
    });
    gradeLab(lab, source);
    const warm = Array.from({ length: 3 }, () => {
      const started = performance.now();
      gradeLab(lab, source);
      return performance.now() - started;
    });
    const { g } = runs[0]!;
    const started = performance.now();
    const full = gradeLab(lab, source, { reduce: false });
    const fullMs = performance.now() - started;
    const same = JSON.stringify(full.result?.verdicts) === JSON.stringify(g.result?.verdicts) && full.verdict === g.verdict;
    if (!same) labsDiffer++;
    const row = {
      lab: lab.id,
      which,
      verdict: g.verdict,
      states: g.states,
      ms: median(runs.map((x) => x.ms)),
      warmMs: median(warm),
      fullStates: full.states,
      fullMs,
      end: g.result?.end,
    };
    console.log(
      `${`${lab.id} (${which})`.padEnd(36)}${pad(row.states, 8)}${pad(row.ms.toFixed(0), 9)}${pad(row.warmMs.toFixed(0), 9)}` +
        `${pad(row.fullStates, 9)}${pad(fullMs.toFixed(0), 9)}  ${g.verdict}${g.invariant ? ` (${g.invariant})` : ''}` +
        `${same ? '' : '  ≠ FULL SEARCH'}${row.ms > LAB_BUDGET_MS ? '  over budget' : ''}`,
    );
    return row;
  }),
);
if (labsDiffer > 0) {
  console.error(`${labsDiffer} lab verdict(s) differ between the reduced and the full search`);
  process.exitCode = 1;
}

// The same Check on each solution in a new Node process (`npm run grade`): the engine's code is not
// compiled yet, as in a reader's first Check in a fresh worker. Reported beside the budget above.
console.log("\ncode labs: the solution's Check in a new process (`npm run grade`, the JIT cold; one run each)");
const fresh = Object.values(labs).map((lab) => {
  const out = spawnSync(process.execPath, ['tests/bench/run.mjs', 'scripts/grade.ts', lab.id, `content/labs/${lab.id}/solution.ts`], {
    encoding: 'utf8',
  });
  const ms = Number(/ states in (\d+) ms/.exec(out.stdout)?.[1] ?? NaN);
  console.log(`${lab.id.padEnd(36)}${pad(Number.isNaN(ms) ? `failed: ${out.stderr.trim().split('\n')[0]}` : ms, 9)}`);
  return { lab: lab.id, ms };
});

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
    labs: labRows.map((r) => ({ ...r, ms: Number(r.ms.toFixed(2)), warmMs: Number(r.warmMs.toFixed(2)) })),
    solutionsInNewProcess: fresh,
  };
  writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`wrote ${jsonFile}`);
}
