/**
 * Below the stage: the search bounds, "Explore every schedule" (the checker in a worker), share and
 * embed links, what the search found, and the button that replays its shortest counterexample.
 */
import { useEffect, useState } from 'preact/hooks';
import { encodeRun, type Scenario, type Timeline } from '../../sim/base';
import { boundsText, type FaultWords } from '../bounds';
import type { Lang, SimLabels } from './describe';
import { useExplore } from './use-explore';

interface Props {
  id: string;
  tl: Timeline;
  /** The scenario the page shows (share and embed name it, whatever strategy is chosen). */
  base: Scenario;
  title: string;
  lang: Lang;
  /** The faults' names, in the page's language. */
  faults: FaultWords;
  labels: SimLabels;
  explore: ReturnType<typeof useExplore>;
  replay(steps: string[]): void;
}

/** The explore, share and embed panel. */
export function ExplorePanel({ id, tl, base, title, lang, labels, faults, explore: x, replay }: Props) {
  const [shareText, setShareText] = useState<{ message: string; url: string } | null>(null);
  // A link shown for an earlier run would not be this one: it goes when the run moves.
  useEffect(() => setShareText(null), [tl]);
  const { view } = x;

  // The link and the clipboard code load on the first click.
  const offer = async (link: (m: typeof import('./on-demand')) => string, done: string) => {
    const m = await import('./on-demand');
    const url = link(m);
    setShareText({ message: (await m.copyText(url)) ? done : labels['sim.shareManual'], url });
  };
  const share = () => offer((m) => m.shareUrl(id, encodeRun(tl)), labels['sim.shareCopied']);
  const copyEmbed = () => offer((m) => m.embedHere(base.id, title, lang), labels['sim.embedCopied']);

  return (
    <div class="sim-explore">
      <p class="sim-note">{boundsText(tl.scenario, lang, labels, faults)}</p>
      {view?.running ? (
        <button type="button" onClick={x.cancel}>
          {labels['sim.cancel']}
        </button>
      ) : (
        <button type="button" onClick={() => x.start(tl.scenario.id)}>
          {labels['sim.explore']}
        </button>
      )}
      <button type="button" onClick={share}>
        {labels['sim.share']}
      </button>
      <button type="button" onClick={copyEmbed}>
        {labels['sim.embed']}
      </button>
      <div class="sim-explore__status" role="status" aria-live="polite">
        {view?.text}
        {shareText && (
          <span class="sim-share">
            {' '}
            {shareText.message}
            <input
              type="text"
              readOnly
              value={shareText.url}
              aria-label={labels['sim.share']}
              onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
            />
          </span>
        )}
      </div>
      {view?.steps && view.scenarioId === tl.scenario.id && (
        <button type="button" class="sim-primary" onClick={() => replay(view.steps!)}>
          {labels['sim.replay']}
        </button>
      )}
    </div>
  );
}
