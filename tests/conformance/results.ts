/**
 * The conformance results, written for the site: per scenario, the broker and version it was
 * checked against, and whether the simulator did the same. `npm run test:conformance` rewrites
 * content/conformance/results.json; the file is committed so the site builds without brokers.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One checked scenario, or one rule of the database and cache model (src/sim/store). */
export interface ConformanceResult {
  scenario: string;
  /** The real server: a broker, or PostgreSQL / Redis for the store rules. */
  broker: string;
  version: string;
  outcome: 'same' | 'different';
  /** What the real broker's consumers observed, normalised (the lines compared). */
  compared: string[];
  /** How the run was set up (settings shortened, how a fault was reproduced), in both languages. */
  note: Words;
  /** A store rule's name on the site (a broker scenario's comes from the simulator's scenario). */
  title?: Words;
}

/** Text for the site, in both of its languages. */
export interface Words {
  en: string;
  'zh-cn': string;
}

/** A scenario not run against the real broker, and why. */
export interface NotChecked {
  scenario: string;
  broker: string;
  reason: Words;
}

const file = fileURLToPath(new URL('../../content/conformance/results.json', import.meta.url));

function load(): { results: ConformanceResult[]; notChecked: NotChecked[] } {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return { results: data.results ?? [], notChecked: data.notChecked ?? [] };
  } catch {
    return { results: [], notChecked: [] };
  }
}

function save(data: { results: ConformanceResult[]; notChecked: NotChecked[] }) {
  const byId = (a: { scenario: string }, b: { scenario: string }) => a.scenario.localeCompare(b.scenario);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ results: [...data.results].sort(byId), notChecked: [...data.notChecked].sort(byId) }, null, 2)}\n`);
}

/** Adds or replaces one scenario's result in the results file. */
export function record(result: ConformanceResult): void {
  const data = load();
  save({ ...data, results: [...data.results.filter((r) => !(r.scenario === result.scenario && r.broker === result.broker)), result] });
}

/** Lists a scenario as not run against the real broker, with the reason. */
export function recordNotChecked(entry: NotChecked): void {
  const data = load();
  save({ ...data, notChecked: [...data.notChecked.filter((r) => !(r.scenario === entry.scenario && r.broker === entry.broker)), entry] });
}

/** Why a consumer-side variant is not run again: the broker's part is the checked scenario's. */
export const sameBroker = (base: string): Words => ({
  en: `the broker behaves as in ${base}; only the consumer's code differs`,
  'zh-cn': `Broker 的行为与 ${base} 相同，只有消费端代码不同`,
});
