import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../support/static-server.mjs';
import { builtPages, launchBrowser, watchPage } from './browser';
import { HOOK_TIMEOUT, LONG_TEST_TIMEOUT } from './waits';

/**
 * A project page lives under a sub-path. Build the site with BASE_PATH=/lab, serve it only under
 * /lab/, and follow every internal link and asset: nothing may point outside the base or 404.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
let outDir: string;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'redelivery-lab-base-'));
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test …) into process.env; a build that
  // inherited them would ignore BASE_PATH, so give it the environment a developer's shell would have.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(k)));
  execFileSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: root,
    env: { ...env, BASE_PATH: '/lab', SITE: 'https://example.org' },
    stdio: 'pipe',
  });
  server = await startStaticServer({ root: outDir, base: '/lab/' });
  browser = await launchBrowser();
}, HOOK_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Every URL an HTML file names: links, scripts, styles, images, islands' component and renderer modules. */
function urlsIn(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\b(?:href|src|component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) {
    const raw = m[1]!.replace(/&amp;/g, '&');
    if (/^(?:[a-z]+:|#)/i.test(raw) && !raw.startsWith('http')) continue; // mailto:, data:, fragments
    out.push(new URL(raw, pageUrl).toString());
  }
  return out;
}

describe('BASE_PATH=/lab build', () => {
  it('every page loads under /lab/ and every internal link and asset resolves there', { timeout: LONG_TEST_TIMEOUT }, async () => {
    // Embed pages share one template: check one per address form, so the test stays quick.
    const pages = builtPages(outDir).filter((p) => p !== '404.html' && (!p.includes('embed/') || p.endsWith('embed/manual-ack-crash-after-effect/')));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    // Every page's HTML, read as served: every URL it names is collected.
    const links = new Set<string>();
    for (const path of pages) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      for (const url of urlsIn(await res.text(), server.url + path)) {
        const u = new URL(url);
        // Other hosts are the chapters' sources and the canonical SITE address, not ours to serve.
        if (u.origin === server.origin) links.add(u.origin + u.pathname);
      }
    }
    // And in a browser, the pages that load every kind of island and worker: nothing fails, nothing
    // leaves the base; what they load at run time joins the links checked below.
    // Every broker's chapter (each loads its own island), found in the build: a new broker's included.
    const brokerChapters = pages.filter((p) => /^en\/brokers\/[\w-]+\/$/.test(p) && p !== 'en/brokers/compared/');
    expect(brokerChapters).toEqual(
      expect.arrayContaining(['en/brokers/kafka/', 'en/brokers/rabbitmq/', 'en/brokers/rocketmq/', 'en/brokers/jetstream/', 'en/brokers/pulsar/']),
    );
    for (const path of ['', 'en/concepts/idempotent-consumers/', ...brokerChapters, 'zh-cn/myths/', 'en/embed/manual-ack-crash-after-effect/']) {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      const problems = await watchPage(page, server.url);
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.origin === server.origin) links.add(u.origin + u.pathname);
      });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      if (path === '') await page.waitForURL(`${server.url}en/`); // the root picks a language
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(problems, path).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await context.close();
    }
    const outside = [...links].filter((l) => !l.startsWith(server.url));
    expect(outside).toEqual([]);
    const broken: string[] = [];
    for (const link of links) {
      const res = await fetch(link);
      if (res.status !== 200) broken.push(`${link} → ${res.status}`);
    }
    expect(broken).toEqual([]);
    // Every page is reachable by following links (sidebar, language picker, hero actions).
    // (Embed pages are addresses for other sites' iframes, handed out by "Copy embed code".)
    const unlinked = pages.filter((p) => p !== '' && !p.includes('embed/') && !links.has(server.url + p));
    expect(unlinked).toEqual([]);
  });
});
