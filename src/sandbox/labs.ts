/**
 * Every lab in content/labs/, loaded at build time: definitions, and the starter and solution as
 * source text (for the editor) — the same files the unit tests import as code.
 */
import type { LabDefinition } from './lab';

const definitions = import.meta.glob<{ default: LabDefinition }>('../../content/labs/*/lab.ts', { eager: true });
const starters = import.meta.glob<string>('../../content/labs/*/starter.ts', { eager: true, query: '?raw', import: 'default' });
const solutions = import.meta.glob<string>('../../content/labs/*/solution.ts', { eager: true, query: '?raw', import: 'default' });

/** A lab with its sources. */
export interface Lab extends LabDefinition {
  starter: string;
  solution: string;
}

/** All labs, by id. */
export const labs: Record<string, Lab> = Object.fromEntries(
  Object.entries(definitions).map(([path, mod]) => {
    const dir = path.slice(0, path.lastIndexOf('/'));
    const lab = mod.default;
    return [lab.id, { ...lab, starter: starters[`${dir}/starter.ts`] ?? '', solution: solutions[`${dir}/solution.ts`] ?? '' }];
  }),
);
