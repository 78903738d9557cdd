/**
 * Plays a "predict what happens" question on the engine: inject each fault as soon as it is
 * possible (taking default steps until then), then run to quiescence. The quiz widget shows this
 * run, and the unit tests check the answer key against it.
 */
// The quizzes replay the generic queue's scenarios.
import '../sim/protocols/ack/register';
import {
  loadedScenarios,
  createTimeline,
  currentWorld,
  enabledSteps,
  findScenario,
  inject,
  runUntilQuiescent,
  stepForward,
  stepKey,
  type Timeline,
} from '../sim/base';
import type { PredictQuestion } from './types';

/** The run for a predict question. Throws if a fault never becomes possible (a broken question). */
export function playPrediction(q: Pick<PredictQuestion, 'scenario' | 'faults'>): Timeline {
  const scenario = findScenario(q.scenario, loadedScenarios());
  if (!scenario) throw new Error(`unknown scenario ${q.scenario}`);
  let tl = createTimeline(scenario);
  for (const fault of q.faults) {
    for (let i = 0; ; i++) {
      const key = enabledSteps(currentWorld(tl))
        .map(stepKey)
        .find((k) => k === fault || k.startsWith(`${fault}:`));
      if (key) {
        tl = inject(tl, key);
        break;
      }
      const next = stepForward(tl);
      if (next === tl || i > 500) throw new Error(`fault ${fault} never becomes possible in ${q.scenario}`);
      tl = next;
    }
  }
  return runUntilQuiescent(tl);
}

/** How many times the run charged the scenario's first message. */
export function chargesOf(tl: Timeline): number {
  const key = tl.scenario.messages[0]!.key;
  return currentWorld(tl).stores.ledger[key] ?? 0;
}
