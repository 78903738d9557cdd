/**
 * The typed protocol between the page and the sandbox worker that runs readers' code. Requests carry
 * an id; the host ignores replies to requests it has given up on (timeouts, newer requests).
 */
import type { Frame } from '../sim/base';
import type { Grade } from './grade';

/** Page → worker. */
export type SandboxRequest =
  | { type: 'check'; requestId: number; labId: string; source: string }
  | { type: 'run'; requestId: number; labId: string; source: string; steps?: string[] | undefined };

/** Where in the reader's code something went wrong (1-based line and column). */
export interface SourceProblem {
  message: string;
  line: number | null;
  column: number | null;
}

/** Worker → page. */
export type SandboxReply =
  | { type: 'ready' }
  | { type: 'progress'; requestId: number; states: number }
  | { type: 'checked'; requestId: number; grade: Grade; ms: number }
  | { type: 'ran'; requestId: number; frames: Frame[]; scenarioId: string; thrown: SourceProblem | null }
  | { type: 'compileError'; requestId: number; problem: SourceProblem }
  | { type: 'runtimeError'; requestId: number; problem: SourceProblem };
