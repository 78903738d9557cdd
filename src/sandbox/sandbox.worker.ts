/// <reference lib="webworker" />
/**
 * The sandbox: runs readers' handlers and the checker in a dedicated worker. Before any reader code
 * runs, the worker takes away what a handler must not have — network, nested workers, messaging,
 * closing itself, clocks and randomness (they would break replay) — and freezes the built-in
 * prototypes so reader code cannot tamper with the engine that shares this realm. Code that never
 * returns is the host's job: it terminates this worker after 1 s of silence. The clock starts when
 * this worker says it is ready, so a slow phone loading the engine is not mistaken for a stuck handler.
 */
import { createTimeline, fromSteps, ModuleStateError, runUntilQuiescent } from '../sim';
import { gradeLab, prepare } from './grade';
import { labDefinitions } from './lab-definitions';
import type { SandboxReply, SandboxRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope & Record<string, unknown>;
const post = scope.postMessage.bind(scope);
const now = performance.now.bind(performance);
const reply = (message: SandboxReply) => post(message);

function lockDown() {
  const denied = (name: string) => () => {
    throw new Error(`${name} is not available to handlers`);
  };
  const block = (target: object, name: string) => {
    try {
      Object.defineProperty(target, name, { value: denied(name), writable: false, configurable: false });
    } catch {
      /* already locked */
    }
  };
  for (const name of [
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'EventSource',
    'importScripts',
    'Worker',
    'SharedWorker',
    'BroadcastChannel',
    'postMessage',
    'close',
    'setTimeout',
    'setInterval',
    'queueMicrotask',
    'requestAnimationFrame',
  ]) {
    block(scope, name);
  }
  // The prototype chain of the global scope carries postMessage/close/importScripts too.
  for (let proto = Object.getPrototypeOf(scope); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of ['postMessage', 'close', 'importScripts', 'fetch']) if (Object.hasOwn(proto, name)) block(proto, name);
  }
  for (const name of ['indexedDB', 'caches', 'navigator']) {
    try {
      Object.defineProperty(scope, name, { get: denied(name), configurable: false });
    } catch {
      /* not configurable in this browser */
    }
  }
  Math.random = denied('Math.random');
  Date.now = denied('Date.now');
  for (const ctor of [
    Object,
    Array,
    Function,
    String,
    Number,
    Boolean,
    Symbol,
    Error,
    TypeError,
    RangeError,
    Map,
    Set,
    WeakMap,
    Promise,
    RegExp,
    JSON,
    Math,
    Reflect,
  ]) {
    Object.freeze(ctor);
    if ('prototype' in ctor && ctor.prototype) Object.freeze(ctor.prototype);
  }
}

self.onmessage = (event: MessageEvent<SandboxRequest>) => {
  const request = event.data;
  const lab = labDefinitions[request.labId];
  if (!lab) {
    reply({ type: 'compileError', requestId: request.requestId, problem: { message: `unknown lab ${request.labId}`, line: null, column: null } });
    return;
  }
  if (request.type === 'check') {
    const started = now();
    // The same grading as the tests and `npm run grade`: every step on a fresh instance of the module.
    const g = gradeLab(lab, request.source, { progressEvery: 200, onProgress: (states) => reply({ type: 'progress', requestId: request.requestId, states }) });
    if (g.problem && (g.problem.stage === 'syntax' || g.problem.stage === 'evaluation')) {
      reply({ type: g.problem.stage === 'syntax' ? 'compileError' : 'runtimeError', requestId: request.requestId, problem: g.problem });
      return;
    }
    reply({ type: 'checked', requestId: request.requestId, grade: g, ms: now() - started });
    return;
  }
  const prepared = prepare(lab, request.source);
  if ('problem' in prepared) {
    reply({ type: prepared.problem.stage === 'syntax' ? 'compileError' : 'runtimeError', requestId: request.requestId, problem: prepared.problem });
    return;
  }
  try {
    const tl = request.steps ? fromSteps(prepared.scenario, request.steps) : runUntilQuiescent(createTimeline(prepared.scenario), 400);
    reply({ type: 'ran', requestId: request.requestId, frames: tl.frames, scenarioId: prepared.scenario.id, thrown: prepared.thrown() });
  } catch (error) {
    const problem = error instanceof ModuleStateError ? { message: error.message, line: null, column: null } : prepared.locate(error);
    reply({ type: 'runtimeError', requestId: request.requestId, problem });
  }
};

lockDown();
reply({ type: 'ready' });
