import { describe, expect, inject, it } from 'vitest';
import { questions } from '../../content/interview/questions';
import { useBrowser } from './browser';

/** The interview question bank: filters by keyboard, works without JavaScript, and search finds each question. */
const siteUrl = inject('siteUrl');
const browserOf = useBrowser();

describe('interview question bank', () => {
  it('lists every question without JavaScript', async () => {
    const context = await browserOf().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/interview/questions/`);
    expect(await page.locator('.qb-item').count()).toBe(questions.length);
    await context.close();
  });

  it('filters by broker and topic from the keyboard, and says how many are shown', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/interview/questions/`, { waitUntil: 'networkidle' });
    const broker = page.getByRole('combobox', { name: 'Broker' });
    await broker.focus();
    await broker.selectOption({ label: 'RocketMQ' }); // keyboard-reachable native select
    const rocketmq = questions.filter((q) => q.brokers.includes('rocketmq'));
    await expect.poll(() => page.locator('.qb-item:not([hidden])').count()).toBe(rocketmq.length);
    expect(await page.getByRole('status').textContent()).toBe(`Showing ${rocketmq.length} of ${questions.length} questions`);
    await page.getByRole('combobox', { name: 'Topic' }).selectOption({ label: 'Retries and dead letters' });
    const both = rocketmq.filter((q) => q.topics.includes('dlq'));
    await expect.poll(() => page.locator('.qb-item:not([hidden])').count()).toBe(both.length);
    expect(both.length).toBeGreaterThan(0);
    await context.close();
  });

  it('links each question to the simulator that shows it', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    const q = questions.find((x) => x.see.simulator)!;
    await page.goto(`${siteUrl}zh-cn/interview/questions/`, { waitUntil: 'networkidle' });
    const item = page.locator(`.qb-item[data-id="${q.id}"]`);
    expect(await item.locator(`h3#q-${q.id}`).textContent()).toBe(q.question['zh-cn']);
    await item.getByRole('link', { name: /在模拟器里亲眼看看/ }).click();
    await page.waitForURL(`${siteUrl}zh-cn/${q.see.chapter}/#${q.see.simulator}`);
    expect(await page.locator(`#${q.see.simulator}`).count()).toBe(1);
    await context.close();
  });

  for (const [lang, term, id] of [
    ['en', 'onPartitionsRevoked', 'kafka-rebalance-duplicates'],
    ['zh-cn', '消费失败', 'rocketmq-orderly-blocking'],
  ] as const) {
    it(`site search finds a question under its own heading, and the result opens at that question (${lang})`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      await page.goto(`${siteUrl}${lang}/interview/questions/`, { waitUntil: 'networkidle' });
      await page.locator('button[data-open-modal]').locator('visible=true').first().click();
      await page.locator('dialog[open] input[type="search"], dialog[open] .pagefind-ui__search-input').first().fill(term);
      const q = questions.find((x) => x.id === id)!;
      const result = page.locator(`dialog[open] a[href$="/${lang}/interview/questions/#q-${q.id}"]`).first();
      await result.waitFor();
      expect(await result.textContent()).toContain(q.question[lang]);
      await result.click();
      await page.waitForURL(`${siteUrl}${lang}/interview/questions/#q-${q.id}`);
      // Starlight scrolls smoothly: wait for the scroll to end.
      await expect
        .poll(() => page.locator(`#q-${q.id}`).evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight / 2))
        .toBe(true);
      await context.close();
    });
  }
});
