/**
 * `npm run grade -- <lab-id> <file.ts>`: grades a handler file in a code lab exactly as the site's
 * Check does, prints the verdict with its bounds, and exits 0 only when it passed.
 */
import { readFileSync } from 'node:fs';
import '../src/sim';
import { grade } from '../src/sandbox/grade';
import { labs } from '../src/sandbox/labs';

const args = process.argv.slice(2).filter((a) => !a.endsWith('scripts/grade.ts'));
const [labId, file] = args;
if (!labId || !file) {
  console.error(`usage: npm run grade -- <lab-id> <file.ts>\nlabs: ${Object.keys(labs).sort().join(', ')}`);
  process.exitCode = 2;
} else {
  const started = performance.now();
  const g = await grade(labId, readFileSync(file, 'utf8'));
  const ms = Math.round(performance.now() - started);
  const faults = Object.entries(g.bounds.faults)
    .map(([f, n]) => `${f} × ${n}`)
    .join(', ');
  console.log(`${labId}: ${g.verdict.toUpperCase()}${g.invariant ? ` — ${g.invariant} violated, a counterexample in ${g.steps?.length} steps` : ''}`);
  if (g.problem) console.log(`  ${g.problem.stage}: ${g.problem.message}${g.problem.line ? ` (line ${g.problem.line})` : ''}`);
  if (g.thrown) console.log(`  the handler threw: ${g.thrown.message}${g.thrown.line ? ` (line ${g.thrown.line})` : ''}`);
  if (g.steps) console.log(`  steps: ${g.steps.join(' ')}`);
  console.log(
    `  ${g.states} states in ${ms} ms; bounds: ${g.bounds.messages} messages, ${g.bounds.consumers} consumers, ` +
      `faults ${faults}${g.bounds.horizon ? `, horizon ${g.bounds.horizon} ms` : ''}`,
  );
  process.exitCode = g.verdict === 'passed' ? 0 : 1;
}
