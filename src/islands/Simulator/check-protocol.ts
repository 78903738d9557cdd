/** Messages between the page and the checker worker. Every reply carries the request's id. */
import type { CheckResult } from '../../sim/base';

/** Page → worker. */
export interface CheckRequest {
  type: 'check';
  requestId: number;
  scenarioId: string;
}

/** Worker → page. */
export type CheckReply =
  | { type: 'progress'; requestId: number; states: number; transitions: number }
  | { type: 'result'; requestId: number; result: CheckResult; ms: number }
  | { type: 'error'; requestId: number; message: string };
