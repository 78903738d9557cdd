import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../support/static-server.mjs';
import { chromiumPath } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

/** Serves the built site once for every spec file. */
export default async function setup(project: TestProject) {
  const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
  if (!existsSync(`${dist}index.html`)) {
    throw new Error('dist/ has no built site. Run `npm run build` first (or `npm test`, which builds).');
  }
  chromiumPath(); // throws with the install command when Chromium is missing
  const server = await startStaticServer({ root: dist, base: '/' });
  project.provide('siteUrl', server.url);
  return () => server.close();
}
