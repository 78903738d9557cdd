/**
 * The conformance results, written for the site: per scenario, the broker and version it was
 * checked against, and whether the simulator did the same. `npm run test:conformance` rewrites
 * content/conformance/results.json; the file is committed so the site builds without brokers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One checked scenario. */
export interface ConformanceResult {
  scenario: string;
  broker: string;
  version: string;
  outcome: 'same' | 'different';
  /** What the real broker's consumers observed, normalised (the lines compared). */
  compared: string[];
  /** How the run was set up (settings shortened, how a fault was reproduced). */
  note: string;
}

const file = fileURLToPath(new URL('../../content/conformance/results.json', import.meta.url));

/** Adds or replaces one scenario's result in the results file. */
export function record(result: ConformanceResult): void {
  let all: ConformanceResult[] = [];
  try {
    all = JSON.parse(readFileSync(file, 'utf8')).results ?? [];
  } catch {
    all = [];
  }
  all = [...all.filter((r) => !(r.scenario === result.scenario && r.broker === result.broker)), result].sort((a, b) => a.scenario.localeCompare(b.scenario));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ results: all }, null, 2)}\n`);
}
