import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { builtPages, useBrowser, useTheme, watchPage } from './browser';

const siteUrl = inject('siteUrl');
// Every page, except that the embed route (one page per scenario and language, all the same
// template) is represented by one scenario per language, to keep the suite fast.
const pages = builtPages(fileURLToPath(new URL('../../dist/', import.meta.url))).filter(
  (p) => !p.includes('/embed/') || p.endsWith('/embed/manual-ack-crash-after-effect/'),
);
const browserOf = useBrowser();

describe('every built page', () => {
  it('includes both languages, the chapter and the root', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['', 'en/', 'zh-cn/', 'en/concepts/delivery-guarantees/', 'zh-cn/concepts/delivery-guarantees/']),
    );
  });

  for (const theme of ['light', 'dark'] as const) {
    // The root page only redirects; it is checked in its own test below.
    for (const path of pages.filter((p) => p !== '')) {
      it(`${path} (${theme}): loads cleanly, stays on localhost, has no serious axe violation`, async () => {
        const context = await browserOf().newContext();
        const page = await context.newPage();
        await useTheme(page, theme);
        const problems = await watchPage(page, siteUrl);
        await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
        // Scroll to the end so every client:visible island hydrates before we judge the page.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);

        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        expect(serious).toEqual([]);
        expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
        await context.close();
      });
    }
  }

  for (const path of pages.filter((p) => p !== '' && p !== '404.html')) {
    it(`${path} fits a 360 px wide phone without sideways scrolling`, async () => {
      const context = await browserOf().newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await context.close();
    });
  }
});

describe('the site root', () => {
  for (const [locale, expected] of [
    ['zh-CN', 'zh-cn/'],
    ['en-GB', 'en/'],
    ['fr-FR', 'en/'],
  ] as const) {
    it(`sends a reader whose browser prefers ${locale} to /${expected}`, async () => {
      const context = await browserOf().newContext({ locale });
      const page = await context.newPage();
      await page.goto(siteUrl);
      await page.waitForURL(siteUrl + expected);
      await context.close();
    });
  }

  it('without JavaScript still offers both languages and falls back to English', async () => {
    const context = await browserOf().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(siteUrl);
    await page.waitForURL(siteUrl + 'en/');
    await context.close();
  });
});
