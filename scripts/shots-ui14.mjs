#!/usr/bin/env node
/**
 * Screenshots of timers and per-actor fault menus against the built site (dist/). Usage:
 * node scripts/shots-ui14.mjs [outDir]
 */
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../tests/support/static-server.mjs';
import { chromiumFlags } from '../tests/size/measure.mjs';

const out = process.argv[2] ?? '/tmp/shots-ui14';
const root = fileURLToPath(new URL('../dist/', import.meta.url));
const server = await startStaticServer({ root, base: '/' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumFlags });
const settle = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

async function open(path, simId, { width, height, theme = 'light', touch = false, query = '', motion = 'no-preference' }) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch, isMobile: touch, colorScheme: theme, reducedMotion: motion });
  await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}${query}`, { waitUntil: 'networkidle' });
  const sim = page.locator(`#${simId}`);
  await sim.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), `#${simId}`);
  return { context, page, sim };
}
const faultPossible = (sim) => async () => (await sim.locator('.sim-faults .sim-fault__button:not([disabled])').count()) > 0;
const stepUntil = async (sim, cond, max = 60) => {
  for (let i = 0; i < max && !(await cond()); i++) await sim.locator('.sim-bar .sim-primary').click();
};

for (const lang of ['en', 'zh-cn']) {
  for (const theme of process.env.SKIP_ACKS ? [] : ['light', 'dark']) {
    // Acknowledgements: the ack timeout on the broker, the fault menu on the consumer.
    const { context, page, sim } = await open(`${lang}/concepts/acknowledgements/`, 'crash-after-write', { width: 360, height: 740, theme, touch: true });
    // The ⚡ menu is there from the first step; step until its fault can happen (the panel's button is enabled).
    await stepUntil(sim, faultPossible(sim));
    await sim.locator('.sim-lane--consumer .sim-actor-faults__toggle').tap();
    await sim.locator('.sim-lanes').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
    await page.screenshot({ path: `${out}/phone-acks-${lang}-${theme}.png` });
    await context.close();
  }
  // Kafka: crash the consumer, skip to the next timer: the session timeout has drained a little.
  for (const [w, h, q] of [
    [1366, 768, '?present=auto-commit-crash'],
    [360, 740, ''],
  ]) {
    const { context, page, sim } = await open(`${lang}/brokers/kafka/`, 'auto-commit-crash', {
      width: w,
      height: h,
      theme: w > 400 ? 'light' : 'dark',
      touch: w < 400,
      query: q,
    });
    if (q) await page.waitForFunction(() => document.querySelector('#auto-commit-crash')?.classList.contains('sim--presenting'));
    const fault = sim.locator('.sim-faults .sim-fault__button').first();
    await stepUntil(sim, async () => !(await fault.isDisabled()));
    await fault.click();
    const drained = () => sim.locator('.sim-timer__left').evaluateAll((els) => els.some((e) => parseFloat(e.style.inlineSize) < 100));
    for (let i = 0; i < 40 && !(await drained()); i++) await sim.locator('.sim-bar .sim-primary').click();
    if (w < 400) await sim.locator('.sim-lanes').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await settle(page);
    await page.screenshot({ path: `${out}/${w < 400 ? 'phone' : 'projector'}-kafka-${lang}.png` });
    await context.close();
  }
}
// Presenter mode: the fault menu open on the consumer.
for (const lang of ['en', 'zh-cn']) {
  const { context, page, sim } = await open(`${lang}/concepts/acknowledgements/`, 'crash-after-write', {
    width: 1366,
    height: 768,
    theme: 'dark',
    query: '?present=crash-after-write',
  });
  await page.waitForFunction(() => document.querySelector('#crash-after-write')?.classList.contains('sim--presenting'));
  await stepUntil(sim, faultPossible(sim));
  await sim.locator('.sim-lane--consumer .sim-actor-faults__toggle').click();
  await settle(page);
  await page.screenshot({ path: `${out}/projector-acks-menu-${lang}.png` });
  await context.close();
}
// Reduced motion: the same bars, still.
{
  const { context, page, sim } = await open('en/brokers/jetstream/', 'ack-wait', { width: 1366, height: 768, motion: 'reduce' }).catch(() => ({}));
  if (context) {
    await stepUntil(sim, async () => (await sim.locator('.sim-timer').count()) > 0);
    await sim.locator('.sim-lanes').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${out}/desktop-jetstream-reduced.png` });
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
