#!/usr/bin/env node
/**
 * How many taps a reader needs, from page load, to see the first duplicate they caused themselves,
 * on each chapter's first simulator (en and zh-cn), against the built site (dist/). A tap is one press
 * of Step, of a fault button, or of Play. Usage (after `npm run build`):
 *
 *   node_modules/.bin/node scripts/taps.mjs [outDir]     # screenshots into outDir (/tmp/shots-taps)
 *
 * For each page it searches: the run with no fault (Play is one tap, if the duplicate comes by itself),
 * then, for each fault button, step until that button is enabled, press it, and step until the ledger
 * shows a duplicate (a charge counted twice, or the "No duplicate" badge broken) or 60 steps pass.
 * "taps" counts the fewest: the steps before the fault, the fault, then one Play (the run goes on to the
 * end and a count of 2 stays); "steps only" is the same with Step presses instead of Play. Then it
 * replays the best route and screenshots the stage at the first duplicate: a phone (360×740, light and
 * dark) and a projector (1366×768, `?present=<id>`). A script for the closing note, not a test.
 */
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { startStaticServer } from '../tests/support/static-server.mjs';

const out = process.argv[2] ?? '/tmp/shots-taps';
const only = process.env.TAPS_ONLY; // e.g. "brokers/rabbitmq" to run one chapter
const shots = process.env.TAPS_SHOTS !== '0';
const MAX = 60;
mkdirSync(out, { recursive: true });
const root = fileURLToPath(new URL('../dist/', import.meta.url));
const words = {
  en: JSON.parse(readFileSync(new URL('../content/i18n/en.json', import.meta.url), 'utf8'))['sim.inv.noDuplicateSideEffect'],
  'zh-cn': JSON.parse(readFileSync(new URL('../content/i18n/zh-CN.json', import.meta.url), 'utf8'))['sim.inv.noDuplicateSideEffect'],
};

/** Chapter pages with a simulator, and the id of the first one on each. */
function pages(lang) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'embed') walk(path);
      } else if (name === 'index.html') {
        const id = readFileSync(path, 'utf8').match(/<section[^>]*?\bid="([^"]+)"[^>]*?class="sim not-content/)?.[1];
        const page = relative(root, dir).replace(/\\/g, '/') + '/';
        if (id && (!only || page.includes(only))) found.push({ page, id });
      }
    }
  };
  walk(join(root, lang));
  return found.sort((a, b) => a.page.localeCompare(b.page));
}

const server = await startStaticServer({ root, base: '/' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});

async function open(page, id, { width = 1366, height = 768, theme = 'light', touch = false, query = '' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch, isMobile: touch, colorScheme: theme, reducedMotion: 'reduce' });
  await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const tab = await context.newPage();
  await tab.goto(`${server.url}${page}${query}`, { waitUntil: 'networkidle' });
  const sim = tab.locator(`#${id}`);
  await sim.scrollIntoViewIfNeeded();
  await tab.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), `#${id}`);
  return { context, tab, sim };
}

/** The run's position ("Step 3"), to wait on after a press. */
const position = (sim) => sim.locator('.sim-position').evaluate((el) => el.firstChild?.textContent ?? el.textContent);
/** Whether the ledger shows a duplicate, or the "No duplicate" badge is broken. */
const duplicate = (sim, lang) =>
  sim.evaluate(
    (el, name) =>
      !!el.querySelector('.sim-ledger tr[data-status="duplicate"]') ||
      [...el.querySelectorAll('.sim-badge.is-violated')].some((b) => b.textContent.includes(name)),
    words[lang],
  );
/** Presses Step once and waits for the position to move; false at the end of the run. */
async function step(sim) {
  const button = sim.locator('.sim-bar .sim-primary');
  if (await button.isDisabled()) return false;
  const before = await position(sim);
  await button.click();
  await sim
    .page()
    .waitForFunction(
      ([sel, was]) => document.querySelector(`${sel} .sim-position`)?.firstChild?.textContent !== was,
      [`#${await sim.getAttribute('id')}`, before],
    );
  return true;
}
async function reset(sim) {
  await sim.locator('button', { hasText: '↺' }).click();
  await sim
    .page()
    .waitForFunction((sel) => /\b0\b/.test(document.querySelector(`${sel} .sim-position`)?.firstChild?.textContent ?? ''), `#${await sim.getAttribute('id')}`);
}
/** Steps until a duplicate (or the end, or MAX steps): how many steps, and whether it came. */
async function stepToDuplicate(sim, lang) {
  for (let m = 0; m <= MAX; m++) {
    if (await duplicate(sim, lang)) return { m, dup: true };
    if (m === MAX || !(await step(sim))) return { m, dup: false };
  }
  return { m: MAX, dup: false };
}

/** The fewest taps to the first duplicate on one simulator, and the route that gets there. */
async function search(sim, lang) {
  const routes = [];
  const none = await stepToDuplicate(sim, lang);
  if (none.dup) routes.push({ fault: null, k: 0, m: none.m, taps: Math.min(1, none.m), stepsOnly: none.m });
  const buttons = sim.locator('.sim-faults .sim-fault__button');
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    await reset(sim);
    const button = buttons.nth(i);
    const label = (await button.textContent()).replace('⚡', '').trim();
    let k = 0;
    while ((await button.isDisabled()) && k < MAX && (await step(sim))) k++;
    if (await button.isDisabled()) continue;
    const before = await position(sim);
    await button.click();
    await sim
      .page()
      .waitForFunction(
        ([sel, was]) => document.querySelector(`${sel} .sim-position`)?.firstChild?.textContent !== was,
        [`#${await sim.getAttribute('id')}`, before],
      );
    const after = await stepToDuplicate(sim, lang);
    if (after.dup) routes.push({ fault: label, index: i, k, m: after.m, taps: k + 1 + Math.min(1, after.m), stepsOnly: k + 1 + after.m });
  }
  routes.sort((a, b) => a.taps - b.taps || a.stepsOnly - b.stepsOnly);
  return { best: routes[0] ?? null, faults: count };
}

/** Replays a route with Step presses, stopping at the first duplicate. */
async function replay(sim, lang, route) {
  if (route.fault !== null) {
    const button = sim.locator('.sim-faults .sim-fault__button').nth(route.index);
    for (let k = 0; k < route.k; k++) await step(sim);
    const before = await position(sim);
    await button.click();
    await sim
      .page()
      .waitForFunction(
        ([sel, was]) => document.querySelector(`${sel} .sim-position`)?.firstChild?.textContent !== was,
        [`#${await sim.getAttribute('id')}`, before],
      );
  }
  await stepToDuplicate(sim, lang);
}

const rows = [];
for (const lang of ['en', 'zh-cn']) {
  for (const { page, id } of pages(lang)) {
    const { context, sim } = await open(page, id);
    const { best, faults } = await search(sim, lang);
    await context.close();
    rows.push({
      page,
      id,
      faults,
      taps: best ? best.taps : '—',
      stepsOnly: best ? best.stepsOnly : '—',
      route: best ? (best.fault ? `${best.k} × Step, ⚡ ${best.fault}, ▶` : best.m === 0 ? 'at load' : '▶') : 'no duplicate within 60 steps',
      dup: !!best,
    });
    console.error(`${page} #${id}: ${best ? `${best.taps} taps` : 'no duplicate'}`);
    if (!best || !shots) continue;
    const name = page.replace(/\/$/, '').replace(/\//g, '_');
    for (const [w, h, theme, query] of [
      [360, 740, 'light', ''],
      [360, 740, 'dark', ''],
      [1366, 768, 'light', `?present=${id}`],
    ]) {
      const phone = w < 400;
      const s = await open(page, id, { width: w, height: h, theme, touch: phone, query });
      if (query) await s.tab.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('sim--presenting'), `#${id}`);
      await replay(s.sim, lang, best);
      if (phone) await s.sim.locator('.sim-stage').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await s.tab.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await s.tab.screenshot({ path: `${out}/${name}-${phone ? `phone-${theme}` : 'projector'}.png` });
      await s.context.close();
    }
  }
}
await browser.close();
await server.close();

const head = ['page', 'simulator', 'faults', 'taps', 'steps only', 'duplicate', 'route'];
const table = [head, head.map(() => '---'), ...rows.map((r) => [r.page, r.id, r.faults, r.taps, r.stepsOnly, r.dup ? 'yes' : 'no', r.route])];
console.log(table.map((r) => `| ${r.join(' | ')} |`).join('\n'));
