/**
 * Every lab's starter and solution exist in both languages (content/labs/<id>/starter.ts and
 * starter.zh-cn.ts, solution.ts and solution.zh-cn.ts), and the two are the same program: with the
 * comments removed, TypeScript prints the same source for both. Only the comments are translated —
 * into Chinese, with no English sentence left in them.
 */
import { existsSync, readdirSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { labLangs, labs, sourceFile, type LabSources } from '../../src/sandbox/labs';

const labsDir = new URL('../../content/labs/', import.meta.url);
const kinds: (keyof LabSources)[] = ['starter', 'solution'];

/** The program without its comments, printed by TypeScript (so layout and comments do not count). */
export function codeOf(source: string): string {
  const file = ts.createSourceFile('handler.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const syntax = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (syntax.length > 0) throw new Error(ts.flattenDiagnosticMessageText(syntax[0]!.messageText, '\n'));
  return ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed }).printFile(file);
}

/** The text of every comment in a source, found by TypeScript on the parsed file (not by a regex). */
export function commentsOf(source: string): string[] {
  const file = ts.createSourceFile('handler.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found = new Map<number, string>();
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? [])
      found.set(
        r.pos,
        source
          .slice(r.pos, r.end)
          .replace(/^\/\/ ?|^\/\*+|\*+\/$/g, '')
          .trim(),
      );
  };
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(source, node.pos));
    collect(ts.getTrailingCommentRanges(source, node.end));
    ts.forEachChild(node, visit);
  };
  visit(file);
  collect(ts.getLeadingCommentRanges(source, file.endOfFileToken.pos));
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, text]) => text);
}

const cjk = /[\u3400-\u9fff]/;

describe('the labs’ sources in both languages', () => {
  it('every lab folder has a starter and a solution in every language, and nothing else', () => {
    const folders = readdirSync(labsDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual(Object.keys(labs).sort());
    const expected = ['lab.ts', ...kinds.flatMap((k) => labLangs.map((l) => sourceFile(k, l)))].sort();
    for (const id of folders) {
      expect(readdirSync(new URL(`${id}/`, labsDir)).sort(), id).toEqual(expected);
      for (const name of expected) expect(existsSync(new URL(`${id}/${name}`, labsDir)), `${id}/${name}`).toBe(true);
    }
  });

  for (const lab of Object.values(labs)) {
    for (const kind of kinds) {
      it(`${lab.id}: ${kind}.zh-cn.ts is ${kind}.ts with only the comments translated`, () => {
        const en = lab.sources.en[kind];
        const zh = lab.sources['zh-cn'][kind];
        expect(en).toContain('export function handle');
        expect(zh).not.toBe(en); // not the English fallback
        expect(codeOf(zh)).toBe(codeOf(en));
        const enComments = commentsOf(en);
        const zhComments = commentsOf(zh);
        expect(enComments.length, 'the English has comments').toBeGreaterThan(0);
        expect(zhComments.length, 'the Chinese has comments').toBeGreaterThan(0);
        for (const c of zhComments) {
          expect(c, 'a Chinese comment').toMatch(cjk);
          // Identifiers, API, SQL and config names stay in English; sentences do not.
          const words = c.replace(/`[^`]*`/g, ' ');
          expect(words, 'three English words in a row').not.toMatch(/\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/);
        }
      });
    }
  }
});
