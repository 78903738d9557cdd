#!/usr/bin/env node
/**
 * Screenshots of the simulator's stage against the built site (dist/): a phone (360x740, light and
 * dark) at the moment the duplicate lands after a fault, and a projector (1366x768) in presenter
 * mode, in English and Chinese. Usage: node scripts/shots-stage.mjs [outDir]
 */
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../tests/support/static-server.mjs';

const out = process.argv[2] ?? '/tmp/shots-stage';
const root = fileURLToPath(new URL('../dist/', import.meta.url));
const server = await startStaticServer({ root, base: '/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const SIM = '#crash-after-write';
const words = {
  en: { step: 'Step →', fault: /Crash consumer after the write/ },
  'zh-cn': { step: '下一步 →', fault: /写入之后、ack 之前让消费者崩溃/ },
};

/** Waits until no animation is running, so a token is not caught half-faded. */
const settle = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

async function open(lang, { width, height, theme, touch, query = '' }) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch, isMobile: touch, deviceScaleFactor: 1, colorScheme: theme });
  await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await context.newPage();
  await page.goto(`${server.url}${lang}/concepts/acknowledgements/${query}`, { waitUntil: 'networkidle' });
  const sim = page.locator(SIM);
  await sim.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), SIM);
  return { context, page, sim };
}

for (const lang of ['en', 'zh-cn']) {
  for (const theme of ['light', 'dark']) {
    const { context, page, sim } = await open(lang, { width: 360, height: 740, theme, touch: true });
    await sim.locator('.sim-stage').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const step = sim.locator('.sim-bar .sim-primary');
    const fault = sim.getByRole('button', { name: words[lang].fault });
    while (await fault.isDisabled()) await step.tap();
    await fault.tap();
    while ((await sim.locator('.sim-badge.is-violated').count()) === 0) await step.tap();
    await settle(page);
    await page.screenshot({ path: `${out}/phone-${lang}-${theme}.png` });
    await context.close();
  }
  const { context, page, sim } = await open(lang, { width: 1366, height: 768, theme: 'light', touch: false, query: `?present=crash-after-write` });
  await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('sim--presenting'), SIM);
  const fault = sim.getByRole('button', { name: words[lang].fault });
  while (await fault.isDisabled()) await page.keyboard.press('ArrowRight');
  await fault.click();
  while ((await sim.locator('.sim-badge.is-violated').count()) === 0) await page.keyboard.press('ArrowRight');
  await settle(page);
  await page.screenshot({ path: `${out}/projector-${lang}.png` });
  await context.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
