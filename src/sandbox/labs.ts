/**
 * Every lab in content/labs/, loaded at build time: definitions, and the starter and solution as
 * source text (for the editor) — the same files the unit tests import as code. Each lab has them in
 * both languages: `starter.ts` / `solution.ts` with English comments, `starter.zh-cn.ts` /
 * `solution.zh-cn.ts` with the same code and Chinese comments (tests/unit/lab-sources.test.ts checks
 * the code is the same).
 */
import type { LabDefinition } from './lab';
import { labDefinitions } from './lab-definitions';

/** The languages a lab's sources are written in. */
export type LabLang = 'en' | 'zh-cn';
export const labLangs: readonly LabLang[] = ['en', 'zh-cn'];

/** A lab's starter and solution, as text. */
export interface LabSources {
  starter: string;
  solution: string;
}

const raw = import.meta.glob<string>('../../content/labs/*/{starter,solution,starter.zh-cn,solution.zh-cn}.ts', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** The file a lab's starter or solution is in, relative to its folder: `starter.ts`, `solution.zh-cn.ts`. */
export const sourceFile = (which: keyof LabSources, lang: LabLang) => `${which}${lang === 'en' ? '' : `.${lang}`}.ts`;

/** A lab with its sources. `starter` and `solution` are the English ones (what the tests grade). */
export interface Lab extends LabDefinition {
  starter: string;
  solution: string;
  /** The sources in each language; a missing translation falls back to English (a unit test forbids it). */
  sources: Record<LabLang, LabSources>;
}

const read = (id: string, which: keyof LabSources, lang: LabLang) => raw[`../../content/labs/${id}/${sourceFile(which, lang)}`];

/** All labs, by id. */
export const labs: Record<string, Lab> = Object.fromEntries(
  Object.values(labDefinitions).map((lab) => {
    const en = { starter: read(lab.id, 'starter', 'en') ?? '', solution: read(lab.id, 'solution', 'en') ?? '' };
    const zh = { starter: read(lab.id, 'starter', 'zh-cn') ?? en.starter, solution: read(lab.id, 'solution', 'zh-cn') ?? en.solution };
    return [lab.id, { ...lab, ...en, sources: { en, 'zh-cn': zh } }];
  }),
);
