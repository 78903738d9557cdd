import { defineConfig } from 'vitest/config';

// The simulators against real brokers on localhost (`bash scripts/brokers.sh` starts them).
export default defineConfig({
  test: {
    include: ['tests/conformance/**/*.conformance.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
