/// <reference lib="webworker" />
/**
 * Runs the exhaustive checker off the main thread, so the page stays responsive while it explores.
 * Cancelling is terminating this worker; progress is posted every few hundred states.
 */
import { allScenarios, check, findScenario } from '../../sim';
import type { CheckReply, CheckRequest } from './check-protocol';

const post = (reply: CheckReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);

self.onmessage = (event: MessageEvent<CheckRequest>) => {
  const { requestId, scenarioId } = event.data;
  const scenario = findScenario(scenarioId, allScenarios);
  if (!scenario) {
    post({ type: 'error', requestId, message: `unknown scenario ${scenarioId}` });
    return;
  }
  try {
    const result = check(scenario, {
      progressEvery: 250,
      onProgress: (states, transitions) => post({ type: 'progress', requestId, states, transitions }),
      now: () => performance.now(),
    });
    post({ type: 'result', requestId, result, ms: result.ms ?? 0 });
  } catch (error) {
    post({ type: 'error', requestId, message: error instanceof Error ? error.message : String(error) });
  }
};
