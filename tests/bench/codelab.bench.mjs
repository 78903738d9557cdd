#!/usr/bin/env node
/**
 * `npm run bench:lab` (after `npm run build`): the code lab in Chromium, as a reader meets it.
 * Per lab: bytes downloaded when the editor opens (gzip), time from the click to an editable editor,
 * and the time Check takes in the sandbox worker (starter and solution). Prints a table.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../support/static-server.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const server = await startStaticServer({ root: dist, base: '/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
/** The pages with code labs: the concept chapter's three, then one per broker chapter. */
const chapters = ['en/concepts/idempotent-consumers/', 'en/brokers/kafka/', 'en/brokers/rabbitmq/', 'en/brokers/rocketmq/'];

const gzSize = async (url) => {
  const path = new URL(url).pathname.replace(/^\//, '');
  try {
    return gzipSync(await readFile(new URL(path, `file://${dist}`))).length;
  } catch {
    return 0;
  }
};

const rows = [];
for (const chapter of chapters) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] })).newPage();
  page.on('dialog', (d) => void d.accept());
  const loaded = [];
  page.on('response', (r) => loaded.push(r.url()));
  await page.goto(`${server.url}${chapter}`, { waitUntil: 'networkidle' });
  for (const section of await page.locator('section.lab').all()) {
    const name = await section.getAttribute('aria-label');
    await section.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => !el.closest('astro-island').hasAttribute('ssr'), await section.elementHandle());
    const checkTime = async () => {
      const t0 = performance.now();
      await section.getByRole('button', { name: '✓ Check every schedule' }).click();
      await page.waitForFunction((el) => /Passed|Broken|Not proven/.test(el.querySelector('.lab-status')?.textContent ?? ''), await section.elementHandle(), {
        timeout: 120_000,
      });
      return performance.now() - t0;
    };
    const starterMs = await checkTime();
    const before = loaded.length;
    const t0 = performance.now();
    await section.getByRole('button', { name: 'Open the editor' }).click();
    await section.locator('.lab-monaco .view-lines').waitFor({ timeout: 60_000 });
    const editableMs = performance.now() - t0;
    // The TypeScript worker starts after the editor shows; give it time to arrive before counting.
    await section.locator('.lab-monaco').click();
    await page.waitForTimeout(2500);
    await page.waitForLoadState('networkidle');
    const urls = [...new Set(loaded.slice(before))].filter((u) => u.startsWith(server.origin));
    const bytes = (await Promise.all(urls.map(gzSize))).reduce((a, b) => a + b, 0);
    await section.getByRole('button', { name: 'Show solution' }).click();
    const solutionMs = await checkTime();
    rows.push({ name, files: urls.length, kb: bytes / 1024, editableMs, starterMs, solutionMs });
  }
  await page.context().close();
}
await browser.close();
await server.close();

console.log('code lab in Chromium (localhost)');
console.log(
  `${'lab'.padEnd(52)}${'files'.padStart(6)}${'gz KB'.padStart(9)}${'editable ms'.padStart(13)}` +
    `${'check starter ms'.padStart(18)}${'check solution ms'.padStart(19)}`,
);
for (const r of rows) {
  console.log(
    `${r.name.padEnd(52)}${String(r.files).padStart(6)}${r.kb.toFixed(0).padStart(9)}${r.editableMs.toFixed(0).padStart(13)}` +
      `${r.starterMs.toFixed(0).padStart(18)}${r.solutionMs.toFixed(0).padStart(19)}`,
  );
}
console.log('(editor files load once per page: after the first lab on a page, opening another downloads nothing new)');
