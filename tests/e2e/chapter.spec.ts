import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';

const siteUrl = inject('siteUrl');
const chapter = (lang: 'en' | 'zh-cn') => `${siteUrl}${lang}/concepts/delivery-guarantees/`;
const browserOf = useBrowser();

async function openChapter(lang: 'en' | 'zh-cn', options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browserOf().newContext(options);
  const page = await context.newPage();
  await page.goto(chapter(lang), { waitUntil: 'networkidle' });
  return page;
}

/** Waits until the ack-placement island has hydrated (Astro removes the `ssr` attribute). */
async function hydrated(page: Page) {
  const island = page.locator('astro-island:has(.ack-demo)').first();
  await island.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => !document.querySelector('.ack-demo')?.closest('astro-island')?.hasAttribute('ssr'));
  return island;
}

const ledger = (page: Page) => page.locator('.ack-demo__charges');

describe('delivery guarantees chapter: ack-placement island', () => {
  it('reads without JavaScript: the first frame shows the duplicate from the opening question', async () => {
    const page = await openChapter('en', { javaScriptEnabled: false });
    await expect.poll(() => ledger(page).textContent()).toBe('order #42 charged 2×');
    expect(await page.getByRole('radio', { name: 'Charge first, then ack (at-least-once)' }).isChecked()).toBe(true);
    await page.context().close();
  });

  it('responds to a click: acking first removes the duplicate, and an earlier crash loses the charge', async () => {
    const page = await openChapter('en');
    await hydrated(page);
    await page.getByRole('radio', { name: 'Ack first, then charge (at-most-once)' }).click();
    expect(await ledger(page).textContent()).toBe('order #42 charged 1×');
    await page.getByRole('radio', { name: 'Just before the charge' }).click();
    expect(await ledger(page).textContent()).toBe('order #42 charged 0×');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'At-most-once' }).textContent()).toContain('The message is lost');
    await page.context().close();
  });

  it('works from the keyboard alone, with a visible focus ring', async () => {
    const page = await openChapter('en');
    await hydrated(page);
    const start = page.getByRole('radio', { name: 'Charge first, then ack (at-least-once)' });
    await start.focus();
    // Reach it again the way a keyboard user would: Shift+Tab away, Tab back.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await start.evaluate((el) => el === document.activeElement)).toBe(true);
    const outline = await start.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('ArrowDown');
    const idempotent = page.getByRole('radio', { name: 'Charge with a unique key, then ack (effectively once)' });
    expect(await idempotent.isChecked()).toBe(true);
    expect(await ledger(page).textContent()).toBe('order #42 charged 1×');
    await expect.poll(() => page.locator('.ack-demo__verdict').textContent()).toContain('Effectively once.');
    await page.context().close();
  });

  it('speaks Chinese on the Chinese page', async () => {
    const page = await openChapter('zh-cn');
    await hydrated(page);
    expect(await ledger(page).textContent()).toBe('订单 #42 扣款 2 次');
    await page.getByRole('radio', { name: '用唯一键幂等扣款，再 ack（效果上精确一次）' }).click();
    expect(await ledger(page).textContent()).toBe('订单 #42 扣款 1 次');
    await page.context().close();
  });
});

describe('language picker', () => {
  it('goes from the English chapter to the same chapter in Chinese and back', async () => {
    const page = await openChapter('en');
    const picker = page.getByRole('combobox', { name: 'Select language' }).locator('visible=true').first();
    await Promise.all([page.waitForURL(chapter('zh-cn')), picker.selectOption({ label: '简体中文' })]);
    expect(await page.locator('h1').first().textContent()).toBe('投递语义');
    const back = page.getByRole('combobox', { name: '选择语言' }).locator('visible=true').first();
    await Promise.all([page.waitForURL(chapter('en')), back.selectOption({ label: 'English' })]);
    expect(await page.locator('h1').first().textContent()).toBe('Delivery guarantees');
    await page.context().close();
  });
});

describe('search', () => {
  for (const [lang, query, title] of [
    ['en', 'guarantees', 'Delivery guarantees'],
    ['zh-cn', '投递语义', '投递语义'],
  ] as const) {
    it(`finds the chapter from a word in it (${lang}: “${query}”)`, async () => {
      const page = await openChapter(lang);
      await page.locator('button[data-open-modal]').locator('visible=true').first().click();
      const input = page.locator('dialog[open] input[type="search"], dialog[open] .pagefind-ui__search-input').first();
      await input.fill(query);
      const result = page.locator('dialog[open] .pagefind-ui__result-link').filter({ hasText: title }).first();
      await result.waitFor();
      expect(await result.getAttribute('href')).toContain(`/${lang}/concepts/delivery-guarantees/`);
      await page.context().close();
    });
  }

  it('works for a reader who opens it before the page has gone idle (the search UI loads on demand)', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    // Hold back idle callbacks until the reader has opened search: the search UI's loader, which
    // Starlight makes at idle time, then finds the dialog already open.
    await page.addInitScript(() => {
      const held: (() => void)[] = [];
      const w = window as unknown as { requestIdleCallback: (cb: () => void) => number; releaseIdle: () => void };
      w.requestIdleCallback = (cb) => (held.push(cb), held.length);
      w.releaseIdle = () => held.splice(0).forEach((cb) => cb());
    });
    await page.goto(chapter('en'), { waitUntil: 'networkidle' });
    await page.locator('button[data-open-modal]').locator('visible=true').first().click();
    expect(await page.locator('dialog[open]').count()).toBe(1);
    await page.evaluate(() => (window as unknown as { releaseIdle: () => void }).releaseIdle());
    await page.locator('dialog[open] .pagefind-ui__search-input').fill('guarantees');
    await page.locator('dialog[open] .pagefind-ui__result-link').filter({ hasText: 'Delivery guarantees' }).first().waitFor();
    await context.close();
  });
});
