/**
 * `npm run bench:corpus`: every handler of the adversarial corpus graded in every code lab, as the
 * site's Check grades a reader's code. Prints the table (handler × lab → verdict, states, ms) and
 * fails when a verdict differs from the declared one. The unit tests run a rotation of this matrix.
 */
import '../../src/sim';
import { gradeLab } from '../../src/sandbox/grade';
import { labs } from '../../src/sandbox/labs';
import { corpus } from '../unit/corpus/handlers';

const labList = Object.values(labs).sort((a, b) => a.id.localeCompare(b.id));
let total = 0;
let wrong = 0;
console.log(`| handler | ${labList.map((l) => l.id).join(' | ')} |`);
console.log(`| --- | ${labList.map(() => '---').join(' | ')} |`);
for (const e of corpus) {
  const cells = labList.map((lab) => {
    const want = e.expect[lab.id] ?? e.expect.default;
    const started = performance.now();
    const g = gradeLab(lab, e.source, want === 'failed' ? { stopAtFirst: true } : {});
    const ms = performance.now() - started;
    total += ms;
    if (g.verdict !== want) wrong++;
    const why = g.problem ? g.problem.stage : (g.invariant ?? '');
    return `${g.verdict}${why ? ` (${why})` : ''}${g.verdict === want ? '' : ` ≠ ${want}`} ${g.states}/${Math.round(ms)}ms`;
  });
  console.log(`| ${e.id} | ${cells.join(' | ')} |`);
}
console.log(`\n${corpus.length} handlers × ${labList.length} labs in ${(total / 1000).toFixed(1)} s; ${wrong} verdict(s) differ from the declared ones`);
if (wrong > 0) process.exitCode = 1;
