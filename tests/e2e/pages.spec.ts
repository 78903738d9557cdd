import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { everyPageIn, pages } from './pages-suite';

const siteUrl = inject('siteUrl');
const browserOf = useBrowser();

describe('every built page', () => {
  it('includes both languages, the chapter and the root', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['', 'en/', 'zh-cn/', 'en/concepts/delivery-guarantees/', 'zh-cn/concepts/delivery-guarantees/']),
    );
  });

  everyPageIn('light', browserOf);
});

describe('every page on a phone', () => {
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
