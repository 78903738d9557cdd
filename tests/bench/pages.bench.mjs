#!/usr/bin/env node
/**
 * `npm run bench:pages` (after `npm run build`): Lighthouse's mobile performance score (its default
 * emulated phone, simulated slow 4G and 4× CPU slowdown) on one page of each type, against the built
 * site served on localhost with gzip (as a static host serves it), in Debian's Chromium
 * ($CHROMIUM_PATH or /usr/bin/chromium). Prints page, score, LCP, TBT and the JavaScript the page
 * loaded (gzip sizes of its files in dist/, as `npm run test:size` counts them; Lighthouse does not
 * scroll, so islands below the fold are not in it). Exits 1 when a page scores below 95.
 *
 * `-- --page PATH` (repeatable) runs only those pages; `-- --runs N` runs each page N times and reports the median run by score (Lighthouse's scores vary
 * from run to run, and more so on a busy machine); `-- --json FILE` writes the rows as JSON;
 * `-- --reports DIR` keeps each page's full Lighthouse report (the main-thread breakdown says why).
 * A benchmark, not a test: it is not part of `npm test`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startStaticServer } from '../support/static-server.mjs';

const MIN_SCORE = 95;
/** One page of each type. */
const pages = [
  ['home', 'en/'],
  ['concept chapter', 'en/concepts/acknowledgements/'],
  ['Kafka', 'en/brokers/kafka/'],
  ['RabbitMQ', 'en/brokers/rabbitmq/'],
  ['RocketMQ', 'en/brokers/rocketmq/'],
  ['NATS JetStream', 'en/brokers/jetstream/'],
  ['Deduplication', 'en/concepts/deduplication/'],
  ['Myths', 'en/myths/'],
  ['questions', 'en/interview/questions/'],
  ['embed', 'en/embed/manual-ack-crash-after-effect/'],
  ['home (zh-cn)', 'zh-cn/'],
  ['Myths (zh-cn)', 'zh-cn/myths/'],
];

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Math.max(1, Number(option('--runs')) || 1);
const jsonOut = option('--json');
const reportsDir = option('--reports');
const only = args.flatMap((a, i) => (args[i - 1] === '--page' ? [a] : []));
const chosen = only.length ? only.map((path) => pages.find(([, p]) => p === path) ?? [path, path]) : pages;

const root = new URL('../../', import.meta.url);
const dist = fileURLToPath(new URL('dist/', root));
if (!existsSync(`${dist}index.html`)) {
  console.error('dist/ has no built site: run `npm run build` first.');
  process.exit(1);
}
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromePath)) {
  console.error(`Chromium not found at ${chromePath}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}
const cli = fileURLToPath(new URL('node_modules/lighthouse/cli/index.js', root));
const chromeFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** One Lighthouse run (a fresh Chromium, mobile defaults, performance only); resolves to its report. */
function lighthouse(url) {
  const argv = [cli, url, '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet', `--chrome-flags=${chromeFlags.join(' ')}`];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, argv, { env: { ...process.env, CHROME_PATH: chromePath }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`lighthouse ${url} failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

const gzFile = new Map();
/** The gzip size of a URL's file in dist/ (0 for anything not in it). */
function gzOf(url, origin) {
  if (!url.startsWith(origin)) return 0;
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
  if (!gzFile.has(path)) gzFile.set(path, existsSync(`${dist}${path}`) ? gzipSync(readFileSync(`${dist}${path}`), { level: 9 }).length : 0);
  return gzFile.get(path);
}

const server = await startStaticServer({ root: dist, base: '/', gzip: true });
const rows = [];
try {
  for (const [name, path] of chosen) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const report = await lighthouse(`${server.url}${path}`);
      if (reportsDir) writeFileSync(`${reportsDir}/${path.replace(/\W+/g, '-')}${i}.json`, JSON.stringify(report));
      const audit = (id) => report.audits[id];
      const scripts = (audit('network-requests')?.details?.items ?? []).filter((r) => r.resourceType === 'Script');
      results.push({
        name,
        path,
        score: Math.round((report.categories.performance.score ?? 0) * 100),
        lcp: audit('largest-contentful-paint').numericValue,
        tbt: audit('total-blocking-time').numericValue,
        fcp: audit('first-contentful-paint').numericValue,
        cls: audit('cumulative-layout-shift').numericValue,
        jsKb: scripts.reduce((sum, r) => sum + gzOf(r.url, server.origin), 0) / 1024,
        jsFiles: scripts.length,
        benchmarkIndex: report.environment?.benchmarkIndex,
        warnings: report.runWarnings ?? [],
      });
    }
    results.sort((a, b) => a.score - b.score);
    const row = results[Math.floor((results.length - 1) / 2)];
    rows.push(row);
    console.error(`${name}: ${row.score}`);
  }
} finally {
  await server.close();
}

const pad = (s, n) => String(s).padStart(n);
console.log(
  `Lighthouse ${JSON.parse(readFileSync(new URL('node_modules/lighthouse/package.json', root), 'utf8')).version}, ` +
    `mobile, performance${runs > 1 ? ` (median of ${runs} runs)` : ''}`,
);
console.log(
  `${'page'.padEnd(16)}${'path'.padEnd(42)}${pad('score', 6)}${pad('LCP s', 7)}${pad('TBT ms', 8)}` +
    `${pad('FCP s', 7)}${pad('CLS', 6)}${pad('JS KB gz', 10)}${pad('files', 6)}`,
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(16)}${r.path.padEnd(42)}${pad(r.score, 6)}${pad((r.lcp / 1000).toFixed(2), 7)}${pad(Math.round(r.tbt), 8)}` +
      `${pad((r.fcp / 1000).toFixed(2), 7)}${pad(r.cls.toFixed(3), 6)}${pad(r.jsKb.toFixed(1), 10)}${pad(r.jsFiles, 6)}`,
  );
}
const index = rows.map((r) => r.benchmarkIndex).filter(Boolean);
if (index.length) console.log(`CPU benchmark index (Lighthouse's own): ${Math.min(...index)}–${Math.max(...index)}`);
for (const w of new Set(rows.flatMap((r) => r.warnings))) console.log(`warning: ${w}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
const low = rows.filter((r) => r.score < MIN_SCORE);
console.log(low.length ? `below ${MIN_SCORE}: ${low.map((r) => `${r.name} (${r.score})`).join(', ')}` : `every page scores ${MIN_SCORE} or more`);
process.exit(low.length ? 1 : 0);
