import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, useTheme } from './browser';

/**
 * One stage: cause and effect on one screen. On a 360x740 phone, from the fault the reader presses
 * until the duplicate lands, the step control, that fault, the ledger row and the broken badge are all
 * inside the viewport, unscrolled and uncovered, by touch and by keyboard, in both languages. Projected
 * at 1366x768 in presenter mode, lanes, ledger and controls fit without scrolling, every word at least
 * 24 px. A replayed counterexample loads visibly ("Step 0/11"), marks its fault and plays.
 */
const siteUrl = inject('siteUrl');
const browserOf = useBrowser();
const SIM = '#crash-after-write';
const words = {
  en: {
    step: 'Step →',
    fault: /Crash consumer after the write/,
    position: (n: number, of: number) => `Step ${n}/${of}`,
    replay: 'Replay counterexample',
    explore: 'Explore every schedule',
    play: '▶ Play',
  },
  'zh-cn': {
    step: '下一步 →',
    fault: /写入之后、ack 之前让消费者崩溃/,
    position: (n: number, of: number) => `第 ${n}/${of} 步`,
    replay: '回放反例',
    explore: '穷举所有执行顺序',
    play: '▶ 播放',
  },
} as const;
type Lang = keyof typeof words;

async function open(
  lang: Lang,
  options: Parameters<ReturnType<typeof browserOf>['newContext']>[0],
  query = '',
  theme?: 'light' | 'dark',
  where: { chapter: string; sim: string } = { chapter: 'concepts/acknowledgements', sim: SIM },
): Promise<{ context: BrowserContext; page: Page; sim: Locator }> {
  const context = await browserOf().newContext(options);
  const page = await context.newPage();
  if (theme) await useTheme(page, theme);
  await page.goto(`${siteUrl}${lang}/${where.chapter}/${query}`, { waitUntil: 'networkidle' });
  const sim = page.locator(where.sim);
  await sim.scrollIntoViewIfNeeded();
  await page.waitForFunction((sel) => !document.querySelector(sel)?.closest('astro-island')?.hasAttribute('ssr'), where.sim);
  return { context, page, sim };
}

/**
 * Where an element is, and whether the reader can see it: inside the viewport, below the site's fixed
 * header and mobile table of contents (`underChrome`; the presenter overlay covers them), and not
 * covered (the element, or something inside it, is what the page shows at its centre).
 */
async function seen(locator: Locator, underChrome = true) {
  return locator.evaluate((el, chrome) => {
    const r = el.getBoundingClientRect();
    const bottoms = ['header.header', 'mobile-starlight-toc nav'].map((sel) => document.querySelector(sel)?.getBoundingClientRect().bottom ?? 0);
    const top = chrome ? Math.max(0, ...bottoms) : 0;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      top: Math.round(r.top),
      bottom: Math.round(r.bottom),
      inside: r.height > 0 && r.top >= top - 1 && r.bottom <= innerHeight + 1 && r.left >= -1 && r.right <= innerWidth + 1,
      uncovered: !!hit && (el === hit || el.contains(hit)),
    };
  }, underChrome);
}

/** The four things that must share the screen once the duplicate has landed. */
const effect = (sim: Locator, lang: Lang) => ({
  step: sim.getByRole('button', { name: words[lang].step }),
  fault: sim.getByRole('button', { name: words[lang].fault }),
  ledgerRow: sim.locator('.sim-ledger tr.is-duplicate'),
  badge: sim.locator('.sim-badge.is-violated'),
});

/** Puts the stage at the top of the screen, as a reader who scrolled to the widget would see it. */
async function showStage(page: Page, sim: Locator): Promise<number> {
  await sim.locator('.sim-stage').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return page.evaluate(() => scrollY);
}

async function expectOneScreen(page: Page, sim: Locator, lang: Lang, scrollY: number) {
  await expect.poll(() => sim.locator('.sim-badge.is-violated').count()).toBe(1);
  expect(await page.evaluate(() => scrollY)).toBe(scrollY); // nothing scrolled on the way
  for (const [name, locator] of Object.entries(effect(sim, lang))) {
    expect({ name, ...(await seen(locator)) }).toMatchObject({ name, inside: true, uncovered: true });
  }
}

describe('one stage on a 360x740 phone', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    it(`${lang}, by touch: the step control, the fault, the ledger row and the badge share the screen until the duplicate lands`, async () => {
      const { context, page, sim } = await open(lang, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const scrollY = await showStage(page, sim);
      const { step, fault } = effect(sim, lang);
      while (await fault.isDisabled()) await step.tap();
      expect(await seen(fault)).toMatchObject({ inside: true, uncovered: true });
      await fault.tap();
      while ((await sim.locator('.sim-badge.is-violated').count()) === 0 && !(await step.isDisabled())) await step.tap();
      await expectOneScreen(page, sim, lang, scrollY);
      // Touch targets: the controls the reader pressed are at least 44 px tall.
      for (const target of [step, fault]) expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await context.close();
    });

    it(`${lang}, by keyboard: the same, with Enter on the focused controls`, async () => {
      const { context, page, sim } = await open(lang, { viewport: { width: 360, height: 740 } });
      const scrollY = await showStage(page, sim);
      const { step, fault } = effect(sim, lang);
      await step.focus();
      while (await fault.isDisabled()) await page.keyboard.press('Enter');
      await fault.focus();
      expect(await fault.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
      await page.keyboard.press('Enter');
      await step.focus();
      while ((await sim.locator('.sim-badge.is-violated').count()) === 0 && !(await step.isDisabled())) await page.keyboard.press('Enter');
      await expectOneScreen(page, sim, lang, scrollY);
      await context.close();
    });
  }

  it('the sticky control bar stays on screen, below the site header, while the reader scrolls through the stage', async () => {
    const { context, page, sim } = await open('en', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await showStage(page, sim);
    await page.evaluate(() => scrollBy(0, 400));
    await page.waitForFunction(() => scrollY > 0);
    expect(await seen(effect(sim, 'en').step)).toMatchObject({ inside: true, uncovered: true });
    await context.close();
  });

  it('the stage has no serious axe violation at 360 px, in the dark theme', async () => {
    const { context, page, sim } = await open('zh-cn', { viewport: { width: 360, height: 740 } }, '', 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const { step, fault } = effect(sim, 'zh-cn');
    while (await fault.isDisabled()) await step.click();
    await fault.click();
    while ((await sim.locator('.sim-badge.is-violated').count()) === 0) await step.click();
    const results = await new AxeBuilder({ page }).include(SIM).analyze();
    expect(
      results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await context.close();
  });
});

/** A projected scenario: where it is, and the fault that breaks it (its panel button, by name). */
interface Projected {
  where: { chapter: string; sim: string };
  fault: Record<Lang, RegExp>;
}
const projected: Record<string, Projected> = {
  'the crash after the write': { where: { chapter: 'concepts/acknowledgements', sim: SIM }, fault: { en: words.en.fault, 'zh-cn': words['zh-cn'].fault } },
  // Two consumers and a rebalance: the broker lane carries the group's generation and members.
  'Kafka’s rebalance after max.poll.interval.ms (two consumers)': {
    where: { chapter: 'brokers/kafka', sim: '#poll-interval' },
    fault: {
      en: /^⚡ Stall past max\.poll\.interval\.ms \(Consumer 1\)$/,
      'zh-cn': /^⚡ 处理超过 max\.poll\.interval\.ms（消费者 1）$|^⚡ 处理超过 max\.poll\.interval\.ms \(消费者 1\)$/,
    },
  },
};

describe('presenter mode on a 1366x768 projector', () => {
  for (const [title, { where, fault: faultName }] of Object.entries(projected)) {
    for (const lang of ['en', 'zh-cn'] as const) {
      it(`${title}, ${lang}: lanes, ledger and controls fit on the screen without scrolling, every word at least 24 px`, async () => {
        const { context, page, sim } = await open(lang, { viewport: { width: 1366, height: 768 } }, `?present=${where.sim.slice(1)}`, undefined, where);
        await expect.poll(() => sim.evaluate((el) => el.classList.contains('sim--presenting'))).toBe(true);
        const fault = sim.locator('.sim-faults').getByRole('button', { name: faultName[lang] });
        while (await fault.isDisabled()) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('f');
        expect(await fault.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.press('Enter');
        while ((await sim.locator('.sim-badge.is-violated').count()) === 0) await page.keyboard.press('ArrowRight');
        expect(await sim.evaluate((el) => el.scrollTop)).toBe(0);
        for (const part of ['.sim-title', '.sim-bar', '.sim-lanes', '.sim-ledger tr.is-duplicate', '.sim-badge.is-violated', '.sim-faults legend']) {
          expect({ part, ...(await seen(sim.locator(part), false)) }).toMatchObject({ part, inside: true });
        }
        for (const button of await sim.locator('.sim-bar button').all()) expect(await seen(button, false)).toMatchObject({ inside: true, uncovered: true });
        // Every word on the projected screen: text in view, at least 24 px.
        const { small, read } = await sim.evaluate((root) => {
          const out: string[] = [];
          let words = 0;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement!;
            const text = node.textContent!.trim();
            const r = el.getBoundingClientRect();
            if (!text || r.width <= 1 || r.bottom <= 0 || r.top >= innerHeight || !el.checkVisibility()) continue;
            const size = parseFloat(getComputedStyle(el).fontSize);
            words++;
            if (size < 24) out.push(`${size}px “${text.slice(0, 30)}”`);
          }
          return { small: out, read: words };
        });
        expect(read).toBeGreaterThan(20); // the check saw the screen's words
        expect(small).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('presenter mode with three faults', () => {
  for (const lang of ['en', 'zh-cn'] as const) {
    it(`${lang}: every fault button of the two-consumer inbox, the ledger and the badges stay on the projected screen at every step`, async () => {
      const where = { chapter: 'concepts/acknowledgements', sim: '#concurrent-redelivery' };
      const { context, sim } = await open(lang, { viewport: { width: 1366, height: 768 } }, '?present=concurrent-redelivery', undefined, where);
      await expect.poll(() => sim.evaluate((el) => el.classList.contains('sim--presenting'))).toBe(true);
      const buttons = await sim.locator('.sim-faults .sim-fault__button').all();
      expect(buttons.length).toBe(3);
      const step = sim.getByRole('button', { name: words[lang].step });
      // The lanes grow as messages, timers and rows appear: every step of the whole run is checked.
      let steps = 0;
      for (;;) {
        for (const part of [...buttons, sim.locator('.sim-ledger'), sim.locator('.sim-badges')]) {
          expect({ step: steps, ...(await seen(part, false)) }).toMatchObject({ step: steps, inside: true });
        }
        for (const button of buttons) expect(await seen(button, false)).toMatchObject({ uncovered: true });
        if (await step.isDisabled()) break;
        await step.click();
        steps++;
        await expect.poll(() => sim.locator('.sim-position').textContent()).toContain(lang === 'en' ? `Step ${steps} ·` : `第 ${steps} 步 ·`);
      }
      expect(steps).toBeGreaterThan(5);
      await context.close();
    });
  }
});

describe('replaying a counterexample', () => {
  it('loads it visibly at step 0 of 11, marks the step with the fault, and plays it at the chosen speed to the duplicate', async () => {
    const { context, sim } = await open('zh-cn', { viewport: { width: 1280, height: 900 } });
    await sim.getByRole('combobox', { name: /速度/ }).selectOption('fast');
    await sim.getByRole('button', { name: words['zh-cn'].explore }).click();
    // Every position the stage shows from here on, in order: at fast speed it may already have moved on
    // by the time the test reads it, so the first one shown after the replay is what is checked.
    await sim.evaluate((root) => {
      const seen: string[] = [];
      (window as unknown as { positionsShown: string[] }).positionsShown = seen;
      const record = () => {
        const text = root.querySelector('.sim-position')?.textContent ?? '';
        if (seen.at(-1) !== text) seen.push(text);
      };
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await sim.getByRole('button', { name: words['zh-cn'].replay }).click();
    const shown = () => sim.evaluate(() => (window as unknown as { positionsShown: string[] }).positionsShown.filter((t) => t.includes('/11')));
    await expect.poll(async () => (await shown()).length).toBeGreaterThan(0);
    expect((await shown())[0]).toContain(words['zh-cn'].position(0, 11));
    const track = sim.locator('.sim-track');
    expect(await track.locator('li').count()).toBe(11);
    expect(await track.locator('li.is-fault').count()).toBeGreaterThanOrEqual(1);
    expect(await track.getAttribute('aria-label')).toMatch(/^注入故障的步骤：\d/);
    // It plays by itself and stops where the counterexample ends: on the duplicate.
    await expect.poll(() => sim.locator('.sim-position').textContent()).toContain(words['zh-cn'].position(11, 11));
    await expect.poll(() => sim.getByRole('button', { name: words['zh-cn'].play }).count()).toBe(1);
    expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('2 次');
    expect(await sim.locator('.sim-badge.is-violated').count()).toBe(1);
    expect(await track.locator('li[aria-current="step"]').count()).toBe(1);
    await context.close();
  });
});

describe('words on the stage', () => {
  it('no machine state id (camelCase) is visible on the stage after a run', async () => {
    const { context, sim } = await open('en', { viewport: { width: 360, height: 740 } });
    const { step, fault } = effect(sim, 'en');
    while (await fault.isDisabled()) await step.click();
    await fault.click();
    while (!(await step.isDisabled())) await step.click();
    const text = await sim.locator('.sim-stage').innerText();
    expect(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []).toEqual([]);
    await context.close();
  });
});

describe('timers on the simulated clock', () => {
  const kafka = { chapter: 'brokers/kafka', sim: '#auto-commit-crash' };
  /** The first timer on Consumer 1's lane: its words, and how full its bar is (0–1). */
  const sessionTimer = (sim: Locator) =>
    sim
      .locator('.sim-lane--consumer .sim-timer', { hasText: '会话超时' })
      .first()
      .evaluate((li) => ({
        text: li.querySelector('.sim-timer__text')!.textContent,
        full: li.querySelector('.sim-timer__left')!.getBoundingClientRect().width / li.querySelector('.sim-timer__bar')!.clientWidth,
      }));

  /** Crashes the Kafka consumer before its commit: the coordinator starts the member's session timeout. */
  async function crash(sim: Locator) {
    const fault = sim.locator('.sim-faults .sim-fault__button').first();
    while (await fault.isDisabled()) await sim.getByRole('button', { name: words['zh-cn'].step }).click();
    await fault.click();
  }

  it('zh-cn: the session timeout sits on the crashed consumer, full at first, then drains when the clock jumps, in words and as a bar', async () => {
    const { context, sim } = await open('zh-cn', { viewport: { width: 360, height: 740 } }, '', undefined, kafka);
    await crash(sim);
    await expect.poll(() => sessionTimer(sim)).toMatchObject({ text: '会话超时：还剩 45 秒（共 45 秒）', full: 1 });
    // The consumer restarts after 1 s on the simulated clock: the session timeout has run for that long.
    while (!(await sim.locator('.sim-clock').textContent())!.includes('1 秒')) await sim.getByRole('button', { name: words['zh-cn'].step }).click();
    await expect.poll(async () => (await sessionTimer(sim)).text).toBe('会话超时：还剩 44 秒（共 45 秒）');
    await expect.poll(async () => Math.round((await sessionTimer(sim)).full * 45)).toBe(44);
    await context.close();
  });

  it('with reduced motion: the same words and the same bar, standing still', async () => {
    const { context, page, sim } = await open('zh-cn', { viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' }, '', undefined, kafka);
    await crash(sim);
    while (!(await sim.locator('.sim-clock').textContent())!.includes('1 秒')) await sim.getByRole('button', { name: words['zh-cn'].step }).click();
    const now = await sessionTimer(sim); // read at once: nothing is on its way
    expect(now.text).toBe('会话超时：还剩 44 秒（共 45 秒）');
    expect(Math.round(now.full * 45)).toBe(44);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await context.close();
  });
});

describe('injecting a fault from the actor it hits', () => {
  const consumerFaults = { en: 'Faults on Consumer 1', 'zh-cn': '消费者 1 的故障' } as const;

  it(
    'zh-cn, by touch on a phone: the consumer offers its fault from the start, disabled until it is possible, ' + 'a 44 px target; the duplicate follows',
    async () => {
      const { context, sim } = await open('zh-cn', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
      const { step } = effect(sim, 'zh-cn');
      const toggle = sim.getByRole('button', { name: consumerFaults['zh-cn'] });
      expect(await toggle.count()).toBe(1); // there from the first step, like the panel's button
      expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.tap();
      const menu = sim.getByRole('list', { name: consumerFaults['zh-cn'] });
      const fault = menu.getByRole('button', { name: words['zh-cn'].fault });
      expect(await fault.isDisabled()).toBe(true); // nothing to break on the consumer yet
      expect(await fault.getAttribute('title')).toBe('当前这一步不能注入');
      while (await fault.isDisabled()) await step.tap();
      await fault.tap();
      // The same fault as the panel's: spent there too, and the log says the consumer crashed.
      await expect.poll(() => sim.locator('.sim-faults .sim-fault__tip').first().textContent()).toContain('还剩 0 次');
      while ((await sim.locator('.sim-badge.is-violated').count()) === 0 && !(await step.isDisabled())) await step.tap();
      expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('2 次');
      await context.close();
    },
  );

  it('en, by keyboard: Enter opens the menu, Escape closes it, Enter on a fault injects it and focus goes to the step button', async () => {
    const { context, page, sim } = await open('en', { viewport: { width: 1280, height: 900 } });
    const { step } = effect(sim, 'en');
    const toggle = sim.getByRole('button', { name: consumerFaults.en });
    expect(await toggle.count()).toBe(1);
    await step.focus();
    while (await sim.locator('.sim-faults .sim-fault__button').first().isDisabled()) await page.keyboard.press('Enter');
    await toggle.focus();
    expect(await toggle.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    const menu = sim.getByRole('list', { name: consumerFaults.en });
    await expect.poll(() => menu.count()).toBe(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(words.en.fault);
    await page.keyboard.press('Enter');
    await expect.poll(() => step.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await sim.locator('.sim-log').textContent()).toContain('crashed');
    await context.close();
  });

  it('projected: the consumer’s fault menu is on its lane, words at least 24 px', async () => {
    const { context, page, sim } = await open('en', { viewport: { width: 1366, height: 768 } }, `?present=${SIM.slice(1)}`);
    await expect.poll(() => sim.evaluate((el) => el.classList.contains('sim--presenting'))).toBe(true);
    const toggle = sim.getByRole('button', { name: consumerFaults.en });
    while ((await toggle.count()) === 0) await page.keyboard.press('ArrowRight');
    await toggle.click();
    const menu = sim.getByRole('list', { name: consumerFaults.en });
    expect(await seen(menu, false)).toMatchObject({ inside: true, uncovered: true });
    for (const el of [toggle, menu.getByRole('button').first()])
      expect(await el.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(24);
    expect(await sim.locator('.sim-lane--consumer').evaluate((lane, m) => lane.contains(document.getElementById(m)), (await menu.getAttribute('id'))!)).toBe(
      true,
    );
    await context.close();
  });
});

describe('switching the strategy mid-run', () => {
  /** Steps until nothing more can happen. */
  async function runOut(sim: Locator) {
    const step = sim.getByRole('button', { name: words.en.step });
    while (!(await step.isDisabled())) await step.click();
  }

  it(
    'keeps the injected fault across two switches: spent under the inbox (one charge), ' + 'and the duplicate is back under no dedup, with no new press',
    async () => {
      const { context, sim } = await open('en', { viewport: { width: 1280, height: 900 } });
      const { step, fault } = effect(sim, 'en');
      while (await fault.isDisabled()) await step.click();
      await fault.click();
      await runOut(sim);
      expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('2×');
      const strategy = sim.getByLabel('Consumer strategy');
      await strategy.selectOption('inboxInTransaction');
      await expect
        .poll(() => sim.locator('.sim-switched').textContent())
        .toMatch(/“Crash consumer after the write, before the ack” at step \d+ \(was step \d+\)|the same faults at the same steps/);
      await runOut(sim);
      expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('1×');
      // The fault happened in the new run: the log says so, and the panel has none left.
      expect(await sim.locator('.sim-log').textContent()).toContain('Consumer 1 crashed after charging, before its ack.');
      expect(await sim.locator('.sim-faults .sim-fault__tip').first().textContent()).toContain('0 left');
      await strategy.selectOption('none');
      await expect.poll(() => sim.locator('.sim-switched').textContent()).toMatch(/Crash consumer after the write|the same faults at the same steps/);
      await runOut(sim);
      expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('2×');
      expect(await sim.locator('.sim-badge.is-violated').count()).toBe(1);
      await context.close();
    },
  );

  it('a replayed counterexample switched to another strategy keeps its fault (one charge under the inbox), and says how', async () => {
    const { context, sim } = await open('en', { viewport: { width: 1280, height: 900 } });
    await sim.getByRole('combobox', { name: /Speed/ }).selectOption('fast');
    await sim.getByRole('button', { name: words.en.explore }).click();
    await sim.getByRole('button', { name: words.en.replay }).click();
    await expect.poll(() => sim.getByRole('button', { name: words.en.play }).count()).toBe(1);
    await sim.getByLabel('Consumer strategy').selectOption('inboxInTransaction');
    const note = () => sim.locator('.sim-switched').textContent();
    // Either every step of the counterexample still happens where it did, or the fault moved and the note says the order was dropped.
    await expect
      .poll(note)
      .toMatch(
        new RegExp(
          String.raw`the same faults at the same steps\.$|“Crash consumer after the write, before the ack” at step \d+ \(was step \d+\)\. ` +
            String.raw`The chosen order of steps \(from a counterexample\) belongs to the old strategy`,
        ),
      );
    await runOut(sim);
    expect(await sim.locator('.sim-log').textContent()).toContain('Consumer 1 crashed after charging, before its ack.');
    expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('1×');
    await context.close();
  });
});
