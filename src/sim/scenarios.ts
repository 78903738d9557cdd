import { describeScenarios, type Scenario, type ScenarioText } from './engine/scenario';

// Each broker's folder holds its scenarios (`*.scenarios.ts`) and their words (`*.scenarios.text.ts`):
// a new broker's are found here without touching this file.
const lists = import.meta.glob<Record<string, unknown>>('./protocols/*/*.scenarios.ts', { eager: true });
const words = import.meta.glob<Record<string, unknown>>('./protocols/*/*.scenarios.text.ts', { eager: true });

/** A module's one export of the given shape (a broker's scenario list, or its words by scenario id). */
function exported<T>(module: Record<string, unknown> | undefined, is: (v: unknown) => boolean, what: string, path: string): T {
  const found = Object.values(module ?? {}).filter(is);
  if (found.length !== 1) throw new Error(`${path} must export exactly one ${what}`);
  return found[0] as T;
}

/** Every built-in scenario with its words, broker by broker (in the order of their folders' names). */
export const allScenarios = Object.keys(lists)
  .sort()
  .flatMap((path) => {
    const textPath = path.replace(/\.scenarios\.ts$/, '.scenarios.text.ts');
    const scenarios = exported<readonly Scenario[]>(lists[path], Array.isArray, 'array of scenarios', path);
    const text = exported<Record<string, ScenarioText>>(
      words[textPath],
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      'record of scenario words',
      textPath,
    );
    return describeScenarios(scenarios, text);
  });
