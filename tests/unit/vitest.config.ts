import { defineConfig } from 'vitest/config';

/** Unit and property tests: pure TypeScript, no browser, no build. */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts'],
  },
});
