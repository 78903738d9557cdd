#!/usr/bin/env node
/** Presenter mode on the two-consumer Kafka scenarios (1366x768): screenshots at the duplicate. Usage: node scripts/shots-kafka2.mjs [outDir] */
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../tests/support/static-server.mjs';

const out = process.argv[2] ?? '/tmp/shots-ui14';
const server = await startStaticServer({ root: fileURLToPath(new URL('../dist/', import.meta.url)), base: '/' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const id of (process.env.SIMS ?? 'poll-interval,close-no-revoke').split(',')) {
  for (const lang of ['en', 'zh-cn']) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${server.url}${lang}/brokers/kafka/?present=${id}`, { waitUntil: 'networkidle' });
    await page.waitForFunction((i) => document.getElementById(i)?.classList.contains('sim--presenting'), id);
    const sim = page.locator(`#${id}`);
    const fault = sim.locator('.sim-faults .sim-fault__button').first();
    for (let i = 0; i < 40 && (await fault.isDisabled()); i++) await page.keyboard.press('ArrowRight');
    if (!(await fault.isDisabled())) await fault.click();
    for (let i = 0; i < 80 && (await sim.locator('.sim-badge.is-violated').count()) === 0; i++) {
      const step = sim.locator('.sim-bar .sim-primary');
      if (await step.isDisabled()) break;
      await step.click();
    }
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    const info = await sim.evaluate((el) => ({ scrollTop: el.scrollTop, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
    console.log(id, lang, JSON.stringify(info));
    await page.screenshot({ path: `${out}/projector-kafka2-${id}-${lang}.png` });
    await context.close();
  }
}
await browser.close();
await server.close();
