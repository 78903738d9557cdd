import { describe, expect, inject, it } from 'vitest';
import { useBrowser, watchPage } from './browser';

/** The embed route: one simulator, no site chrome, usable inside an iframe on someone else's page. */
const siteUrl = inject('siteUrl');
const browserOf = useBrowser();

describe('embed route', () => {
  for (const [lang, title, step] of [
    ['en', 'Manual ack, crash after the write', 'Step →'],
    ['zh-cn', '手动 ack，写入后崩溃', '下一步 →'],
  ] as const) {
    it(`renders the ${lang} simulator alone inside an iframe, and it works there`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      const problems = await watchPage(page, siteUrl);
      const src = `${siteUrl}${lang}/embed/manual-ack-crash-after-effect/`;
      await page.goto(`${siteUrl}404.html`); // any page of ours as the host
      await page.setContent(`<main><h1>Lecture 3</h1><iframe src="${src}" title="simulator" style="width:900px;height:900px;border:0"></iframe></main>`);
      const frame = page.frameLocator('iframe');
      const sim = frame.locator('section.sim');
      await sim.waitFor();
      expect(await sim.getByRole('heading', { name: title }).count()).toBe(1);
      // No Starlight chrome: no header, sidebar, search or table of contents.
      for (const chrome of ['header.header', 'nav.sidebar', '#starlight__sidebar', 'site-search', 'starlight-toc']) {
        expect(await frame.locator(chrome).count(), chrome).toBe(0);
      }
      await frame.locator('astro-island:not([ssr])').waitFor();
      await sim.getByRole('button', { name: step }).click();
      await sim.getByRole('button', { name: step }).click();
      expect(await sim.locator('.sim-position').textContent()).toMatch(/2/);
      expect(problems.foreignRequests).toEqual([]);
      await context.close();
    });
  }

  it('also answers at the short address /embed/<scenario>/ (English)', async () => {
    const context = await browserOf().newContext();
    const page = await context.newPage();
    const res = await page.goto(`${siteUrl}embed/lost-confirm-retry/`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('section.sim .sim-title').textContent()).toBe('Lost confirm, producer retries');
    expect(await page.locator('header.header').count()).toBe(0);
    await context.close();
  });

  it('copies an embed code that points at this route', async () => {
    const context = await browserOf().newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${siteUrl}en/concepts/acknowledgements/`, { waitUntil: 'networkidle' });
    const sim = page.locator('#crash-after-write');
    await sim.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => !document.querySelector('#crash-after-write')?.closest('astro-island')?.hasAttribute('ssr'));
    await sim.getByRole('button', { name: 'Copy embed code' }).click();
    const code = await sim.locator('.sim-share input').inputValue();
    const [iframe, script] = code.split(/(?<=<\/iframe>)/);
    expect(iframe).toBe(
      `<iframe data-redelivery-lab src="${siteUrl}en/embed/manual-ack-crash-after-effect/?theme=light" ` +
        'title="Manual ack, crash after the write" width="100%" height="900" style="border:0;width:100%" loading="lazy" allow="fullscreen"></iframe>',
    );
    expect(script).toMatch(/^<script>addEventListener\("message",.*<\/script>$/);
    const res = await page.request.get(`${siteUrl}en/embed/manual-ack-crash-after-effect/`);
    expect(res.status()).toBe(200);
    await context.close();
  });
});
