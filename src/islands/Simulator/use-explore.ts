/**
 * The exhaustive checker as a hook: the worker and the words for its results load on the first
 * search; the panel shows one sentence and, when the search found one, replays the counterexample.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckerClient } from './checker-client';
import { fmt, type SimLabels } from './describe';
import type { ExploreView } from './on-demand';

/** Explore every schedule of a scenario, cancel, and what the last search found. */
export function useExplore(labels: SimLabels) {
  const [view, setView] = useState<ExploreView | null>(null);
  const checker = useRef<CheckerClient | null>(null);
  useEffect(() => () => checker.current?.cancel(), []);
  return {
    view,
    reset: () => setView(null),
    async start(scenarioId: string) {
      setView({ running: true, text: fmt(labels['sim.exploring'], { states: 0 }), scenarioId });
      const { exploreSchedules } = await import('./on-demand');
      checker.current = exploreSchedules(checker.current, scenarioId, labels, setView);
    },
    cancel() {
      checker.current?.cancel();
      setView({ running: false, text: labels['sim.cancelled'], scenarioId: '' });
    },
  };
}
