import AxeBuilder from '@axe-core/playwright';
import { fileURLToPath } from 'node:url';
import { expect, inject, it } from 'vitest';
import { builtPages, useBrowser, useTheme, watchPage } from './browser';

/**
 * The every-page checks, shared by pages.spec.ts (light theme, phones, the root) and
 * pages-dark.spec.ts (dark theme): two files, so the two browser workers share the longest job.
 */
const siteUrl = inject('siteUrl');
// Every page, except that the embed route (one page per scenario and language, all the same
// template) is represented by one scenario per address form, plus one per broker in English.
export const pages = builtPages(fileURLToPath(new URL('../../dist/', import.meta.url))).filter(
  (p) => !p.includes('embed/') || p.endsWith('embed/manual-ack-crash-after-effect/') || /^en\/embed\/(kafka-auto-commit-crash|rabbitmq-crash-requeue|rocketmq-offset-not-persisted)\/$/.test(p),
);

/** One test per page in a theme: loads cleanly, stays on localhost, no serious or critical axe violation. */
export function everyPageIn(theme: 'light' | 'dark', browserOf: ReturnType<typeof useBrowser>) {
  // The root page only redirects; it is checked in its own test.
  for (const path of pages.filter((p) => p !== '')) {
    it(`${path} (${theme}): loads cleanly, stays on localhost, has no serious axe violation`, async () => {
      const context = await browserOf().newContext();
      const page = await context.newPage();
      await useTheme(page, theme);
      const problems = await watchPage(page, siteUrl);
      await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
      // Scroll to the end so every client:visible island hydrates before we judge the page.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);

      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(serious).toEqual([]);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], foreignRequests: [] });
      await context.close();
    });
  }
}
