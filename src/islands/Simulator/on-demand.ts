/**
 * What the simulator needs only once a reader clicks, loaded then as one file: "Explore every
 * schedule" (starts the checker worker and words what it reports in the reader's language), the
 * share link, the embed code and the clipboard, the state-machine view, and presenter mode's
 * page-wide part.
 */
import { CheckerClient } from './checker-client';
export { copyText, embedHere, shareUrl } from './share-link';
export { StateView } from './StateView';
import { fmt, type SimLabels } from './describe';

/** What the explore panel shows: a sentence, and the shortest counterexample's steps when one was found. */
export interface ExploreView {
  running: boolean;
  text: string;
  /** The scenario searched: a replay is offered only while the simulator still shows it. */
  scenarioId: string;
  steps?: string[] | undefined;
}

/** Starts a search for `scenarioId` (cancelling one still running) and reports it through `show`. */
export function exploreSchedules(client: CheckerClient | null, scenarioId: string, labels: SimLabels, show: (view: ExploreView) => void): CheckerClient {
  const checker = client ?? new CheckerClient();
  checker.start(scenarioId, {
    onProgress: (states) => show({ running: true, text: fmt(labels['sim.exploring'], { states }), scenarioId }),
    onResult(result, ms) {
      // A scenario may break without any fault: then there is no counterexample to replay, only the verdict.
      const shortest = Object.values(result.counterexamples).sort((a, b) => a!.steps.length - b!.steps.length)[0];
      const verdict = shortest
        ? fmt(labels['sim.violationFound'], { steps: shortest.steps.length })
        : result.end === 'exhausted'
          ? labels['sim.allHold']
          : fmt(labels['sim.unknown'], { states: result.states });
      show({
        running: false,
        text: `${fmt(labels['sim.explored'], { states: result.states, transitions: result.transitions, ms: Math.round(ms) })} ${verdict}`,
        scenarioId,
        steps: shortest?.steps,
      });
    },
    onError: (message) => show({ running: false, text: fmt(labels['sim.exploreFailed'], { reason: message }), scenarioId }),
  });
  return checker;
}

/**
 * Presenter mode's page-wide part, for the simulator `el`: the top layer (a manual popover lifts it
 * above the page's own stacking contexts: header, sidebars), the keys anywhere on the page, and
 * leaving full screen ends it. Returns what undoes all three.
 */
export function presenterMode(el: HTMLElement | null, onKey: (event: KeyboardEvent) => void, exit: () => void): () => void {
  try {
    el?.showPopover?.();
  } catch {
    /* already shown, or not supported: the fixed overlay still covers most of the page */
  }
  const onFullscreen = () => {
    if (!document.fullscreenElement) exit();
  };
  window.addEventListener('keydown', onKey);
  document.addEventListener('fullscreenchange', onFullscreen);
  return () => {
    window.removeEventListener('keydown', onKey);
    document.removeEventListener('fullscreenchange', onFullscreen);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    try {
      el?.hidePopover?.();
    } catch {
      /* not shown */
    }
  };
}
