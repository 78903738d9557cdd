#!/usr/bin/env node
/**
 * Size budget: for every built page, the JavaScript a reader downloads before touching anything —
 * module scripts, inline scripts, modulepreloads, every hydrated island (client:visible counts, since
 * scrolling hydrates it) and everything those modules import statically — must stay within the budget,
 * measured gzipped. Dynamic imports (search, editors) load on interaction and are not counted.
 * Prints a table; exits 1 when a page is over budget.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET = 80 * 1024;
const dist = resolve(fileURLToPath(new URL('../../dist/', import.meta.url)));
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ has no built site: run `npm run build` first.');
  process.exit(1);
}
const base = (process.env.BASE_PATH ?? '').replace(/^\/*|\/*$/g, '');
const basePrefix = base ? `/${base}/` : '/';

/** All HTML files under dist. */
function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

/** Maps a URL in a page (absolute path or relative) to a file in dist. */
function toFile(url, fromFile) {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) throw new Error(`external script ${url} in ${fromFile}`);
  const path = url.split(/[?#]/)[0];
  if (path.startsWith('/')) return join(dist, path.startsWith(basePrefix) ? path.slice(basePrefix.length) : path);
  return resolve(dirname(fromFile), path);
}

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]?.replaceAll('&amp;', '&');
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Static imports of an ES module (minified or not); `import(` calls are dynamic and skipped. */
function staticImports(code) {
  const out = [];
  const re = /(?:^|[;}\n\s])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

const rows = [];
let failed = false;
for (const file of htmlFiles(dist).sort()) {
  const html = readFileSync(file, 'utf8');
  const entry = new Set();
  let inlineBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const [tag, attrs, body] = [`<script${m[1]}>`, m[1], m[2]];
    const type = attr(tag, 'type');
    if (type && !/module|javascript/.test(type)) continue; // JSON data and similar
    const src = attr(tag, 'src');
    if (src) entry.add(toFile(src, file));
    else if (body.trim()) inlineBytes += gz(Buffer.from(body));
    void attrs;
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    if (attr(m[0], 'rel') === 'modulepreload') entry.add(toFile(attr(m[0], 'href'), file));
  }
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attr(m[0], name);
      if (url) entry.add(toFile(url, file));
    }
  }
  // Follow static imports transitively.
  const seen = new Set();
  const queue = [...entry];
  while (queue.length) {
    const js = queue.pop();
    if (seen.has(js)) continue;
    if (!existsSync(js)) throw new Error(`${relative(dist, file)} loads ${relative(dist, js)}, which is not in dist/`);
    seen.add(js);
    for (const spec of staticImports(readFileSync(js, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(toFile(spec, js));
    }
  }
  let bytes = inlineBytes;
  for (const js of seen) bytes += gz(readFileSync(js));
  const over = bytes > BUDGET;
  failed ||= over;
  rows.push({ page: '/' + relative(dist, file).replace(/index\.html$/, ''), files: seen.size, inline: inlineBytes, total: bytes, over });
}

const kb = (n) => (n / 1024).toFixed(1);
const width = Math.max(...rows.map((r) => r.page.length), 4);
console.log(`JavaScript before interaction (gzip), budget ${kb(BUDGET)} KB per page`);
console.log(`${'page'.padEnd(width)}  files  inline KB  total KB  status`);
for (const r of rows) {
  console.log(
    `${r.page.padEnd(width)}  ${String(r.files).padStart(5)}  ${kb(r.inline).padStart(9)}  ${kb(r.total).padStart(8)}  ${r.over ? 'OVER BUDGET' : 'ok'}`,
  );
}
const passed = rows.filter((r) => !r.over).length;
console.log(`size: ${passed} passed, ${rows.length - passed} failed`);
process.exit(failed ? 1 : 0);
