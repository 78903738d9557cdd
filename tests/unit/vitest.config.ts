import { defineConfig } from 'vitest/config';

/** Unit and property tests: pure TypeScript, no browser, no build. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
    // The protocols' own sentences, as a page hands them to its widgets (see the file).
    setupFiles: ['tests/unit/setup-words.ts'],
    // Property tests run hundreds of cases; on a busy 2-core CI machine 5 s is not enough for some.
    // This is a hang guard, not a speed check (speed is measured by `npm run bench`).
    testTimeout: 60_000,
  },
});
