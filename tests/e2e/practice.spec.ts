import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import en from '../../content/i18n/en.json';
import zh from '../../content/i18n/zh-CN.json';
import { questions } from '../../content/interview/questions';
import { bankSections } from '../../src/interview/bank';
import { pickRun } from '../../src/interview/mock';
import { seriousViolations, useBrowser, useTheme } from './browser';

/**
 * Practising with the question bank (filters in the URL, practice mode, marks, anchors) and the mock
 * interview: by keyboard, in both languages, across reloads, with storage that refuses to save.
 */
const siteUrl = inject('siteUrl');
const browserOf = useBrowser();
const strings = { en, 'zh-cn': zh } as const;
type Lang = keyof typeof strings;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));
const bankUrl = (lang: Lang, rest = '') => `${siteUrl}${lang}/interview/questions/${rest}`;
const mockUrl = (lang: Lang, rest = '') => `${siteUrl}${lang}/interview/mock-interview/${rest}`;
/** Questions in page order (grouped by topic). */
const pageOrder = bankSections(questions).flatMap((s) => s.questions);

async function openBank(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => customElements.get('question-bank') !== undefined);
}

async function openMock(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => {
    const island = document.querySelector('.mock')?.closest('astro-island');
    return island !== null && island !== undefined && !island.hasAttribute('ssr');
  });
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
const focusRing = (l: Locator) => l.evaluate((el) => getComputedStyle(el).outlineStyle !== 'none' && getComputedStyle(el).outlineWidth !== '0px');

/** Presses Tab until `target` has focus (at most `limit` times), checking that focus stays visible on the way. */
async function tabTo(page: Page, target: Locator, limit = 12) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await isFocused(target)) {
      expect(await focusRing(target), 'a visible focus ring').toBe(true);
      return;
    }
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Makes every localStorage write fail, as a full or blocked storage does. */
const refuseStorage = (page: Page) =>
  page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });

describe('question bank: practice mode', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    const t = strings[lang];
    it(`hides answers, reveals one at a time and keeps marks, by keyboard, across a reload (${lang})`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      await openBank(page, bankUrl(lang));
      const first = page.locator('.qb-item').first();
      const second = page.locator('.qb-item').nth(1);
      expect(await first.getAttribute('data-id')).toBe(pageOrder[0]!.id);

      const practice = page.getByRole('checkbox', { name: t['qb.practice'] });
      await practice.focus();
      await page.keyboard.press('Space');
      await page.waitForURL(/\?mode=practice$/);
      expect(await first.locator('.qb-answer').isHidden()).toBe(true);
      expect(await page.locator('.qb-answer:visible').count()).toBe(0);

      // From the practice switch, Tab reaches the first question's "Show answer" without a trap.
      const reveal = first.locator('.qb-reveal');
      expect(await reveal.textContent()).toBe(t['qb.reveal']);
      await tabTo(page, reveal, 20);
      await page.keyboard.press('Enter');
      expect(await reveal.getAttribute('aria-expanded')).toBe('true');
      expect(await reveal.textContent()).toBe(t['qb.hide']);
      expect(await first.locator('.qb-answer li').first().textContent()).toBe(pageOrder[0]!.answer[lang][0]);
      expect(await second.locator('.qb-answer').isHidden()).toBe(true); // one at a time

      const known = first.getByRole('button', { name: t['qb.marked.known'] });
      await tabTo(page, known);
      await page.keyboard.press('Enter');
      expect(await known.getAttribute('aria-pressed')).toBe('true');
      const review = second.getByRole('button', { name: t['qb.marked.review'] });
      await tabTo(page, review);
      await page.keyboard.press('Space');
      expect(await review.getAttribute('aria-pressed')).toBe('true');
      const summary = fill(t['qb.marksSummary'], { known: 1, review: 1, unmarked: questions.length - 2 });
      expect(await page.locator('.qb-marks-summary').textContent()).toBe(summary);

      await page.reload({ waitUntil: 'networkidle' });
      await page.waitForFunction(() => customElements.get('question-bank') !== undefined);
      expect(await practice.isChecked()).toBe(true);
      expect(await first.locator('.qb-answer').isHidden()).toBe(true);
      expect(await known.getAttribute('aria-pressed')).toBe('true');
      expect(await review.getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('.qb-marks-summary').textContent()).toBe(summary);

      // "Review later" as a filter, kept in the URL.
      await page.getByRole('combobox', { name: t['qb.marked'] }).selectOption('review');
      await expect.poll(() => page.locator('.qb-item:visible').count()).toBe(1);
      expect(new URL(page.url()).search).toBe('?marked=review&mode=practice');
      await context.close();
    });
  }

  it('keeps marks on the page and says why when storage refuses them', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await refuseStorage(page);
    await openBank(page, bankUrl('en', '?mode=practice'));
    const known = page.locator('.qb-item').first().getByRole('button', { name: en['qb.marked.known'] });
    await known.click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: en['qb.storageFailed'] }).count()).toBe(1);
    expect(await known.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.qb-marks-summary').textContent()).toBe(fill(en['qb.marksSummary'], { known: 1, review: 0, unmarked: questions.length - 1 }));
    await context.close();
  });
});

describe('question bank: anchors and filters', () => {
  it('opens a question’s link scrolled to its question, below the sticky header, also in practice mode', async () => {
    const context = await browserOf().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const target = pageOrder[Math.floor(pageOrder.length * 0.7)]!;
    for (const query of ['', '?mode=practice']) {
      await openBank(page, bankUrl('en', `${query}#q-${target.id}`));
      const heading = page.locator(`#q-${target.id}`);
      expect(await heading.textContent()).toBe(target.question.en);
      const header = await page.locator('header.header').evaluate((el) => el.getBoundingClientRect().bottom);
      // Below the sticky header and in the top half of the window, once any smooth scroll has ended.
      const inView = () =>
        heading.evaluate((el, top) => el.getBoundingClientRect().top >= top && el.getBoundingClientRect().top < innerHeight / 2, Math.floor(header));
      await expect.poll(inView).toBe(true);
    }
    await context.close();
  });

  it('clears filters that hide a linked question, and says so', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    const target = questions.find((q) => q.id === 'kafka-auto-commit')!;
    await openBank(page, bankUrl('en', `?broker=rabbitmq#q-${target.id}`));
    await expect.poll(() => page.locator(`#q-${target.id}`).isVisible()).toBe(true);
    expect(await page.locator('.qb-notice').textContent()).toBe(en['qb.showLinked']);
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });

  for (const lang of ['en', 'zh-cn'] as const) {
    const t = strings[lang];
    it(`shows an empty state with "clear filters", kept across a reload (${lang})`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      expect(questions.some((q) => q.topics.includes('testing') && q.brokers.includes('rocketmq'))).toBe(false);
      await openBank(page, bankUrl(lang, '?topic=testing&broker=rocketmq'));
      const empty = page.locator('.qb-empty');
      await expect.poll(() => empty.isVisible()).toBe(true);
      expect(await empty.textContent()).toContain(t['qb.empty']);
      expect(await page.locator('.qb-count').textContent()).toBe(fill(t['qb.showing'], { n: 0, total: questions.length }));
      await page.reload({ waitUntil: 'networkidle' });
      await page.waitForFunction(() => customElements.get('question-bank') !== undefined);
      expect(await empty.isVisible()).toBe(true);
      expect(await page.getByRole('combobox', { name: t['qb.topic'], exact: true }).inputValue()).toBe('testing');

      const clear = empty.getByRole('button', { name: t['qb.clearFilters'] });
      await clear.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('.qb-item:visible').count()).toBe(questions.length);
      expect(await empty.isHidden()).toBe(true);
      expect(new URL(page.url()).search).toBe('');
      expect(await isFocused(page.getByRole('combobox', { name: t['qb.topic'], exact: true }))).toBe(true);
      await context.close();
    });
  }

  it('ignores garbage in the link with a message, and keeps the rest of it', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await openBank(page, bankUrl('en', '?topic=bogus&broker=kafka'));
    await expect.poll(() => page.locator('.qb-notice').textContent()).toBe(fill(en['qb.ignored'], { values: '“topic=bogus”' }));
    expect(new URL(page.url()).search).toBe('?broker=kafka');
    expect(await page.locator('.qb-item:visible').count()).toBe(questions.filter((q) => q.brokers.includes('kafka')).length);
    await context.close();
  });

  it('lists the questions by topic in the table of contents, and hides the filtered-out ones there too', async () => {
    const context = await browserOf().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await openBank(page, bankUrl('zh-cn'));
    const toc = page.locator('starlight-toc');
    expect(await toc.locator('a[href^="#q-"]').count()).toBe(questions.length);
    expect(await toc.locator('a[href="#topic-acks"]').textContent()).toBe(zh['qb.topic.acks']);
    await page.getByRole('combobox', { name: zh['qb.broker'], exact: true }).selectOption('jetstream');
    const shown = questions.filter((q) => q.brokers.includes('jetstream')).length;
    await expect.poll(() => toc.locator('a[href^="#q-"]:visible').count()).toBe(shown);
    await context.close();
  });
});

describe('mock interview', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    const t = strings[lang];
    it(`runs by keyboard from a seed, resumes after a reload, and ends with chapters to reread (${lang})`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      await openMock(page, mockUrl(lang));

      // Setup: only two topics, three questions, a seed of our own.
      for (const topic of ['guarantees', 'producer', 'ordering', 'dlq', 'transactions', 'testing'] as const) {
        const box = page.getByRole('checkbox', { name: t[`qb.topic.${topic}`] });
        await box.focus();
        await page.keyboard.press('Space');
        expect(await box.isChecked()).toBe(false);
      }
      const count = page.getByRole('combobox', { name: t['mock.count'] });
      await count.focus();
      await count.selectOption('3');
      const seed = page.getByRole('textbox', { name: t['mock.seed'] });
      await seed.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('e2e7');
      await tabTo(page, page.getByRole('button', { name: t['mock.start'] }));
      await page.keyboard.press('Enter');

      await page.waitForURL(/\?topics=acks,idempotency&n=3&seed=e2e7$/);
      const run = pickRun(questions, { topics: ['acks', 'idempotency'], count: 3, seed: 'e2e7' });
      const title = page.locator('#mock-q-title');
      await expect.poll(() => isFocused(title)).toBe(true);
      expect(await title.textContent()).toBe(run[0]!.question[lang]);
      expect(await page.locator('.mock-progress').textContent()).toBe(fill(t['mock.progress'], { n: 1, total: 3 }));

      // Answer in the text box, reveal, rate "partly", go on.
      const answer = page.getByRole('textbox', { name: t['mock.yourAnswer'] });
      await tabTo(page, answer);
      await page.keyboard.type('ack after commit');
      await tabTo(page, page.getByRole('button', { name: t['mock.reveal'] }));
      await page.keyboard.press('Enter');
      await expect.poll(() => isFocused(page.locator('#mock-model'))).toBe(true);
      expect(await page.locator('.mock-reveal ul li').first().textContent()).toBe(run[0]!.answer[lang][0]);
      expect(await page.locator('.mock-wrong').textContent()).toBe(run[0]!.wrong[lang]);
      await tabTo(page, page.getByRole('radio', { name: t['mock.rating.nailed'] }));
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: t['mock.rating.partly'] }).isChecked()).toBe(true);
      await tabTo(page, page.getByRole('button', { name: t['mock.next'] }));
      await page.keyboard.press('Enter');
      await expect.poll(() => title.textContent()).toBe(run[1]!.question[lang]);
      expect(await isFocused(title)).toBe(true);

      // A reload resumes on question 2, with question 1's answer and rating kept.
      await page.reload({ waitUntil: 'networkidle' });
      await expect.poll(() => page.locator('#mock-q-title').textContent()).toBe(run[1]!.question[lang]);
      await page.getByRole('button', { name: t['mock.back'] }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => title.textContent()).toBe(run[0]!.question[lang]);
      expect(await answer.inputValue()).toBe('ack after commit');
      expect(await page.getByRole('radio', { name: t['mock.rating.partly'] }).isChecked()).toBe(true);

      // Skip through the rest to the summary.
      for (const label of [t['mock.next'], t['mock.next'], t['mock.finish']]) {
        const next = page.getByRole('button', { name: label });
        await next.focus();
        await page.keyboard.press('Enter');
      }
      const summary = page.locator('#mock-summary-title');
      await expect.poll(() => isFocused(summary)).toBe(true);
      expect(await page.locator('.mock-score').textContent()).toBe(fill(t['mock.score'], { nailed: 0, partly: 1, missed: 0, unrated: 2 }));
      const reread = page.locator('.mock-reread > li > a');
      expect(await reread.count()).toBe(new Set(run.map((q) => q.see.chapter)).size);
      const sectionLink = page.locator('.mock-reread a', { hasText: run[0]!.question[lang] }).first();
      const href = (await sectionLink.getAttribute('href'))!;
      expect(decodeURIComponent(href)).toBe(`/${lang}/${run[0]!.see.chapter}/#${run[0]!.see.simulator ?? run[0]!.see.section![lang]}`);

      await page.reload({ waitUntil: 'networkidle' });
      await expect.poll(() => page.locator('#mock-summary-title').isVisible()).toBe(true);

      // The same link in a fresh browser gives the same run.
      const other = await browserOf().newContext();
      const fresh = await other.newPage();
      await openMock(fresh, page.url());
      await expect.poll(() => fresh.locator('#mock-q-title').textContent()).toBe(run[0]!.question[lang]);
      await other.close();
      await context.close();
    });
  }

  it('keeps the run on the page and says why when storage refuses it', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await refuseStorage(page);
    await openMock(page, mockUrl('en', '?topics=dlq&n=3&seed=full1'));
    await page.getByRole('textbox', { name: en['mock.yourAnswer'] }).fill('cap retries');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: en['mock.storageFailed'] }).count()).toBe(1);
    await page.getByRole('button', { name: en['mock.reveal'] }).click();
    await page.getByRole('radio', { name: en['mock.rating.missed'] }).check();
    await page.getByRole('button', { name: en['mock.next'] }).click();
    await page.getByRole('button', { name: en['mock.back'] }).click();
    expect(await page.getByRole('textbox', { name: en['mock.yourAnswer'] }).inputValue()).toBe('cap retries');
    expect(await page.getByRole('radio', { name: en['mock.rating.missed'] }).isChecked()).toBe(true);
    await context.close();
  });

  it('falls back to the setup form, with a message, for a link it cannot use', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await openMock(page, mockUrl('zh-cn', '?seed=NOT%20OK&n=abc'));
    await expect.poll(() => page.locator('.mock-notice').textContent()).toBe(fill(zh['mock.ignored'], { values: '“n=abc”, “seed=NOT OK”' }));
    expect(await page.getByRole('button', { name: zh['mock.start'] }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('accessibility in the states a page load does not show', () => {
  /** Checks `selector` in the light and the dark theme, switched as the theme picker does (the whole page is checked in pages.spec.ts). */
  async function bothThemes(page: Page, selector: string) {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      expect(await seriousViolations(page, selector), theme).toEqual([]);
    }
  }

  it('practice mode with marks, a revealed mock answer and the run summary have no serious axe violation, in both themes, at 360 px', async () => {
    const context = await browserOf().newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await context.newPage();
    await useTheme(page, 'dark');
    await openBank(page, bankUrl('en', '?mode=practice'));
    const first = page.locator('.qb-item').first();
    await first.locator('.qb-reveal').click();
    await first.locator('.qb-mark-button[data-mark="known"]').click();
    await page.locator('.qb-item').nth(1).locator('.qb-mark-button[data-mark="review"]').click();
    await bothThemes(page, 'question-bank');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await openMock(page, mockUrl('zh-cn', '?topics=acks&n=3&seed=axe1'));
    await page.getByRole('button', { name: zh['mock.reveal'] }).click();
    await page.getByRole('radio', { name: zh['mock.rating.partly'] }).check();
    await bothThemes(page, '.mock');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (let i = 0; i < 3; i++) await page.locator('.mock-nav .mock-button').last().click();
    await page.locator('#mock-summary-title').waitFor();
    await bothThemes(page, '.mock');
    await context.close();
  });
});
