import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';
import { allScenarios } from '../../src/sim';
import { builtPages, openHydrated, seriousViolations, useBrowser, useTheme, watchPage } from './browser';

/**
 * The every-page checks, shared by pages.spec.ts (English pages, the root) and pages-zh.spec.ts
 * (Chinese pages, phones): two files, so the two browser workers share the longest job.
 */
const siteUrl = inject('siteUrl');
const built = builtPages(fileURLToPath(new URL('../../dist/', import.meta.url)));
/** One English embed page per broker (its first scenario's): each loads its own broker's island. */
const brokerEmbeds = (() => {
  const protocolOf = new Map(allScenarios.map((s) => [s.id, s.protocol ?? 'ack']));
  const first = new Map<string, string>();
  for (const p of built.filter((p) => /^en\/embed\/[^/]+\/$/.test(p)).sort()) {
    const protocol = protocolOf.get(p.split('/')[2]!);
    if (protocol && protocol !== 'ack' && !first.has(protocol)) first.set(protocol, p);
  }
  return new Set(first.values());
})();
// Every page, except that the embed route (one page per scenario and language, all the same
// template) is represented by one scenario per address form, plus one per broker in English.
export const pages = built.filter((p) => !p.includes('embed/') || p.endsWith('embed/manual-ack-crash-after-effect/') || brokerEmbeds.has(p));

/** A phone as the tests hold one: 360 × 740, touch, the mobile viewport rules. */
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/**
 * One test per page: loads cleanly, stays on localhost, no serious or critical axe violation in
 * each of `themes` (the page is loaded once and switched, as the theme picker does). Chinese pages
 * share every component and style with the English ones, so contrast in the dark theme is judged on
 * the English pages and structure on both: the English ones on a desktop, the Chinese ones `onAPhone`
 * (where the page must also fit 360 px without sideways scrolling), so each layout is judged by axe
 * and each page is loaded once for both checks.
 */
export function everyPage(paths: string[], themes: readonly ('light' | 'dark')[], browserOf: ReturnType<typeof useBrowser>, { onAPhone = false } = {}) {
  for (const path of paths) {
    const where = onAPhone ? ', on a 360 px phone' : '';
    const fits = onAPhone ? ', fits without sideways scrolling' : '';
    it(`${path} (${themes.join(' + ')}${where}): loads cleanly, stays on localhost${fits}, has no serious axe violation`, async () => {
      // Every island hydrated, so axe judges what a reader gets, not the server's HTML.
      const {
        context,
        page,
        prepared: problems,
      } = await openHydrated(browserOf(), siteUrl + path, onAPhone ? phone : {}, async (p) => {
        await useTheme(p, themes[0]!);
        return watchPage(p, siteUrl);
      });
      // Expressive Code makes a code block that scrolls focusable from a resize observer; wait for it
      // (if it never does, the wait gives up and axe reports the block below).
      await page
        .waitForFunction(() => [...document.querySelectorAll('pre')].every((p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex')))
        .catch(() => undefined);
      if (onAPhone) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      for (const theme of themes) {
        await page.evaluate((t) => {
          document.documentElement.dataset.theme = t;
        }, theme);
        await page.emulateMedia({ colorScheme: theme });
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        expect(await seriousViolations(page), theme).toEqual([]);
      }
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await context.close();
    });
  }
}

/** One test per page: it fits a 360 px wide phone without sideways scrolling. */
export function everyPageOnAPhone(paths: string[], browserOf: ReturnType<typeof useBrowser>) {
  for (const path of paths) {
    it(`${path} fits a 360 px wide phone without sideways scrolling`, async () => {
      const { context, page } = await openHydrated(browserOf(), siteUrl + path, phone, async () => undefined);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await context.close();
    });
  }
}

/** Pages in Chinese (the zh-cn tree and its embed pages). */
export const isChinese = (p: string) => p.startsWith('zh-cn/');
