/**
 * Turns a reader's TypeScript into a handler function: strip types (sucrase, which keeps line
 * numbers), wrap as CommonJS, evaluate, and find `handle`. Problems come back with a line and column
 * in the reader's own source.
 */
import { transform } from 'sucrase';
import type { Handler } from '../sim/base';
import type { SourceProblem } from './protocol';

/**
 * The result of compiling reader code: a handler (from a first instance of the module) and a way to
 * make fresh instances, or what went wrong and at which stage.
 */
export type Compiled =
  | { ok: true; handler: Handler; instantiate: () => Handler; locate: (error: unknown) => SourceProblem }
  | { ok: false; stage: 'syntax' | 'evaluation'; problem: SourceProblem };

/** Lines `new Function` puts before the body (`function anonymous(exports,module\n) {`), plus our "use strict" line. */
const WRAPPER_LINES = 3;

/** Compiles and evaluates `source`; `handle` must be an exported function. */
export function compileHandler(source: string): Compiled {
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], production: true, disableESTransforms: true }).code;
  } catch (error) {
    const e = error as Error & { loc?: { line: number; column: number } };
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    return { ok: false, stage: 'syntax', problem: { message, line: e.loc?.line ?? null, column: e.loc ? e.loc.column + 1 : null } };
  }
  // Sucrase puts its CommonJS preamble on the first line; columns there are shifted by its length.
  const firstLineShift = Math.max(0, (code.split('\n')[0] ?? '').length - (source.split('\n')[0] ?? '').length);
  const locate = (error: unknown): SourceProblem => {
    const e = error instanceof Error ? error : new Error(String(error));
    const match = /<anonymous>:(\d+):(\d+)/.exec(e.stack ?? '');
    const message = `${e.name}: ${e.message}`;
    if (!match) return { message, line: null, column: null };
    const line = Number(match[1]) - WRAPPER_LINES;
    const column = Number(match[2]) - (line === 1 ? firstLineShift : 0);
    return line > 0 ? { message, line, column: Math.max(1, column) } : { message, line: null, column: null };
  };
  let factory: (exports: Record<string, unknown>, module: { exports: Record<string, unknown> }) => void;
  const exports: Record<string, unknown> = {};
  try {
    factory = new Function('exports', 'module', `"use strict";\n${code}`) as typeof factory;
    factory(exports, { exports });
  } catch (error) {
    return { ok: false, stage: 'evaluation', problem: locate(error) };
  }
  if (typeof exports.handle !== 'function') {
    return { ok: false, stage: 'evaluation', problem: { message: 'export a function named handle(msg, ctx)', line: null, column: null } };
  }
  /** A fresh instance of the module: its top-level code runs again, so its variables start over. */
  const instantiate = (): Handler => {
    const fresh: Record<string, unknown> = {};
    factory(fresh, { exports: fresh });
    return fresh.handle as Handler;
  };
  return { ok: true, handler: exports.handle as Handler, instantiate, locate };
}
