import { defineConfig } from 'vitest/config';

/**
 * Browser tests against the built site (`dist/`, made by `npm run build`), driven by playwright-core
 * and Debian's Chromium. The global setup serves `dist/` on localhost and fails early, with the install
 * command, when Chromium is missing.
 */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.spec.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Conditions are waited for, never timed: a poll gives up only after 30 s, so a loaded machine
    // (two cores shared with builds) is slow, not red.
    expect: { poll: { timeout: 30_000 } },
    // Two cores: one Chromium per worker is plenty.
    maxWorkers: 2,
  },
});
