import { describe, expect, inject, it } from 'vitest';
import { allScenarios, protocols } from '../../src/sim';
import { seriousViolations, useBrowser } from './browser';
import { everyPage, isChinese, pages } from './pages-suite';

const siteUrl = inject('siteUrl');
const browserOf = useBrowser();

describe('every built page', () => {
  it('includes both languages, the chapter and the root', () => {
    expect(pages).toEqual(expect.arrayContaining(['', 'en/', 'zh-cn/', 'en/concepts/delivery-guarantees/', 'zh-cn/concepts/delivery-guarantees/']));
  });

  it('includes one embed page per broker (a new broker’s too), and the generic queue’s in both address forms', () => {
    const embeds = pages.filter((p) => p.includes('embed/'));
    const brokers = Object.keys(protocols).filter((p) => p !== 'ack');
    const ids = embeds.filter((p) => p.startsWith('en/embed/') && !p.endsWith('manual-ack-crash-after-effect/')).map((p) => p.split('/')[2]!);
    expect(ids.map((id) => allScenarios.find((s) => s.id === id)?.protocol).sort()).toEqual(brokers.sort());
    expect(brokers).toEqual(expect.arrayContaining(['jetstream', 'kafka', 'pulsar', 'rabbitmq', 'rocketmq']));
    expect(embeds.filter((p) => p.endsWith('embed/manual-ack-crash-after-effect/')).length).toBeGreaterThanOrEqual(2);
  });

  it('the axe check itself finds a violation when there is one (low contrast, an image without alt)', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}404.html`, { waitUntil: 'networkidle' });
    await page.evaluate(() => {
      const bad = document.createElement('div');
      bad.innerHTML = '<p style="color:#777;background:#888">barely readable</p><img src="/favicon.svg">';
      document.querySelector('main')!.append(bad);
    });
    const found = await seriousViolations(page);
    expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['color-contrast', 'image-alt']));
    await context.close();
  });

  // The root page only redirects; it is checked in its own test below.
  everyPage(
    pages.filter((p) => p !== '' && !isChinese(p)),
    ['light', 'dark'],
    browserOf,
  );
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
