/**
 * Every lab's definition in content/labs/<id>/lab.ts, without its sources: what the browser needs to
 * build the lab's scenario (the island, the sandbox worker). The starter and solution text a page
 * shows come from the server, in the page's language (src/components/CodeLab.astro), so a page never
 * carries every lab's code, nor both languages of it.
 */
import type { LabDefinition } from './lab';

const definitions = import.meta.glob<{ default: LabDefinition }>('../../content/labs/*/lab.ts', { eager: true });

/** All lab definitions, by id. */
export const labDefinitions: Record<string, LabDefinition> = Object.fromEntries(Object.values(definitions).map((mod) => [mod.default.id, mod.default]));
