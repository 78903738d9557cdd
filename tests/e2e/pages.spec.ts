import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';
import { everyPage, isChinese, pages } from './pages-suite';

const siteUrl = inject('siteUrl');
const browserOf = useBrowser();

describe('every built page', () => {
  it('includes both languages, the chapter and the root', () => {
    expect(pages).toEqual(
      expect.arrayContaining(['', 'en/', 'zh-cn/', 'en/concepts/delivery-guarantees/', 'zh-cn/concepts/delivery-guarantees/']),
    );
  });

  // The root page only redirects; it is checked in its own test below.
  everyPage(pages.filter((p) => p !== '' && !isChinese(p)), ['light', 'dark'], browserOf);
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
