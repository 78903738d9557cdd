/**
 * What a reader's browser downloads before touching anything, measured in Chromium: load the page,
 * scroll to the bottom in steps (so every `client:visible` island hydrates), then wait until the
 * network is quiet and the page has gone idle with nothing new requested (so imports made at load or
 * in `requestIdleCallback`, such as a search UI, are counted). Every script the browser requested is
 * then sized as the gzip of its file in the built site, so the figure does not depend on the server.
 * Inline scripts in the page count too (gzipped one by one). Nothing here clicks, hovers or types.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** Launch flags for Debian's Chromium on this closed network. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Launches headless Chromium ($CHROMIUM_PATH or /usr/bin/chromium). */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: chromiumFlags, headless: true });
}

/**
 * Every built HTML page under `dist`, as a site-relative path ('', 'en/', 'en/concepts/x/', '404.html')
 * (the size check and the browser tests' every-page suites walk the same list).
 * @param {string} dist
 * @returns {string[]}
 */
export function builtPages(dist) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} dir */
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = relative(dist, full).split('\\').join('/');
        out.push(rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel);
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** The HTML file of a site-relative page path. */
export const htmlFile = (dist, page) => join(dist, page === '' || page.endsWith('/') ? `${page}index.html` : page);

/** How many simulators a built page holds: its simulator islands (each broker's `brokers/<id>.astro` names its island `Simulator`). */
export function simulatorCount(html) {
  let n = 0;
  for (const m of html.matchAll(/<astro-island\b[^>]*\bopts="([^"]*)"/g)) {
    const name = m[1].replaceAll('&quot;', '"').match(/"name":"([^"]+)"/)?.[1] ?? '';
    if (/Simulator(Island)?$/.test(name)) n++;
  }
  return n;
}

/** Gzipped bytes of each inline script in the HTML (JSON data blocks are not scripts). */
export function inlineScriptBytes(html) {
  let bytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const type = m[1].match(/\stype="([^"]*)"/)?.[1];
    if (type && !/module|javascript/.test(type)) continue;
    if (/\ssrc=/.test(m[1]) || !m[2].trim()) continue;
    bytes += gzipSync(m[2], { level: 9 }).length;
  }
  return bytes;
}

/** Gzip sizes of built files, each computed once. */
export function gzipSizer(dist) {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file)) cache.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
    return cache.get(file);
  };
}

/** How long a request may stay unfinished before the settling wait stops waiting for it. */
const STUCK_MS = 30_000;

const isScript = (request) => request.resourceType() === 'script' || /\.m?js$/.test(new URL(request.url()).pathname);

/**
 * Scrolls `page` to its end a screen at a time, as a reader does, waiting at each stop for two painted
 * frames (a `client:visible` island hydrates once the browser has seen it intersect the viewport). The
 * page grows as islands hydrate, so its height is read again at every stop. Resolves to null, or, if
 * the page paints no frame for `stallMs`, to where it stopped: headless Chromium now and then stops
 * painting a page for good (twice seen: a browser test spent its whole budget in an unbounded scroll
 * loop, and a size check ran past 10 min), and a fresh load of the page does not. The size check and
 * the browser tests' every-page checks both walk pages with this.
 * @param {import('playwright-core').Page} page
 * @param {number} stallMs
 * @returns {Promise<string | null>}
 */
export async function scrollThrough(page, stallMs) {
  for (let y = 0; ;) {
    const screen = page.evaluate(async (top) => {
      scrollTo(0, top);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return { height: document.documentElement.scrollHeight, step: Math.max(200, Math.floor(innerHeight * 0.8)) };
    }, y);
    // Given up on, it may still fail later (the page reloaded under it): that is not news.
    screen.catch(() => undefined);
    let timer;
    const seen = await Promise.race([screen, new Promise((resolve) => (timer = setTimeout(resolve, stallMs, null)))]);
    clearTimeout(timer);
    if (!seen) return `no frame painted within ${stallMs / 1000} s of scrolling to y = ${y}`;
    if (y >= seen.height) return null;
    y = Math.min(y + seen.step, seen.height);
  }
}

/**
 * Loads `url` in a fresh context of `browser`, scrolls through it and waits for it to settle.
 * Resolves to the site-relative paths of every script file requested (in order), and any request
 * that left `origin` (which must never happen).
 */
export async function scriptsDownloaded(browser, url, options) {
  const first = await downloads(browser, url, options, false);
  return 'stalled' in first ? downloads(browser, url, options, true) : first;
}

/** One load of `url` for scriptsDownloaded; a page that stops painting is reported, or on the `retried` load thrown. */
async function downloads(browser, url, { origin, base = '/' }, retried) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  const scripts = [];
  const foreign = [];
  /** Requests to this site not yet finished or failed. */
  const pending = new Set();
  let started = 0;
  let quietWaiters = [];
  const finish = (request) => {
    if (!pending.delete(request) || pending.size > 0) return;
    for (const resolve of quietWaiters) resolve();
    quietWaiters = [];
  };
  context.on('request', (request) => {
    const u = new URL(request.url());
    if (!['http:', 'https:'].includes(u.protocol)) return;
    if (u.origin !== origin) {
      foreign.push(request.url());
      return;
    }
    pending.add(request);
    started++;
    if (isScript(request)) {
      const path = decodeURIComponent(u.pathname);
      if (path.startsWith(base)) scripts.push(path.slice(base.length));
      else foreign.push(request.url());
    }
  });
  context.on('requestfinished', finish);
  context.on('requestfailed', finish);
  // Nothing may reach another host; abort it (and report it) rather than let it hang.
  await context.route(
    (u) => ['http:', 'https:'].includes(u.protocol) && u.origin !== origin,
    (route) => route.abort(),
  );
  /**
   * Until no request to the site is in flight. Chromium now and then leaves a request with neither a
   * "finished" nor a "failed" event (one run of the suite hung here for good on a quiet machine), so the
   * wait gives up after STUCK_MS and says which requests it left behind. Scripts count when they are
   * requested, so one left behind is still counted; only what it would have imported could be missed.
   */
  const quiet = async () => {
    if (pending.size === 0) return;
    let timer;
    const gaveUp = new Promise((resolve) => (timer = setTimeout(() => resolve('stuck'), STUCK_MS)));
    const outcome = await Promise.race([new Promise((resolve) => quietWaiters.push(resolve)), gaveUp]);
    clearTimeout(timer);
    if (outcome === 'stuck') {
      process.stderr.write(`size check: ${url}: still waiting for ${[...pending].map((r) => r.url()).join(', ')}; going on\n`);
      pending.clear();
    }
  };
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    // A client-side redirect (the language root) replaces the page: follow it to its own load.
    await page.waitForLoadState('load');
    const stalled = await scrollThrough(page, STUCK_MS);
    if (stalled) {
      if (retried) throw new Error(`${url}: ${stalled}, also on a second load`);
      process.stderr.write(`size check: ${url}: ${stalled}; loading it again\n`);
      return { stalled };
    }
    // Settle: no request in flight, then an idle period in the page, then still nothing new, twice.
    for (let calm = 0; calm < 2;) {
      const before = started;
      await quiet();
      // An idle period in the page (at most STUCK_MS away, so a page that is never idle cannot hang the check).
      await page.evaluate((most) => new Promise((r) => requestIdleCallback(() => r(undefined), { timeout: most })), STUCK_MS);
      await quiet();
      calm = started === before ? calm + 1 : 0;
    }
  } finally {
    await context.close();
  }
  return { scripts: [...new Set(scripts)], foreign };
}

/**
 * Runs `task` on each item with at most `limit` running at once; resolves to the results in order.
 */
export async function mapLimit(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * What decides the scripts a page can load, read from its HTML: its route (the folder above the
 * page), its script and modulepreload URLs, and its islands' components and renderers. Embed pages
 * with the same key run the same code on different scenarios, so one of them stands for the rest.
 */
export function scriptKey(page, html) {
  const urls = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)="([^"]*\.m?js)"/g)) urls.push(m[1]);
  for (const m of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const name of ['component-url', 'renderer-url']) urls.push(m[0].match(new RegExp(`\\s${name}="([^"]*)"`))?.[1] ?? '');
  }
  const route = page.replace(/[^/]+\/?$/, '');
  return `${route} ${[...new Set(urls)].sort().join(' ')}`;
}
