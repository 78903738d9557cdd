import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, watchPage } from './browser';

/**
 * The simulator widget on the "Acknowledgements" chapter, driven the way readers drive it: break
 * the consumer, watch the ledger, go back, share the run, let the checker find the counterexample.
 */
const siteUrl = inject('siteUrl');
const chapter = (lang: 'en' | 'zh-cn') => `${siteUrl}${lang}/concepts/acknowledgements/`;
const SIM = '#crash-after-write';
const browserOf = useBrowser();

interface Opened {
  context: BrowserContext;
  page: Page;
  sim: Locator;
}

async function open(url: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Opened> {
  const context = await browserOf().newContext(options);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const sim = page.locator(SIM);
  await sim.scrollIntoViewIfNeeded();
  if (options.javaScriptEnabled !== false) {
    await page.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), SIM);
  }
  return { context, page, sim };
}

const charged = (sim: Locator) => sim.locator('.sim-ledger__actual').first().textContent();
const position = (sim: Locator) => sim.locator('.sim-position').textContent();

/** Presses Step until the named fault button is enabled, then presses it. */
async function stepUntilFault(sim: Locator, step: string, fault: RegExp) {
  const button = sim.getByRole('button', { name: fault });
  for (let i = 0; i < 30 && (await button.isDisabled()); i++) await sim.getByRole('button', { name: step }).click();
  await button.click();
}

async function stepToEnd(sim: Locator, step: string) {
  const button = sim.getByRole('button', { name: step });
  for (let i = 0; i < 60 && !(await button.isDisabled()); i++) await button.click();
}

describe('simulator on the Acknowledgements chapter', () => {
  it('first frame is server-rendered: readable without JavaScript', async () => {
    const { context, sim } = await open(chapter('en'), { javaScriptEnabled: false });
    expect(await sim.getByRole('heading', { name: 'Manual ack, crash after the write' }).count()).toBe(1);
    expect(await charged(sim)).toBe('0×');
    await context.close();
  });

  it('a crash after the write produces a visible redelivery and a duplicate in the ledger', async () => {
    const { context, page, sim } = await open(chapter('en'));
    const problems = await watchPage(page, siteUrl);
    await stepUntilFault(sim, 'Step →', /Crash consumer after the write/);
    await stepToEnd(sim, 'Step →');
    expect(await charged(sim)).toBe('2×');
    expect(await sim.locator('.sim-log').textContent()).toContain('Consumer 1 received order #42 again: delivery 2, flagged redelivered.');
    expect(await sim.locator('.sim-ledger__why').textContent()).toBe(
      'Order #42 charged 2 times: the consumer crashed after charging, before acking, so the broker redelivered it.',
    );
    expect(await sim.locator('.sim-badge.is-violated').textContent()).toContain('Broken: No duplicate');
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
    await context.close();
  });

  it('back restores the earlier frame exactly', async () => {
    const { context, sim } = await open(chapter('en'));
    await stepUntilFault(sim, 'Step →', /Crash consumer after the write/);
    const frame = async () => [await position(sim), await charged(sim), await sim.locator('.sim-lanes').innerText(), await sim.locator('.sim-log').innerText()];
    const before = await frame();
    await stepToEnd(sim, 'Step →');
    expect(await charged(sim)).toBe('2×');
    const back = sim.getByRole('button', { name: '← Back' });
    while ((await position(sim)) !== before[0]) await back.click();
    expect(await frame()).toEqual(before);
    await context.close();
  });

  it('a share link opened in a fresh browser reproduces the same run and ledger', async () => {
    const { context, sim } = await open(chapter('en'));
    await stepUntilFault(sim, 'Step →', /Crash consumer after the write/);
    await stepToEnd(sim, 'Step →');
    await sim.getByRole('button', { name: 'Share' }).click();
    const link = await sim.locator('.sim-share input').inputValue();
    expect(link).toMatch(/[?&]sim=crash-after-write&run=r1\./);
    const expected = [await position(sim), await charged(sim), await sim.locator('.sim-log').innerText()];
    await context.close();

    const fresh = await open(link);
    await fresh.page.waitForFunction((sel) => document.querySelector(`${sel} .sim-position`)?.textContent?.startsWith('Step 1'), SIM);
    expect([await position(fresh.sim), await charged(fresh.sim), await fresh.sim.locator('.sim-log').innerText()]).toEqual(expected);
    await fresh.context.close();
  });

  it('a broken share link shows a clear notice and the default scenario', async () => {
    const { context, sim } = await open(`${chapter('en')}?sim=crash-after-write&run=r1.manual-ack-crash-after-effect.1.zz.0-9`);
    await expect.poll(() => sim.getByRole('alert').textContent()).toContain('This share link could not be opened');
    expect(await position(sim)).toContain('Step 0');
    await context.close();
  });

  it('“Explore every schedule” finds the counterexample in a worker and replays it to the end', async () => {
    const { context, page, sim } = await open(chapter('en'));
    await sim.getByRole('button', { name: 'Explore every schedule' }).click();
    await expect.poll(() => sim.locator('.sim-explore__status').textContent()).toContain('Shortest counterexample: 11 steps.');
    await sim.getByRole('button', { name: 'Replay counterexample' }).click();
    // Loaded visibly at its first step, then played to its end.
    expect(await position(sim)).toContain('Step 0/11');
    await expect.poll(() => position(sim)).toContain('Step 11/11');
    expect(await charged(sim)).toBe('2×'); // the counterexample ends on the duplicate charge
    expect(await sim.locator('.sim-badge.is-violated').textContent()).toContain('go to step 11');
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('check.worker')))).toBe(true);
    await context.close();
  });

  it('the whole run can be driven by the keyboard alone', async () => {
    const { context, page, sim } = await open(chapter('en'));
    // Arrow keys step when the simulator itself has focus.
    await sim.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await position(sim)).toContain('Step 2');
    await page.keyboard.press('ArrowLeft');
    expect(await position(sim)).toContain('Step 1');
    // Tab to the Step button and press Enter until the fault is possible, then Tab to the fault.
    const stepButton = sim.getByRole('button', { name: 'Step →' });
    const fault = sim.getByRole('button', { name: /Crash consumer after the write/ });
    for (let i = 0; i < 20 && (await fault.isDisabled()); i++) {
      await stepButton.focus();
      await page.keyboard.press('Enter');
    }
    await fault.focus();
    expect(await fault.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    // Space plays to the end from the simulator itself.
    await sim.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => charged(sim)).toBe('2×');
    expect(await sim.locator('.sim-narration[role="status"][aria-live="polite"]').textContent()).toMatch(/^Step \d+: \S/);
    await context.close();
  });

  it('the Chinese page runs the same scenario with Chinese labels', async () => {
    const { context, sim } = await open(chapter('zh-cn'));
    expect(await sim.getByRole('heading', { name: '手动 ack，写入后崩溃' }).count()).toBe(1);
    await stepUntilFault(sim, '下一步 →', /写入之后、ack 之前让消费者崩溃/);
    await stepToEnd(sim, '下一步 →');
    expect(await charged(sim)).toBe('2 次');
    expect(await sim.locator('.sim-ledger__why').textContent()).toBe('订单 #42 被扣了 2 次：消费者扣款后、ack 前崩溃，Broker 重投了这条消息。');
    expect(await sim.locator('.sim-log').textContent()).toContain('消费者 1 又收到订单 #42：第 2 次投递，带 redelivered 标记。');
    await context.close();
  });

  it('a page with seven simulators carries their UI strings once, and each of them speaks them', async () => {
    const html = await (await fetch(`${siteUrl}zh-cn/myths/`)).text();
    const tags = html.match(/<astro-island[^>]*Simulator[^>]*>/g) ?? [];
    expect(tags.length).toBe(7);
    expect(html.match(/data-sim-labels/g)?.length).toBe(1);
    // The UI strings ("sim.logEmpty": 还什么都没发生…) are in the page once, not in every island's props,
    // nor in the code labs' (Kafka's chapter has ten simulators and two labs).
    expect(html.match(/sim\.logEmpty/g)?.length).toBe(1);
    expect(tags.filter((tag) => tag.includes('sim.logEmpty'))).toEqual([]);
    const kafka = await (await fetch(`${siteUrl}en/brokers/kafka/`)).text();
    expect((kafka.match(/<astro-island[^>]*CodeLab/g) ?? []).length).toBe(2);
    expect(kafka.match(/sim\.logEmpty/g)?.length).toBe(1);
    const context = await browserOf().newContext();
    const page = await context.newPage();
    await page.goto(`${siteUrl}zh-cn/myths/`, { waitUntil: 'networkidle' });
    const islands = page.locator('astro-island:has(.sim-position)');
    expect(await islands.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      const island = islands.nth(i);
      await island.scrollIntoViewIfNeeded();
      await expect.poll(() => island.getAttribute('ssr')).toBeNull();
      const before = await position(island);
      await island.getByRole('button', { name: '下一步 →' }).click();
      await expect.poll(() => position(island)).not.toBe(before);
    }
    await context.close();
  });
});

describe('presenter mode', () => {
  it('opens from the widget, steps with the arrow keys, jumps to the faults with F, shows speaker notes on N, and closes with Esc', async () => {
    const { context, page, sim } = await open(chapter('en'));
    await sim.getByRole('button', { name: 'Present', exact: true }).click();
    await expect.poll(() => sim.evaluate((el) => el.classList.contains('sim--presenting'))).toBe(true);
    const box = await sim.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box?.width).toBeGreaterThanOrEqual(viewport.width - 20); // takes the whole screen
    expect(await sim.locator('.sim-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(28);
    // The notes hold the answer: hidden while projected, until the presenter asks (N, or the button).
    expect(await sim.getByRole('complementary', { name: 'Speaker notes' }).count()).toBe(0);
    const toggle = sim.getByRole('button', { name: /Show speaker notes/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('n');
    expect(await sim.getByRole('complementary', { name: 'Speaker notes' }).textContent()).toContain('Ask: the consumer charged but never acked');
    expect(await sim.getByRole('button', { name: /Hide speaker notes/ }).getAttribute('aria-expanded')).toBe('true');
    await sim.getByRole('button', { name: /Hide speaker notes/ }).click();
    expect(await sim.getByRole('complementary', { name: 'Speaker notes' }).count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await position(sim)).toContain('Step 3');
    await page.keyboard.press('ArrowLeft');
    expect(await position(sim)).toContain('Step 2');
    for (let i = 0; i < 10 && (await sim.getByRole('button', { name: /Crash consumer after the write/ }).isDisabled()); i++)
      await page.keyboard.press('ArrowRight');
    await page.keyboard.press('f');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Crash consumer after the write');
    await page.keyboard.press('Escape');
    await expect.poll(() => sim.evaluate((el) => el.classList.contains('sim--presenting'))).toBe(false);
    await context.close();
  });

  it('opens from a URL (?present=<simulator id>) in Chinese', async () => {
    const { context, page, sim } = await open(`${chapter('zh-cn')}?present=crash-after-write`);
    await expect.poll(() => sim.evaluate((el) => el.classList.contains('sim--presenting'))).toBe(true);
    expect(await sim.getByRole('complementary', { name: '讲解提示' }).count()).toBe(0);
    await sim.getByRole('button', { name: /显示讲解提示/ }).click();
    expect(await sim.getByRole('complementary', { name: '讲解提示' }).textContent()).toContain('先问');
    await page.keyboard.press('ArrowRight');
    expect(await position(sim)).toContain('第 1 步');
    await context.close();
  });
});
