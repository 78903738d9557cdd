import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { labs } from '../../src/sandbox/labs';
import { useBrowser, watchPage } from './browser';
import { CHECK_WAIT, LONG_TEST_TIMEOUT } from './waits';

/**
 * The Kafka, RabbitMQ, RocketMQ and NATS JetStream chapters in both languages: a broker scenario
 * driven by the keyboard alone until the duplicate shows in the ledger, and (where the chapter has
 * one) its code lab failing with its starter and passing with the fix — on a 360 px phone screen.
 */
const siteUrl = inject('siteUrl');
const browserOf = useBrowser();

type Lang = 'en' | 'zh-cn';
const words = {
  en: {
    step: 'Step →',
    skip: '⇥ Skip to next timer',
    check: '✓ Check every schedule',
    passed: /Passed/,
    broken: /✗ Broken: /,
    textarea: 'Handler code (plain text editor)',
    open: 'Open the editor',
    twice: '2×',
  },
  'zh-cn': {
    step: '下一步 →',
    skip: '⇥ 跳到下一个定时器',
    check: '✓ 检查所有执行顺序',
    passed: /通过/,
    broken: /✗ 被破坏：/,
    textarea: '处理函数代码（纯文本编辑器）',
    open: '打开编辑器',
    twice: '2 次',
  },
} as const;

const brokers = [
  {
    broker: 'kafka',
    sim: '#auto-commit-crash',
    fault: { en: /Crash consumer after processing, before the offset commit/, 'zh-cn': /处理完、提交位点前让消费者崩溃/ },
    lab: 'kafka-commit-placement',
  },
  {
    broker: 'rabbitmq',
    sim: '#crash-requeue',
    fault: { en: /Crash consumer after the write, before the ack/, 'zh-cn': /写入之后、ack 之前让消费者崩溃/ },
    lab: 'rabbitmq-ack-dedup',
  },
  {
    broker: 'rocketmq',
    sim: '#offset-crash',
    fault: { en: /Crash consumer before the offset is persisted/, 'zh-cn': /位点持久化前让消费者崩溃/ },
    lab: 'rocketmq-keys-dedup',
  },
  { broker: 'jetstream', sim: '#lost-ack', fault: { en: /Lose the ack/, 'zh-cn': /弄丢 ack/ }, lab: null },
  { broker: 'pulsar', sim: '#ack-group-window', fault: { en: /Crash consumer before the ack is flushed/, 'zh-cn': /ack 刷出前让消费者崩溃/ }, lab: null },
] as const;

async function open(url: string, selector: string, narrow = false): Promise<{ context: BrowserContext; page: Page; el: Locator }> {
  const context = await browserOf().newContext(
    narrow ? { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } },
  );
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(url, { waitUntil: 'networkidle' });
  const el = page.locator(selector);
  await el.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), selector);
  return { context, page, el };
}

/** Focuses a button and presses Enter: the keyboard, not the mouse. */
async function press(page: Page, button: Locator) {
  await button.focus();
  await page.keyboard.press('Enter');
}

for (const { broker, sim, fault, lab } of brokers) {
  for (const lang of ['en', 'zh-cn'] as const satisfies readonly Lang[]) {
    const w = words[lang];
    const chapter = `${siteUrl}${lang}/brokers/${broker}/`;
    describe(`${broker} chapter (${lang})`, () => {
      it('a broker scenario runs from the keyboard: the fault, the timers, and the duplicate in the ledger', async () => {
        const { context, page, el } = await open(chapter, sim);
        const problems = await watchPage(page, siteUrl);
        // Arrow keys step while the simulator has focus, until the crash is possible.
        const crash = el.getByRole('button', { name: fault[lang] });
        await el.focus();
        for (let i = 0; i < 40 && (await crash.isDisabled()); i++) await page.keyboard.press('ArrowRight');
        await press(page, crash);
        // Skip to the next timer moves the simulated clock forward.
        const clock = el.locator('.sim-clock');
        const before = await clock.textContent();
        await press(page, el.getByRole('button', { name: w.skip }));
        await expect.poll(() => clock.textContent()).not.toBe(before);
        // Then step to the end.
        const step = el.getByRole('button', { name: w.step });
        for (let i = 0; i < 80 && !(await step.isDisabled()); i++) await press(page, step);
        expect(await el.locator('.sim-ledger tr[data-status="duplicate"] .sim-ledger__actual').textContent()).toBe(w.twice);
        expect(await el.locator('.sim-badge.is-violated').count()).toBeGreaterThan(0);
        expect(await el.locator('.sim-narration').textContent()).not.toBe('');
        expect(problems.consoleErrors).toEqual([]);
        expect(problems.foreignRequests).toEqual([]);
        await context.close();
      });

      // The JetStream and Pulsar chapters have no code lab: no test is registered for them (rather than a skipped one).
      if (lab)
        it(
          'its code lab fails Check with the starter and passes with the fix, on a 360 px screen',
          async () => {
            const title = labs[lab]!.title[lang];
            const { context, page, el } = await open(chapter, `section.lab[aria-label="${title}"]`, true);
            const problems = await watchPage(page, siteUrl);
            const status = el.locator('.lab-status');
            const check = async () => {
              await el.getByRole('button', { name: w.check }).click();
              await expect
                .poll(async () => (await status.textContent()) ?? '', { timeout: CHECK_WAIT })
                .toMatch(new RegExp(`${w.passed.source}|${w.broken.source}`));
              return (await status.textContent()) ?? '';
            };
            expect(await check()).toMatch(w.broken);
            // On a phone the editor is a plain text area.
            await el.getByRole('button', { name: w.open }).click();
            // The fix in the page's language, as Show solution would give it.
            await el.getByRole('textbox', { name: w.textarea }).fill(labs[lab]!.sources[lang].solution);
            expect(await check()).toMatch(w.passed);
            expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
            expect(problems.consoleErrors).toEqual([]);
            await context.close();
          },
          LONG_TEST_TIMEOUT,
        );
    });
  }
}
