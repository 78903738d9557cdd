#!/usr/bin/env node
/**
 * `npm run test:size` (after `npm run build`): the JavaScript a reader's browser downloads before
 * touching anything, measured in Chromium on every built page (tests/size/measure.mjs): the page
 * loads, scrolls to the bottom in steps so every `client:visible` island hydrates, and settles until
 * the network is quiet and the page idle, so imports made at load or idle time count too. Each script
 * file the browser requested counts as the gzip (level 9) of its file in dist/.
 *
 * Budgets (DESIGN.md): 80 KB gz on every page; 70 KB on a page with three or more simulators.
 * Prints a table (inline scripts in the HTML are shown beside it, not counted: they are not files
 * the browser downloads); exits 1, naming each page over budget and its biggest files.
 *
 * It first checks itself on tests/size/fixture/: a script loaded at start, one imported at idle time
 * and one imported when the bottom of the page scrolls into view must be counted, one imported on a
 * click must not, and the fixture must fail a 100-byte budget.
 * The embed pages (one per scenario and language, over half the site) differ only in the scenario
 * their one island is given: one page per route and set of scripts and islands is loaded for them
 * (scriptKey in measure.mjs), and stands for the others; `SIZE_ALL=1` loads every one.
 * `SIZE_PARALLEL` sets how many pages load at once (default 2); `BASE_PATH` as for the build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../support/static-server.mjs';
import { builtPages, gzipSizer, htmlFile, inlineScriptBytes, launch, mapLimit, scriptKey, scriptsDownloaded, simulatorCount } from './measure.mjs';

const KB = 1024;
/** The budget for a page with `simulators` simulators, in bytes. */
export const budgetFor = (simulators) => (simulators >= 3 ? 70 : 80) * KB;

const started = performance.now();
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(htmlFile(dist, ''))) {
  console.error('dist/ has no built site: run `npm run build` first.');
  process.exit(1);
}
const base = `/${(process.env.BASE_PATH ?? '').replace(/^\/*|\/*$/g, '')}/`.replace('//', '/');
const parallel = Math.max(1, Number(process.env.SIZE_PARALLEL) || 2);
const kb = (n) => (n / KB).toFixed(1);

/** Measures one page: its scripts, their gzip sizes, the total, and the verdict against `budget`. */
async function measure(browser, server, root, page, budget) {
  const { scripts, foreign } = await scriptsDownloaded(browser, `${server.url}${page}`, { origin: server.origin, base });
  const size = gzipSizer(root);
  const files = scripts.map((file) => {
    if (!existsSync(`${root}${file}`)) throw new Error(`/${page} loaded ${base}${file}, which is not in the built site`);
    return { file, bytes: size(file) };
  });
  const total = files.reduce((sum, f) => sum + f.bytes, 0);
  return { page: `/${page}`, files, total, budget, foreign, over: total > budget || foreign.length > 0 };
}

const browser = await launch();
let failed = false;
try {
  // 1. The check checks itself on a fixture page.
  const fixtureRoot = fileURLToPath(new URL('./fixture/', import.meta.url));
  const fixtureServer = await startStaticServer({ root: fixtureRoot, base });
  try {
    const fixture = await measure(browser, fixtureServer, fixtureRoot, '', 100);
    const names = fixture.files
      .map((f) => f.file)
      .sort()
      .join(', ');
    const want = 'below.js, boot.js, idle.js';
    if (names !== want || !fixture.over) {
      console.error(
        `The size check's own test failed on tests/size/fixture/: counted [${names}], want [${want}]; over a 100-byte budget: ${fixture.over} (want true).`,
      );
      process.exit(1);
    }
  } finally {
    await fixtureServer.close();
  }

  // 2. Every built page (embed pages: one for each route and set of scripts).
  const pages = [];
  const standIns = new Map();
  let skipped = 0;
  for (const page of builtPages(dist)) {
    if (process.env.SIZE_ALL !== '1' && /(^|\/)embed\//.test(page)) {
      const key = scriptKey(page, readFileSync(htmlFile(dist, page), 'utf8'));
      if (standIns.has(key)) {
        skipped++;
        continue;
      }
      standIns.set(key, page);
    }
    pages.push(page);
  }
  const server = await startStaticServer({ root: dist, base });
  let rows;
  try {
    rows = await mapLimit(pages, parallel, async (page) => {
      const html = readFileSync(htmlFile(dist, page), 'utf8');
      const simulators = simulatorCount(html);
      const row = await measure(browser, server, dist, page, budgetFor(simulators));
      return { ...row, simulators, inline: inlineScriptBytes(html) };
    });
  } finally {
    await server.close();
  }

  const width = Math.max(...rows.map((r) => r.page.length), 4);
  console.log('JavaScript downloaded before any interaction (load, scroll to the bottom, idle), gzip');
  console.log(`${'page'.padEnd(width)}  sims  files  total KB  budget  inline KB  status`);
  for (const r of rows) {
    console.log(
      `${r.page.padEnd(width)}  ${String(r.simulators).padStart(4)}  ${String(r.files.length).padStart(5)}  ${kb(r.total).padStart(8)}  ` +
        `${kb(r.budget).padStart(6)}  ${kb(r.inline).padStart(9)}  ${r.over ? 'OVER BUDGET' : 'ok'}`,
    );
  }
  const over = rows.filter((r) => r.over);
  for (const r of over) {
    console.log(`\n${r.page} (${r.simulators} simulators): ${kb(r.total)} KB > ${kb(r.budget)} KB. Biggest files:`);
    for (const f of [...r.files].sort((a, b) => b.bytes - a.bytes).slice(0, 6)) console.log(`  ${kb(f.bytes).padStart(6)} KB  ${f.file}`);
    for (const url of r.foreign) console.log(`  requested from another host: ${url}`);
  }
  const biggest = [...rows].sort((a, b) => b.total - a.total).slice(0, 5);
  console.log(`\nbiggest: ${biggest.map((r) => `${r.page} ${kb(r.total)}`).join(', ')}`);
  if (skipped) console.log(`(${skipped} more embed pages share their scripts and islands with one measured above; SIZE_ALL=1 loads them too)`);
  console.log(
    `size: ${rows.length - over.length} passed, ${over.length} failed ` +
      `(${rows.length} pages loaded, ${parallel} at a time, ${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  failed = over.length > 0;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
