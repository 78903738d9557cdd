/**
 * Owns the checker worker for one widget: starts a search, reports progress, cancels by terminating
 * the worker (a search is synchronous inside it), and ignores replies to requests it no longer wants.
 */
import type { CheckResult } from '../../sim/base';
import type { CheckReply, CheckRequest } from './check-protocol';

/** Callbacks for one search. */
export interface CheckCallbacks {
  onProgress(states: number): void;
  onResult(result: CheckResult, ms: number): void;
  onError(message: string): void;
}

export class CheckerClient {
  private worker: Worker | null = null;
  private requestId = 0;

  /** Starts a search for `scenarioId`; a search already running is cancelled first. */
  start(scenarioId: string, callbacks: CheckCallbacks): void {
    this.cancel();
    const id = ++this.requestId;
    const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<CheckReply>) => {
      const reply = event.data;
      if (reply.requestId !== this.requestId) return; // stale: a newer search replaced this one
      if (reply.type === 'progress') callbacks.onProgress(reply.states);
      else if (reply.type === 'result') {
        this.dispose();
        callbacks.onResult(reply.result, reply.ms);
      } else {
        this.dispose();
        callbacks.onError(reply.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.dispose();
      callbacks.onError(event.message || 'the checker could not start');
    };
    const request: CheckRequest = { type: 'check', requestId: id, scenarioId };
    worker.postMessage(request);
  }

  /** Stops the running search, if any. */
  cancel(): void {
    this.requestId++;
    this.dispose();
  }

  private dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
