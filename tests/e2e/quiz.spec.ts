import { describe, expect, inject, it } from 'vitest';
import quiz from '../../content/quizzes/acknowledgements';
import { useBrowser } from './browser';

/** End-of-chapter quizzes and the printable cheat sheet. */
const siteUrl = inject('siteUrl');
const browserOf = useBrowser();

describe('chapter quiz', () => {
  it('is answered by keyboard alone, gives feedback with the reason, plays a prediction, and survives a reload', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/concepts/acknowledgements/`, { waitUntil: 'networkidle' });
    const section = page.getByRole('region', { name: 'Quiz' }).or(page.locator('section.quiz')).first();
    await section.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('section.quiz')?.closest('astro-island')?.hasAttribute('ssr'));
    const predict = quiz.questions.find((q) => q.kind === 'predict')!;
    const index = quiz.questions.indexOf(predict);
    const item = section.locator('.quiz-item').nth(index);
    // Keyboard: focus the first option, arrow to the right one, Tab to "Check answer", Enter.
    const radios = item.getByRole('radio');
    await radios.first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < predict.answer; i++) await page.keyboard.press('ArrowDown');
    expect(await radios.nth(predict.answer).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const feedback = item.locator('.quiz-feedback');
    expect(await feedback.textContent()).toBe(`Correct. ${predict.why.en}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Play it in the simulator"
    const charges = predict.options[predict.answer]!.charges;
    await expect.poll(() => item.locator('.sim-ledger__actual').textContent()).toBe(`${charges}×`);
    expect(await section.locator('.quiz-progress').textContent()).toBe(`1 of ${quiz.questions.length} answered correctly`);

    await page.reload({ waitUntil: 'networkidle' });
    const again = page.locator('section.quiz');
    await again.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('section.quiz')?.closest('astro-island')?.hasAttribute('ssr'));
    await expect.poll(() => again.locator('.quiz-progress').textContent()).toBe(`1 of ${quiz.questions.length} answered correctly`);
    expect(await again.locator('.quiz-item').nth(index).getByRole('radio').nth(predict.answer).isChecked()).toBe(true);
    await context.close();
  });

  it('says “Not quite” with the reason for a wrong answer', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}zh-cn/concepts/acknowledgements/`, { waitUntil: 'networkidle' });
    const section = page.locator('section.quiz');
    await section.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('section.quiz')?.closest('astro-island')?.hasAttribute('ssr'));
    const q = quiz.questions[0]!;
    const wrong = q.answer === 0 ? 1 : 0;
    const item = section.locator('.quiz-item').first();
    await item.getByRole('radio').nth(wrong).check();
    await item.getByRole('button', { name: '核对答案' }).click();
    expect(await item.locator('.quiz-feedback').textContent()).toBe(`不对。 ${q.why['zh-cn']}`);
    await context.close();
  });
});

describe('cheat sheet', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    it(`prints on one A4 page at 9 pt or more, without site chrome or widgets, with the address and date in a footer (${lang})`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      await page.goto(`${siteUrl}${lang}/interview/cheat-sheet/`, { waitUntil: 'networkidle' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('astro-island, section.sim, section.lab, section.quiz').count()).toBe(0);
      const visible = async (sel: string) =>
        page
          .locator(sel)
          .evaluateAll(
            (els) =>
              els
                .filter((e) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).display !== 'none')
                .filter((e) => getComputedStyle(e).display !== 'none').length,
          );
      expect(await visible('header.header')).toBe(0);
      expect(await visible('nav.sidebar, .sidebar-pane')).toBe(0);
      // Body text (lists, tables, code) at 9 pt or more: 12 CSS px.
      const smallest = await page.locator('.sl-markdown-content').evaluate((root) => {
        let min = Infinity;
        for (const el of root.querySelectorAll('*')) {
          const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
          if (hasText && getComputedStyle(el).display !== 'none') min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
        }
        return min;
      });
      expect(smallest * 0.75).toBeGreaterThanOrEqual(9);
      // A footer on paper with the page's address and the date it was printed.
      const footer = page.locator('.print-footer');
      expect(await footer.isVisible()).toBe(true);
      const date = await page.evaluate((l) => new Intl.DateTimeFormat(l, { dateStyle: 'long' }).format(new Date()), lang === 'en' ? 'en' : 'zh-CN');
      expect(await footer.textContent()).toBe(`${siteUrl}${lang}/interview/cheat-sheet/ · ${lang === 'en' ? 'printed' : '打印于'} ${date}`);
      expect(await footer.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * 0.75)).toBeGreaterThanOrEqual(9);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBe(1); // one A4 page
      await context.close();
    });
  }
});
