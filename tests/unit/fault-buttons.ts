import { faultTargets } from '../../src/islands/Simulator/fault-targets';
import { faultChoices, knowTargets } from '../../src/islands/Simulator/faults';

/** The fault buttons as the island shows them: with the targets the page build found in its props. */
export function buttons(...args: Parameters<typeof faultChoices>): ReturnType<typeof faultChoices> {
  const [scenario] = args;
  knowTargets(scenario.id, faultTargets(scenario));
  return faultChoices(...args);
}
