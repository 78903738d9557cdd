import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

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

/** How long a Playwright action or navigation may wait for its condition (its default, 30 s, is too short on a loaded 2-core machine). */
export const ACTION_WAIT = 120_000;

/** Launches headless Chromium with the flags this closed network needs; every context it opens waits up to `ACTION_WAIT`. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: flags, headless: true });
  const open = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await open(options);
    context.setDefaultTimeout(ACTION_WAIT);
    context.setDefaultNavigationTimeout(ACTION_WAIT);
    return context;
  };
  return browser;
}

/** Every built HTML page as a site-relative path ('', 'en/', 'en/concepts/x/', '404.html'). */
export function builtPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
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
    (url) => !['http:', 'https:'].includes(url.protocol) ? false : url.host !== host,
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
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not running yet');
    return browser;
  };
}
