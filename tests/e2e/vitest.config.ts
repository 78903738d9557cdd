import { defineConfig } from 'vitest/config';
import LongestFirst from './sequencer.ts';
import { HOOK_TIMEOUT, TEST_TIMEOUT, WAIT } from './waits.ts';

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
    // Conditions are waited for, never timed; the limits live in waits.ts, sized for a busy 2-core
    // machine, so a loaded machine is slow, not red.
    testTimeout: TEST_TIMEOUT,
    hookTimeout: HOOK_TIMEOUT,
    expect: { poll: { timeout: WAIT } },
    // Two cores: one Chromium per worker, two workers, the longest files first.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
