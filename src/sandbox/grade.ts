/**
 * Grading a reader's handler: one function for the sandbox worker, the tests and the command line
 * (`npm run grade -- <lab-id> <file.ts>`). "passed" only when the search was exhausted and every
 * invariant held; a search that stopped early is "unknown", never passed.
 */
import { check, ModuleStateError, type CheckOptions, type CheckResult, type Handler, type HandlerModule, type InvariantId, type Scenario } from '../sim/base';
import '../sim/engine/handlers';
import { compileHandler } from './compile';
import { boundsOf, labScenario, type Bounds, type LabDefinition } from './lab';
import type { SourceProblem } from './protocol';

/** What grading found. */
export interface Grade {
  verdict: 'passed' | 'failed' | 'unknown';
  /** The violated invariant with the shortest counterexample (failed, with a counterexample). */
  invariant?: InvariantId;
  /** Its steps, to replay in the timeline. */
  steps?: string[];
  /** States explored. */
  states: number;
  /** What the verdict holds under. */
  bounds: Bounds;
  /** Why it failed without a counterexample: the code does not compile, or keeps module state. */
  problem?: SourceProblem & { stage: 'syntax' | 'evaluation' | 'moduleState' | 'runtime' };
  /** Where the reader's code first threw during the search, if it did. */
  thrown?: SourceProblem;
  /** The checker's whole result (absent when the code did not compile). */
  result?: CheckResult;
}

/** A lab scenario built from a reader's source, and the first place the reader's code threw. */
export interface Prepared {
  scenario: Scenario;
  locate: (error: unknown) => SourceProblem;
  thrown: () => SourceProblem | null;
}

/**
 * Compiles `source` for `lab`: every step runs on a fresh instance of the module, and a shared
 * instance runs alongside to catch module-level state. Errors escaping `handle` are located once.
 */
export function prepare(lab: LabDefinition, source: string): Prepared | { problem: Grade['problem'] & object } {
  const compiled = compileHandler(source);
  if (!compiled.ok) return { problem: { ...compiled.problem, stage: compiled.stage } };
  let thrown: SourceProblem | null = null;
  const watch =
    (h: Handler): Handler =>
    (message, ctx) => {
      try {
        return h(message, ctx);
      } catch (error) {
        if (error instanceof Error && !thrown) thrown = compiled.locate(error);
        throw error;
      }
    };
  const module: HandlerModule = { fresh: () => watch(compiled.instantiate()), shared: compiled.handler };
  return { scenario: labScenario(lab, module), locate: compiled.locate, thrown: () => thrown };
}

/** The verdict of a finished search. */
export function verdictOf(result: CheckResult): Pick<Grade, 'verdict' | 'invariant' | 'steps'> {
  const broken = Object.entries(result.counterexamples).sort((a, b) => a[1]!.steps.length - b[1]!.steps.length)[0];
  if (broken) return { verdict: 'failed', invariant: broken[0] as InvariantId, steps: broken[1]!.steps };
  const complete = result.end === 'exhausted' && Object.values(result.verdicts).every((v) => v === 'holds');
  return { verdict: complete ? 'passed' : 'unknown' };
}

/** Grades `source` in an already loaded lab (the worker's and the tests' entry). */
export function gradeLab(lab: LabDefinition, source: string, options: CheckOptions = {}): Grade {
  const prepared = prepare(lab, source);
  if ('problem' in prepared) return { verdict: 'failed', states: 0, bounds: boundsOf(labScenario(lab, () => undefined)), problem: prepared.problem };
  const bounds = boundsOf(prepared.scenario);
  let result: CheckResult;
  try {
    // One counterexample is the verdict: the search stops at the first violation (breadth-first, so it
    // is the shortest of the explored space, the one the lab would show anyway), unless the caller
    // asks for particular invariants.
    result = check(prepared.scenario, { maxStates: 1_000_000, ...(options.stopWhen ? {} : { stopAtFirst: true }), ...options });
  } catch (error) {
    const stage = error instanceof ModuleStateError ? 'moduleState' : 'runtime';
    const where = error instanceof ModuleStateError ? { line: null, column: null } : prepared.locate(error);
    return { verdict: 'failed', states: 0, bounds, problem: { ...where, message: error instanceof Error ? error.message : String(error), stage } };
  }
  const thrown = prepared.thrown();
  return { ...verdictOf(result), states: result.states, bounds, result, ...(thrown ? { thrown } : {}) };
}

/** Grades a reader's handler in the lab with this id. */
export async function grade(labId: string, source: string, options: CheckOptions = {}): Promise<Grade> {
  const { labs } = await import('./labs');
  const lab = labs[labId];
  if (!lab) throw new Error(`unknown lab ${labId}; the labs are ${Object.keys(labs).sort().join(', ')}`);
  return gradeLab(lab, source, options);
}
