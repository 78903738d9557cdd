#!/usr/bin/env node
/**
 * Runs a benchmark module through Vite, so it can use what the site's code uses (import.meta.glob,
 * `?raw` imports): `node tests/bench/run.mjs tests/bench/checker.bench.ts [-- args]`.
 */
import { createServer } from 'vite';

const [entry] = process.argv.slice(2).filter((a) => !a.startsWith('--') && a.endsWith('.ts'));
if (!entry) {
  console.error('usage: node tests/bench/run.mjs <bench.ts> [--json FILE]');
  process.exit(2);
}
const server = await createServer({
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  await server.ssrLoadModule(`/${entry}`);
} finally {
  await server.close();
}
