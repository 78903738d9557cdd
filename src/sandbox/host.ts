/**
 * The page's side of the sandbox: owns the worker, sends typed requests, and enforces the time
 * limit. A worker that stays silent for `limitMs` (a loop that never ends, a handler that never
 * returns) is terminated and replaced, and the caller gets a clear timeout instead of a frozen page.
 */
import type { Frame } from '../sim/base';
import type { Grade } from './grade';
import type { SandboxReply, SandboxRequest, SourceProblem } from './protocol';

/** What a request ended with. */
export type SandboxOutcome =
  | { kind: 'checked'; grade: Grade; ms: number }
  | { kind: 'ran'; frames: Frame[]; scenarioId: string; thrown: SourceProblem | null }
  | { kind: 'compileError'; problem: SourceProblem }
  | { kind: 'runtimeError'; problem: SourceProblem }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'crashed'; message: string }
  | { kind: 'cancelled' };

type Payload = Omit<Extract<SandboxRequest, { type: 'check' }>, 'requestId'> | Omit<Extract<SandboxRequest, { type: 'run' }>, 'requestId'>;

/** How long a new worker may take to load the engine before the page gives up on it. */
const STARTUP_LIMIT_MS = 20_000;

export class SandboxHost {
  private worker: Worker | null = null;
  /** Settles true once the current worker has loaded and locked itself down, false if it never will. */
  private ready: Promise<boolean> | null = null;
  private requestId = 0;
  private pending: { id: number; settle: (o: SandboxOutcome) => void; timer: number } | null = null;

  constructor(
    private readonly createWorker: () => Worker,
    /**
     * Silence longer than this (counted from when the worker is ready) stops the worker. The checker
     * reports every 200 transitions (milliseconds apart), so 3 s only trips on a handler that does not
     * return, not on a busy phone or test machine that starves the worker for a second.
     */
    readonly limitMs = 3000,
  ) {}

  /** Sends one request; a request still running is cancelled first. */
  request(payload: Payload, onProgress?: (states: number) => void): Promise<SandboxOutcome> {
    this.cancel();
    const { worker, ready } = this.ensureWorker();
    const id = ++this.requestId;
    return new Promise((resolve) => {
      this.pending = { id, settle: resolve, timer: 0 };
      void ready.then((ok) => {
        if (this.pending?.id !== id) return; // cancelled while the worker was loading
        if (!ok) {
          this.kill({ kind: 'crashed', message: 'the sandbox could not start' });
          return;
        }
        const arm = () => window.setTimeout(() => this.kill({ kind: 'timeout', limitMs: this.limitMs }), this.limitMs);
        this.pending.timer = arm();
        worker.onmessage = (event: MessageEvent<SandboxReply>) => {
          const reply = event.data;
          if (reply.type === 'ready' || !this.pending || reply.requestId !== this.pending.id) return; // stale
          window.clearTimeout(this.pending.timer);
          if (reply.type === 'progress') {
            this.pending.timer = arm();
            onProgress?.(reply.states);
            return;
          }
          const outcome: SandboxOutcome =
            reply.type === 'checked'
              ? { kind: 'checked', grade: reply.grade, ms: reply.ms }
              : reply.type === 'ran'
                ? { kind: 'ran', frames: reply.frames, scenarioId: reply.scenarioId, thrown: reply.thrown }
                : { kind: reply.type, problem: reply.problem };
          this.settle(outcome);
        };
        worker.onerror = (event) => {
          event.preventDefault();
          this.kill({ kind: 'crashed', message: event.message || 'the sandbox stopped' });
        };
        const request = { ...payload, requestId: id } as SandboxRequest;
        worker.postMessage(request);
      });
    });
  }

  /** Stops whatever is running (the next request gets a fresh worker). */
  cancel(): void {
    if (this.pending) this.kill({ kind: 'cancelled' });
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }

  /** The current worker, or a new one with a promise that settles when it has loaded (or failed to). */
  private ensureWorker(): { worker: Worker; ready: Promise<boolean> } {
    if (!this.worker || !this.ready) {
      const worker = this.createWorker();
      this.worker = worker;
      this.ready = new Promise<boolean>((resolve) => {
        const timer = window.setTimeout(() => resolve(false), STARTUP_LIMIT_MS);
        worker.onmessage = (event: MessageEvent<SandboxReply>) => {
          if (event.data.type !== 'ready') return;
          window.clearTimeout(timer);
          resolve(true);
        };
        worker.onerror = (event) => {
          event.preventDefault();
          window.clearTimeout(timer);
          resolve(false);
        };
      });
    }
    return { worker: this.worker, ready: this.ready };
  }

  private settle(outcome: SandboxOutcome) {
    const p = this.pending;
    this.pending = null;
    if (p) {
      window.clearTimeout(p.timer);
      p.settle(outcome);
    }
  }

  private kill(outcome: SandboxOutcome) {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    this.settle(outcome);
  }
}
