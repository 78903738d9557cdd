import { existsSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { FRAME_WAIT, HOOK_TIMEOUT, NAVIGATION_WAIT, WAIT } from './waits';
// One list of launch flags and one page walk serve the browser tests and the size check.
import { chromiumFlags, scrollThrough } from '../size/measure.mjs';

/** The Chromium binary: $CHROMIUM_PATH or Debian's /usr/bin/chromium. Throws how to install it. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The browser tests drive Debian's Chromium: ` +
        'install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  }
  return path;
}

/** Gives a context the suite's waits (waits.ts) instead of Playwright's 30 s defaults. */
export function withWaits(context: BrowserContext): BrowserContext {
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(NAVIGATION_WAIT);
  return context;
}

/**
 * Launches headless Chromium with the flags this closed network needs. Every context it makes waits
 * as long as waits.ts says (actions, `waitFor*`, locators and navigations alike).
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumFlags, headless: true, timeout: HOOK_TIMEOUT });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => withWaits(await newContext(options));
  return browser;
}

/**
 * axe's serious and critical violations on the page (or inside `include`), one line each. axe runs
 * in the page itself (legacy mode) and reports only violations: the default mode runs the rules in
 * every frame, then ships every node's partial result to a second, blank page to finish the run, and
 * builds a CSS selector for every passing node. On a long chapter that is three to five times as
 * slow, for the same violations (the site has no cross-origin frames, the one thing only that mode
 * reaches; same-origin frames are still checked).
 */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/**
 * Opens `url` in a fresh context and scrolls through it a screen at a time, as a reader does, until
 * every island has hydrated (Astro removes an island's `ssr` attribute when it does). Jumping
 * straight to the end hydrates none of the `client:visible` islands in between: they never intersect
 * the viewport, and a check would judge their server HTML, not what a reader gets.
 *
 * A page that stops painting (see scrollThrough) is left with its context, with a warning in the
 * log, and loaded once more in a new one: its renderer is stuck, and a reload of the same page can
 * hang as long as the navigation limit (it once did, failing a page that passes in 3 s). If the
 * second load stalls too, the test fails and says where. `prepare` runs on each new page before it
 * loads (a theme, a problem watcher) and its result comes back with the page that was used.
 */
export async function openHydrated<T>(
  browser: Browser,
  url: string,
  options: Parameters<Browser['newContext']>[0],
  prepare: (page: Page) => Promise<T>,
): Promise<{ context: BrowserContext; page: Page; prepared: T }> {
  for (let attempt = 1; ; attempt++) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const prepared = await prepare(page);
    await page.goto(url, { waitUntil: 'networkidle' });
    const stalled = await scrollThrough(page, FRAME_WAIT);
    if (!stalled) {
      await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
      await page.waitForLoadState('networkidle');
      return { context, page, prepared };
    }
    if (attempt === 2) throw new Error(`${url}: ${stalled}, also in a second, fresh context`);
    console.warn(`${url}: ${stalled}; loading it again in a fresh context`);
    // Closing a context whose renderer is stuck may itself wait: it is not waited for long.
    void Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, FRAME_WAIT))]).catch(() => undefined);
  }
}

export { builtPages } from '../size/measure.mjs';

/** What a page did that a reader would call broken. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  foreignRequests: string[];
}

/**
 * Watches a page for console errors, failed or 4xx/5xx requests, and any request that leaves the
 * test server's host. Foreign requests are aborted so nothing reaches the network.
 */
export async function watchPage(page: Page, siteUrl: string): Promise<PageProblems> {
  const host = new URL(siteUrl).host;
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? '';
    // ERR_ABORTED is a load the page itself cancelled (a redirect, a navigation), not a broken file;
    // a missing file shows up as a 4xx response below.
    if (new URL(req.url()).host === host && !error.includes('ERR_ABORTED')) {
      problems.failedRequests.push(`${req.url()} (${error})`);
    }
  });
  page.on('response', (res) => {
    const expected404 = res.url().endsWith('/404.html') || res.url().includes('/__missing__');
    if (res.status() >= 400 && !expected404) problems.failedRequests.push(`${res.url()} (${res.status()})`);
  });
  await page.route(
    (url) => (!['http:', 'https:'].includes(url.protocol) ? false : url.host !== host),
    (route) => {
      problems.foreignRequests.push(route.request().url());
      return route.abort();
    },
  );
  return problems;
}

/** Sets Starlight's stored theme before any page script runs. */
export async function useTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await page.emulateMedia({ colorScheme: theme });
}

/**
 * One Chromium for the spec file that calls this: launched before its tests, closed after.
 * Returns a getter, since the browser exists only once the tests run.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running yet');
    return browser;
  };
}
