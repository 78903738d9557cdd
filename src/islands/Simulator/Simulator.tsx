import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  loadedScenarios,
  protocolOf,
  atQuiescence,
  currentWorld,
  findScenario,
  openRun,
  seek,
  strategies,
  traceOf,
  withStrategy,
  type Scenario,
  type StrategyId,
} from '../../sim/base';
import { describeEvent, fmt, simLabels, type Lang } from './describe';
import { ControlBar, MoreControls } from './Controls';
import type { FaultWords } from '../bounds';
import { ExplorePanel } from './ExplorePanel';
import { ActorFaults, FaultPanel } from './FaultPanel';
import { faultChoices, knowTargets, type FaultTargets } from './faults';
import { usePresenter } from './use-presenter';
import { useExplore } from './use-explore';
import { delays, useTimeline, type Speed } from './use-timeline';
import type { StateView } from './StateView';
import { timerViews } from './timers';
import { EventLog, Invariants, Lanes, Ledger, Settings } from './views';
import './Simulator.css';

// The state machines are drawn on the server (the first frame); the browser loads them when a reader opens the fold.
const serverChart = import.meta.env.SSR ? (await import('./StateView')).StateView : null;

/** Props from the `.astro` wrapper. */
export interface SimulatorProps {
  /** Unique on the page; share links name it. */
  id: string;
  scenarioId: string;
  /** Strategies the reader may switch between (the scenario's own is preselected). */
  strategies?: StrategyId[] | undefined;
  lang: Lang;
  /** Rendered on the embed route (no page around it). */
  embedded?: boolean | undefined;
  /** The scenario's words in the page's language (they stay out of the bundle). */
  text: { title: string; lesson: string; notes?: string | undefined; faults: FaultWords };
  /** Checked against a real broker: which, and where the method and results are. */
  checked?: { broker: string; version: string; href: string } | undefined;
  /** Whom each fault can hit, by scenario id (the scenario and its strategy variants), found at build time. */
  targets?: Record<string, FaultTargets> | undefined;
}

/**
 * The simulator readers break things with. One stage holds the controls, the faults, the invariant
 * badges, the ledger and the lanes, so cause and effect share a screen; the log, the settings and the
 * state machines fold away below it. Every view is a pure function of (timeline, cursor); buttons only
 * move the timeline or inject a fault.
 */
export default function Simulator({ id, scenarioId, strategies: choices, lang, embedded = false, text, checked, targets }: SimulatorProps) {
  const labels = simLabels(lang);
  for (const [variant, found] of Object.entries(targets ?? {})) knowTargets(variant, found);
  const base = useMemo(() => findScenario(scenarioId, loadedScenarios())!, [scenarioId]);
  const [notice, setNotice] = useState<string | null>(null);
  const [logCopied, setLogCopied] = useState(false);
  const [switchNote, setSwitchNote] = useState<string | null>(null);
  const [Chart, setChart] = useState<typeof StateView | null>(() => serverChart);
  const root = useRef<HTMLElement>(null);
  const run = useTimeline(base, () => setSwitchNote(null));
  const { tl, setPlaying } = run;
  const explore = useExplore(labels);
  const stage = usePresenter(root, run, () => setPlaying(false));
  const { presenting } = stage;

  // The timeline as of the last render, for work that finishes after an await.
  const tlNow = useRef(tl);
  tlNow.current = tl;
  const scenario: Scenario = tl.scenario;
  const world = currentWorld(tl);
  const frame = tl.frames[tl.cursor]!;
  const quiescent = atQuiescence(tl);
  const trace = useMemo(() => traceOf(tl), [tl]);
  const faults = faultChoices(scenario, world, text.faults, labels, lang);

  // On hydration: a share link for this widget (replay it, or say clearly why not and keep the
  // default); choices the reader made in the server-rendered controls before the island woke up (Preact
  // keeps the DOM's value while hydrating, so it is still there to read); and `?present=<id>`, which
  // the wrapper's script scrolled into view so that this island hydrates first.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const el = root.current;
    const early = el?.querySelector<HTMLSelectElement>('.sim-strategy select')?.value as StrategyId | undefined;
    const earlySpeed = el?.querySelector<HTMLSelectElement>('.sim-speed select')?.value;
    if (earlySpeed && earlySpeed in delays) run.setSpeed(earlySpeed as Speed);
    if (params.get('sim') === id) {
      const opened = openRun(params.get('run'), loadedScenarios());
      const baseId = (params.get('run') ?? '').split('.')[1]?.split('~')[0];
      if (opened.ok && baseId === base.id) {
        run.setTl(opened.value);
      } else {
        const reason = opened.ok ? `scenario ${opened.value.scenario.id}` : opened.error.message;
        setNotice(fmt(labels['sim.badLink'], { reason }));
      }
      el?.scrollIntoView({ block: 'start' });
    } else if (early && early !== base.strategy && choices?.includes(early)) {
      void chooseStrategy(early);
    }
    if (params.get('present') === id) stage.present(false);
  }, []);

  // The same run under another strategy: the faults replayed, and a sentence saying how (or why one
  // could not be). Loaded when a reader switches, so it costs nothing before.
  async function chooseStrategy(strategy: StrategyId) {
    explore.reset();
    const { switchStrategy, switchNote } = await import('./switch-strategy');
    const switched = switchStrategy(tlNow.current, withStrategy(base, strategy));
    run.replace(switched.timeline);
    setSwitchNote(
      switchNote(switched, {
        labels,
        lang,
        title: strategies[strategy].title[lang],
        faults: text.faults,
        consumers: Object.keys(currentWorld(switched.timeline).consumers).length,
      }),
    );
  }

  const copyLog = async () => setLogCopied(await (await import('./on-demand')).copyText(JSON.stringify(trace, null, 2)));

  // What the last step did, announced politely; the step number keeps two alike steps from sounding like one.
  const narration =
    tl.cursor === 0
      ? ''
      : `${fmt(labels['sim.position'], { n: tl.cursor })}${lang === 'zh-cn' ? '：' : ': '}` +
        `${frame.events.map((e) => describeEvent(e, scenario, labels, lang)).join(' ')}`;

  return (
    <section
      ref={root}
      id={id}
      class={`sim not-content${embedded ? ' sim--embedded' : ''}${presenting ? ' sim--presenting' : ''}`}
      popover={presenting ? 'manual' : undefined}
      tabIndex={0}
      aria-label={fmt(labels['sim.region'], { title: text.title })}
      aria-keyshortcuts="Space ArrowLeft ArrowRight"
      onKeyDown={stage.onKeyDown}
    >
      <header class="sim-header">
        <h3 class="sim-title">{text.title}</h3>
        <p class="sim-lesson">{text.lesson}</p>
        {checked && (
          <p class="sim-checked">
            {fmt(labels['sim.checked'], { broker: checked.broker, version: checked.version })} · <a href={checked.href}>{labels['sim.checkedHow']}</a>
          </p>
        )}
        {presenting && text.notes && (
          <button
            type="button"
            class="sim-notes-toggle"
            aria-expanded={stage.notesShown}
            aria-controls={`${id}-notes`}
            aria-keyshortcuts="N"
            onClick={stage.toggleNotes}
          >
            {stage.notesShown ? labels['sim.notes.hide'] : labels['sim.notes.show']} <kbd>N</kbd>
          </button>
        )}
        {presenting && text.notes && stage.notesShown && (
          <aside id={`${id}-notes`} class="sim-notes" aria-label={labels['sim.notes']}>
            <strong>
              {labels['sim.notes']}
              {lang === 'zh-cn' ? '：' : ':'}
            </strong>{' '}
            {text.notes}
          </aside>
        )}
        {notice && (
          <p class="sim-notice" role="alert">
            {notice}
          </p>
        )}
      </header>

      {/* Simulator internals stay out of the search index; `display: contents` keeps the stage in the widget's grid. */}
      <div class="sim-body" data-pagefind-ignore="all">
        {choices && choices.length > 1 && (
          <label class="sim-strategy">
            {labels['sim.strategy']}
            <select value={scenario.strategy} onChange={(e) => void chooseStrategy((e.currentTarget as HTMLSelectElement).value as StrategyId)}>
              {choices.map((s) => (
                <option key={s} value={s}>
                  {strategies[s].title[lang]}
                </option>
              ))}
            </select>
          </label>
        )}
        {choices && choices.length > 1 && scenario.strategy !== 'custom' && <p class="sim-note">{strategies[scenario.strategy].summary[lang]}</p>}
        <p class="sim-switched" role="status" aria-live="polite" hidden={!switchNote}>
          {switchNote}
        </p>

        <div class="sim-stage">
          <ControlBar run={run} labels={labels} lang={lang} />
          <div class="sim-board">
            <FaultPanel id={id} choices={faults} labels={labels} inject={run.injectStep} />
            <div class="sim-side">
              <Invariants tl={tl} labels={labels} lang={lang} onSeek={(n) => run.move(seek(tl, n))} />
              <Ledger scenario={scenario} world={world} trace={trace} quiescent={quiescent} labels={labels} lang={lang} />
              {quiescent && tl.cursor === tl.frames.length - 1 && <p class="sim-note">{labels['sim.quiescent']}</p>}
            </div>
            <Lanes
              scenario={scenario}
              world={world}
              labels={labels}
              lang={lang}
              timers={timerViews(tl, labels, lang)}
              faultsAt={(place, name) => <ActorFaults id={id} place={place} name={name} choices={faults} labels={labels} lang={lang} inject={run.injectStep} />}
            />
          </div>
          <MoreControls run={run} stage={stage} labels={labels} />
          <p class="sim-keys">{presenting ? labels['sim.presentKeys'] : labels['sim.keys']}</p>
        </div>

        <div class="sim-narration sim-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          {narration}
        </div>

        <details class="sim-details" open>
          <summary>{labels['sim.log']}</summary>
          <EventLog frames={tl.frames} cursor={tl.cursor} scenario={scenario} labels={labels} lang={lang} />
          <button type="button" onClick={copyLog} disabled={trace.length === 0}>
            {labels['sim.copyLog']}
          </button>
          {logCopied && <span class="sim-note"> {labels['sim.logCopied']}</span>}
        </details>

        <Settings rows={protocolOf(scenario.protocol ?? 'ack').settings(scenario)} labels={labels} lang={lang} />

        <details
          class="sim-details sim-details--states"
          onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && !Chart && void import('./on-demand').then((m) => setChart(() => m.StateView))}
        >
          <summary>{labels['sim.states']}</summary>
          {Chart && <Chart world={world} labels={labels} lang={lang} />}
        </details>

        <ExplorePanel id={id} tl={tl} base={base} title={text.title} lang={lang} labels={labels} faults={text.faults} explore={explore} replay={run.replay} />
      </div>
    </section>
  );
}
