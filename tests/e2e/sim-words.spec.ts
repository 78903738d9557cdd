import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { protocols } from '../../src/sim';
import { useBrowser, useTheme, watchPage } from './browser';

/**
 * The simulator's words and the classroom: states named for people in both languages, every step
 * narrated, a log that follows the newest line, presenter links and notes, the embed code, the
 * strategy switch that keeps the run, and the small things (headers, badges, icons, touch targets).
 */
const siteUrl = inject('siteUrl');
const browserOf = useBrowser();
const acks = (lang: 'en' | 'zh-cn') => `${siteUrl}${lang}/concepts/acknowledgements/`;

/** Chapters with simulators (same paths in both languages). */
const chapters = [
  'concepts/acknowledgements/',
  'concepts/why-duplicates-happen/',
  'concepts/idempotent-consumers/',
  'concepts/deduplication/',
  'concepts/not-losing-messages/',
  'concepts/ordering-backlog-retries/',
  'brokers/kafka/',
  'brokers/rabbitmq/',
  'brokers/rocketmq/',
  'brokers/jetstream/',
  'brokers/pulsar/',
  'myths/',
  'production/frameworks/',
  'production/at-scale/',
];

/** Every machine state whose id is camelCase (`awaitingConfirm`, `gaveUp` …), read from the machines. */
const camelStates = [...new Set(Object.values(protocols).flatMap((p) => p!.machines.flatMap((m) => Object.keys(m.machine.root.states))))].filter((s) =>
  /[A-Z]/.test(s),
);
const allStates = new Set(Object.values(protocols).flatMap((p) => p!.machines.flatMap((m) => Object.keys(m.machine.root.states))));

async function openPage(
  url: string,
  options: Parameters<ReturnType<typeof browserOf>['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browserOf().newContext(options);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return { context, page };
}

/** Scrolls a simulator into view and waits until its island has hydrated. */
async function hydrate(page: Page, id: string): Promise<Locator> {
  const sim = page.locator(`section.sim[id="${id}"]`);
  await sim.scrollIntoViewIfNeeded();
  await page.waitForFunction((i) => !document.getElementById(i)?.closest('astro-island')?.hasAttribute('ssr'), id);
  return sim;
}

/** Steps a simulator in the page (injecting its first fault once, when possible) until it can go no further or `max` steps. */
async function playThrough(page: Page, id: string, max = 40) {
  await page.evaluate(
    async ([i, limit]) => {
      const sim = document.getElementById(i as string)!;
      const step = sim.querySelector<HTMLButtonElement>('.sim-controls .sim-primary')!;
      const position = () => sim.querySelector('.sim-position')!.textContent;
      let injected = false;
      const changed = async (before: string | null) => {
        while (position() === before) await new Promise((r) => setTimeout(r));
      };
      for (let n = 0; n < (limit as number) && !step.disabled; n++) {
        const fault = sim.querySelector<HTMLButtonElement>('.sim-fault__button:not(:disabled)');
        const before = position();
        if (fault && !injected) {
          injected = true;
          fault.click();
        } else step.click();
        await changed(before);
      }
    },
    [id, max] as const,
  );
}

describe('states and actors are named for people', () => {
  /** What a simulator shows that names a machine state or an actor by its id. */
  const leaksIn = (id: string, when: string, text: string, laneStates: string[]) => {
    const out: string[] = [];
    for (const s of camelStates) if (new RegExp(`\\b${s}\\b`).test(text)) out.push(`${id} (${when}): ${s}`);
    for (const s of laneStates) if (allStates.has(s)) out.push(`${id} (${when}): lane state ${s}`);
    const actorId = text.match(/(?:→ |: |、|, )c\d\b|\bc\d#\d/);
    if (actorId) out.push(`${id} (${when}): actor id “${actorId[0]}”`);
    return out;
  };
  const shown = (page: Page) =>
    page
      .locator('section.sim')
      .evaluateAll((els) =>
        els.map((e) => ({ id: e.id, text: (e as HTMLElement).innerText, states: [...e.querySelectorAll<HTMLElement>('.sim-state')].map((x) => x.innerText) })),
      );

  for (const lang of ['en', 'zh-cn'] as const) {
    for (const chapter of chapters) {
      it(`${lang}/${chapter}: no machine state id or actor id is visible in any simulator, as served and after a run`, async () => {
        const { context, page } = await openPage(`${siteUrl}${lang}/${chapter}`);
        const leaks: string[] = [];
        // As served: the server-rendered first frame.
        const served = await shown(page);
        expect(served.length).toBeGreaterThan(0);
        for (const sim of served) leaks.push(...leaksIn(sim.id, 'served', sim.text, sim.states));
        // After a run: every simulator hydrated, then all played through at once.
        for (const { id } of served) await hydrate(page, id);
        await Promise.all(served.map(({ id }) => playThrough(page, id)));
        for (const sim of await shown(page)) leaks.push(...leaksIn(sim.id, 'after a run', sim.text, sim.states));
        expect(leaks).toEqual([]);
        await context.close();
      });
    }
  }
});

describe('every step narrates, and the log follows it', () => {
  for (const [path, id] of [
    ['concepts/acknowledgements/', 'crash-after-write'],
    ['brokers/kafka/', 'auto-commit-crash'],
  ] as const) {
    it(`${path}#${id}: after each step the log's newest line is in view and the live region says what the step did`, async () => {
      const { context, page } = await openPage(`${siteUrl}en/${path}`);
      const sim = await hydrate(page, id);
      const step = sim.locator('.sim-controls .sim-primary');
      const log = sim.locator('.sim-log');
      // One fault on the way (the first that becomes possible), so the log outgrows its box.
      const fault = sim.locator('.sim-fault__button:not(:disabled)').first();
      let injected = false;
      for (let n = 1; n <= 20 && !(await step.isDisabled()); n++) {
        if (!injected && (await fault.count()) > 0) {
          injected = true;
          await fault.click();
        } else await step.click();
        await expect.poll(() => sim.locator('.sim-position').textContent()).toContain(`Step ${n}`);
        // This step wrote at least one line, and it is the one in view at the bottom of the box.
        expect(await log.locator('li.is-current').count(), `step ${n}`).toBeGreaterThan(0);
        const inView = await log.evaluate((box) => {
          const last = box.lastElementChild!.getBoundingClientRect();
          const frame = box.getBoundingClientRect();
          return last.bottom <= frame.bottom + 1 && last.top >= frame.top - 1;
        });
        expect(inView, `step ${n}: newest log line in view`).toBe(true);
        expect(await sim.locator('.sim-narration').textContent(), `step ${n}`).toMatch(new RegExp(`^Step ${n}: [A-Z]`));
      }
      // Scrolled up to read, the box stays where the reader left it.
      expect(await log.evaluate((box) => box.scrollHeight > box.clientHeight + 100)).toBe(true);
      await log.evaluate((box) => {
        box.scrollTop = 0;
        box.dispatchEvent(new Event('scroll'));
      });
      await sim.locator('.sim-controls button').first().click(); // Back
      await step.click();
      expect(await log.evaluate((box) => box.scrollTop)).toBe(0);
      await context.close();
    });
  }
});

describe('classroom', () => {
  it('?present=<id> opens presenter mode on load, for a simulator far down the page, with the speaker notes hidden', async () => {
    const { context, page } = await openPage(`${acks('en')}?present=ttl-too-short`);
    const sim = page.locator('#ttl-too-short');
    await expect.poll(() => sim.evaluate((el) => el.classList.contains('sim--presenting'))).toBe(true);
    expect(await sim.evaluate((el) => el.matches(':popover-open'))).toBe(true);
    expect(await sim.getByRole('complementary', { name: 'Speaker notes' }).count()).toBe(0);
    await page.keyboard.press('N');
    expect(await sim.getByRole('complementary', { name: 'Speaker notes' }).isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await sim.locator('.sim-position').textContent()).toContain('Step 1');
    await context.close();
  });

  it('the embed code allows full screen, carries the theme, and its iframe grows to fit the simulator', async () => {
    const context = await browserOf().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await useTheme(page, 'dark');
    const problems = await watchPage(page, siteUrl);
    await page.goto(acks('en'), { waitUntil: 'networkidle' });
    const sim = await hydrate(page, 'crash-after-write');
    await sim.getByRole('button', { name: 'Copy embed code' }).click();
    const code = await sim.locator('.sim-share input').inputValue();
    expect(code).toContain(`src="${siteUrl}en/embed/manual-ack-crash-after-effect/?theme=dark"`);
    expect(code).toContain('allow="fullscreen"');
    expect(code).toContain('<script>');
    // Paste it into a page of ours (same origin as the embed, as a course page would be to itself).
    await page.goto(`${siteUrl}404.html`);
    await page.setContent(`<main style="width:900px"><h1>Lecture 3</h1>${code}</main>`);
    const iframe = page.locator('iframe[data-redelivery-lab]');
    const frame = page.frameLocator('iframe[data-redelivery-lab]');
    await frame.locator('section.sim').waitFor();
    expect(await frame.locator('html').getAttribute('data-theme')).toBe('dark');
    const content = () => frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await iframe.evaluate((f) => f.getBoundingClientRect().height)) - (await content()))).toBeLessThanOrEqual(2);
    expect(problems.foreignRequests).toEqual([]);
    await context.close();
  });
});

describe('switching the strategy', () => {
  it('keeps the injected fault and replays it under the new strategy, and says so', async () => {
    const { context, page } = await openPage(acks('en'));
    const sim = await hydrate(page, 'crash-after-write');
    const fault = sim.getByRole('button', { name: /Crash consumer after the write/ });
    while (await fault.isDisabled()) await sim.getByRole('button', { name: 'Step →' }).click();
    await fault.click();
    await playThrough(page, 'crash-after-write', 60);
    expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('2×');
    await sim.getByLabel('Consumer strategy').selectOption('inboxInTransaction');
    await expect
      .poll(() => sim.locator('.sim-switched').textContent())
      .toMatch(/“Crash consumer after the write, before the ack” at step \d+ \(was step \d+\)|the same faults at the same steps/);
    await playThrough(page, 'crash-after-write', 60);
    expect(await sim.locator('.sim-ledger__actual').first().textContent()).toBe('1×');
    expect(await sim.locator('.sim-log').textContent()).toContain('Consumer 1 crashed after charging, before its ack.');
    await context.close();
  });

  it('a strategy picked before the simulator hydrated is kept', async () => {
    const { context, page } = await openPage(acks('en'));
    const select = page.locator('#crash-after-write .sim-strategy select');
    expect(await page.locator('#crash-after-write').evaluate((el) => el.closest('astro-island')!.hasAttribute('ssr'))).toBe(true);
    // As a reader would with the server-rendered control, without scrolling (which would hydrate it).
    await select.evaluate((el: HTMLSelectElement) => {
      el.value = 'inboxInTransaction';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const sim = await hydrate(page, 'crash-after-write');
    await expect.poll(() => sim.locator('.sim-strategy + .sim-note').textContent()).toContain('The unique key and the business write commit together');
    expect(await select.inputValue()).toBe('inboxInTransaction');
    await sim.getByRole('button', { name: 'Step →' }).click();
    expect(await select.inputValue()).toBe('inboxInTransaction');
    await context.close();
  });
});

describe('the small things', () => {
  it('on a phone: ledger headers keep their words whole, badges read status first, the present icon is drawn, controls are 44 px tall', async () => {
    const { context, page } = await openPage(acks('en'), { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const sim = await hydrate(page, 'crash-after-write');
    for (const th of await sim.locator('.sim-ledger thead th').all()) {
      const lines = await th.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines, (await th.textContent()) ?? '').toBeLessThanOrEqual(1);
    }
    await playThrough(page, 'crash-after-write', 60);
    expect(await sim.locator('.sim-badge.is-violated').innerText()).toMatch(/^✗ Broken: No duplicate · go to step \d+$/);
    const present = sim.getByRole('button', { name: 'Present', exact: true });
    // Drawn in CSS (a mask of four corners), since the ⛶ glyph is missing from many fonts.
    expect(
      await present.evaluate((el) => [getComputedStyle(el, '::before').maskImage.startsWith('url('), parseFloat(getComputedStyle(el, '::before').width) > 0]),
    ).toEqual([true, true]);
    expect(await present.textContent()).not.toContain('⛶');
    const short = await sim
      .locator('button:visible, select:visible, summary:visible')
      .evaluateAll((els) =>
        els
          .filter((e) => e.getBoundingClientRect().height < 44)
          .map((e) => `${e.tagName} ${e.textContent?.trim().slice(0, 30)} ${e.getBoundingClientRect().height}`),
      );
    expect(short).toEqual([]);
    await context.close();
  });

  it('Kafka: the producer lane agrees with the settings strip, which is titled by what it lists', async () => {
    const { context, page } = await openPage(`${siteUrl}en/brokers/kafka/`);
    const sim = await hydrate(page, 'auto-commit-crash');
    expect(await sim.locator('.sim-settings').textContent()).toMatch(/enable\.idempotence\s*true/);
    expect(await sim.locator('.sim-settings summary').textContent()).toMatch(/^Client settings/);
    expect(await sim.locator('.sim-lane--producer').innerText()).not.toContain('enable.idempotence=false');
    await playThrough(page, 'auto-commit-crash', 8);
    expect(await sim.locator('.sim-lane--producer').innerText()).toMatch(/Producer id \d+, sequence \d+/);
    await context.close();
  });

  it('the quiz legend sits inside its box at full width on a phone', async () => {
    const { context, page } = await openPage(acks('en'), { viewport: { width: 360, height: 740 } });
    const item = page.locator('.quiz-item').first();
    await item.scrollIntoViewIfNeeded();
    const box = await item.evaluate((li) => {
      const fs = li.querySelector('fieldset')!.getBoundingClientRect();
      const lg = li.querySelector('legend')!.getBoundingClientRect();
      return { top: lg.top - fs.top, width: lg.width, inner: li.querySelector('fieldset')!.clientWidth };
    });
    expect(box.top).toBeGreaterThan(0); // below the border, not across it
    expect(box.width).toBeGreaterThan(box.inner - 30);
    await context.close();
  });
});

describe('nothing in English on Chinese pages', () => {
  it('the search dialog speaks Chinese, and simulator internals are not in the index', async () => {
    const { context, page } = await openPage(`${siteUrl}zh-cn/concepts/idempotent-consumers/`);
    await page.getByRole('button', { name: '搜索' }).click();
    await page.locator('#starlight__search input').fill('幂等');
    const message = page.locator('.pagefind-ui__message');
    await expect.poll(() => message.textContent()).toMatch(/^找到 \d+ 条与“幂等”相关的结果$/);
    // The acknowledgements chapter as Pagefind indexed it: the simulators' titles, none of their controls.
    // (A string, so the test runner does not rewrite the page's own dynamic import.)
    const content = await page.evaluate<string | null>(`(async () => {
      const pagefind = await import(${JSON.stringify(`${siteUrl}pagefind/pagefind.js`)});
      const found = await pagefind.search('ack');
      for (const r of found.results) {
        const data = await r.data();
        if (data.url.includes('/zh-cn/concepts/acknowledgements/')) return data.content;
      }
      return null;
    })()`);
    expect(content).toContain('手动 ack，写入后崩溃');
    for (const internal of ['复制日志（JSON）', '事件日志', '复制嵌入代码', '第 0 步', '时钟 0 秒']) expect(content, internal).not.toContain(internal);
    await context.close();
  });
});
