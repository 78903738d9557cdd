import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  loadedScenarios,
  protocolOf,
  atQuiescence,
  createTimeline,
  currentWorld,
  enabledSteps,
  encodeRun,
  faultInfo,
  findScenario,
  fromSteps,
  inject,
  isQuiescent,
  openRun,
  ReplayError,
  reset,
  seek,
  stepBack,
  stepForward,
  stepKey,
  strategies,
  traceOf,
  withStrategy,
  type CheckResult,
  type FaultKind,
  type Scenario,
  type StrategyId,
  type Timeline,
} from '../../sim/base';
import { CheckerClient } from './checker-client';
import { actorName, describeEvent, fmt, formatDuration, type Lang, type SimLabels } from './describe';
import { boundsText } from '../bounds';
import { EventLog, Invariants, Lanes, Ledger, Settings, StateView } from './views';
import './Simulator.css';

/** Props from the `.astro` wrapper. */
export interface SimulatorProps {
  /** Unique on the page; share links name it. */
  id: string;
  scenarioId: string;
  /** Strategies the reader may switch between (the scenario's own is preselected). */
  strategies?: StrategyId[] | undefined;
  lang: Lang;
  labels: SimLabels;
  /** Rendered on the embed route (no page around it). */
  embedded?: boolean | undefined;
  /** The scenario's words in the page's language (they stay out of the bundle). */
  text: { title: string; lesson: string; notes?: string | undefined };
  /** Checked against a real broker: which, and where the method and results are. */
  checked?: { broker: string; version: string; href: string } | undefined;
}

type Explore =
  | { status: 'idle' }
  | { status: 'running'; states: number }
  | { status: 'done'; result: CheckResult; ms: number; scenarioId: string }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

const delays = { slow: 1400, normal: 700, fast: 250 } as const;

/** Faults that hit one consumer: one button per consumer. */
const perConsumer = new Set<FaultKind>([
  'crashConsumerBeforeEffect',
  'crashConsumerAfterEffect',
  'crashConsumerAfterAck',
  'crashConsumerBeforeCommit',
  'crashConsumerBeforePersist',
  'exceedMaxPollInterval',
  'failHandler',
  'failConsumption',
]);

/** The presenter-mode icon (four corners): drawn, since the ⛶ glyph is missing from many system fonts. */
function PresentIcon() {
  return (
    <svg class="sim-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

/** First step at which the ledger showed a duplicate, or null. */
function firstDuplicate(tl: Timeline): number | null {
  for (let i = 0; i <= tl.cursor; i++) {
    const ledger = tl.frames[i]!.world.stores.ledger;
    if (Object.values(ledger).some((n) => n > 1)) return i;
  }
  return null;
}

/** The step at which the run settled with a message never applied, or null. */
function settledLoss(tl: Timeline): number | null {
  const world = currentWorld(tl);
  if (!isQuiescent(world)) return null;
  // The checker's rule: applied, or (a poison message) parked in a dead-letter queue.
  const handled = (m: Scenario['messages'][number]) => (m.poison ? world.stores.dead.includes(m.key) : (world.stores.ledger[m.key] ?? 0) > 0);
  return tl.scenario.messages.every(handled) ? null : tl.cursor;
}

/**
 * The simulator readers break things with: lanes, ledger, invariant badges, state machines and a log,
 * all pure views of (timeline, cursor). Buttons only move the timeline or inject a fault.
 */
export default function Simulator({ id, scenarioId, strategies: choices, lang, labels, embedded = false, text, checked }: SimulatorProps) {
  const base = useMemo(() => findScenario(scenarioId, loadedScenarios())!, [scenarioId]);
  const [tl, setTl] = useState<Timeline>(() => createTimeline(base));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<keyof typeof delays>('normal');
  const [notice, setNotice] = useState<string | null>(null);
  const [shareText, setShareText] = useState<{ message: string; url?: string } | null>(null);
  const [explore, setExplore] = useState<Explore>({ status: 'idle' });
  const [logCopied, setLogCopied] = useState(false);
  const [presenting, setPresenting] = useState(false);
  // Speaker notes hold the answer: hidden in presenter mode until the presenter asks for them (N).
  const [notesShown, setNotesShown] = useState(false);
  const [switchNote, setSwitchNote] = useState<string | null>(null);
  const checker = useRef<CheckerClient | null>(null);
  const root = useRef<HTMLElement>(null);

  // The timeline as of the last render, for work that finishes after an await.
  const tlNow = useRef(tl);
  tlNow.current = tl;
  const scenario: Scenario = tl.scenario;
  const world = currentWorld(tl);
  const frame = tl.frames[tl.cursor]!;
  const quiescent = atQuiescence(tl);
  const trace = useMemo(() => traceOf(tl), [tl]);
  const canForward = tl.cursor < tl.frames.length - 1 || !quiescent;

  // On hydration: a share link for this widget (replay it, or say clearly why not and keep the
  // default); choices the reader made in the server-rendered controls before the island woke up (Preact
  // keeps the DOM's value while hydrating, so it is still there to read); and `?present=<id>`, which
  // the wrapper's script scrolled into view so that this island hydrates first.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const el = root.current;
    const early = el?.querySelector<HTMLSelectElement>('.sim-strategy select')?.value as StrategyId | undefined;
    const earlySpeed = el?.querySelector<HTMLSelectElement>('.sim-speed select')?.value;
    if (earlySpeed && earlySpeed in delays) setSpeed(earlySpeed as keyof typeof delays);
    if (params.get('sim') === id) {
      const opened = openRun(params.get('run'), loadedScenarios());
      const baseId = (params.get('run') ?? '').split('.')[1]?.split('~')[0];
      if (opened.ok && baseId === base.id) {
        setTl(opened.value);
      } else {
        const reason = opened.ok ? `scenario ${opened.value.scenario.id}` : opened.error.message;
        setNotice(fmt(labels['sim.badLink'], { reason }));
      }
      el?.scrollIntoView({ block: 'start' });
    } else if (early && early !== base.strategy && choices?.includes(early)) {
      void chooseStrategy(early);
    }
    if (params.get('present') === id) present(false);
  }, []);

  // Play: one step per tick until nothing more can happen.
  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(
      () => {
        const next = stepForward(tl);
        if (next === tl) setPlaying(false);
        else setTl(next);
      },
      window.matchMedia('(prefers-reduced-motion: reduce)').matches ? Math.max(delays[speed], 600) : delays[speed],
    );
    return () => window.clearTimeout(timer);
  }, [playing, tl, speed]);

  useEffect(() => () => checker.current?.cancel(), []);

  // Presenter mode: the whole screen is the simulator, so arrow keys, F, N and Esc work anywhere. A layout
  // effect, so the keys work from the moment the presenter view is drawn.
  useLayoutEffect(() => {
    if (!presenting) return;
    // The top layer (a manual popover) lifts the simulator above the page's own stacking contexts
    // (header, sidebars), with or without full screen.
    const el = root.current;
    try {
      el?.showPopover?.();
    } catch {
      /* already shown, or not supported: the fixed overlay still covers most of the page */
    }
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea')) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') {
        event.preventDefault();
        setTl((t) => stepForward(t));
      } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
        event.preventDefault();
        setTl((t) => stepBack(t));
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        setNotesShown((shown) => !shown);
      } else if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        const fault = root.current?.querySelector<HTMLButtonElement>('.sim-fault__button:not(:disabled)');
        (fault ?? root.current?.querySelector<HTMLElement>('.sim-faults'))?.focus();
      } else if (event.key === ' ' && !target.closest('button, a, summary')) {
        event.preventDefault();
        setPlaying((p) => !p);
      } else if (event.key === 'Escape') {
        setPresenting(false);
      }
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement) setPresenting(false);
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
      setNotesShown(false);
    };
  }, [presenting]);

  /** Presenter mode; full screen too when a click asked for it (browsers refuse it on page load), else the overlay covers the page. */
  function present(fullscreen = true) {
    setPlaying(false);
    setPresenting(true);
    if (fullscreen) void root.current?.requestFullscreen?.().catch(() => undefined);
    root.current?.focus();
  }

  const move = (next: Timeline) => {
    setShareText(null);
    setSwitchNote(null);
    setTl(next);
  };
  const forward = () => move(stepForward(tl));
  // Runs on until the next timer has fired (a timeout, a retry delay, a periodic commit), so nobody
  // waits out five simulated minutes step by step.
  const skipToTimer = () => {
    setPlaying(false);
    let t = tl;
    for (let i = 0; i < 500; i++) {
      const next = stepForward(t);
      if (next === t) break;
      t = next;
      if (t.frames[t.cursor]!.step?.startsWith('t:')) break;
    }
    move(t);
  };
  const hasTimer = world.timers.length > 0 && (world.horizon === undefined || world.timers.some((x) => x.deadline <= world.horizon!));
  const back = () => {
    setPlaying(false);
    move(stepBack(tl));
  };
  const restart = () => {
    setPlaying(false);
    move(reset(tl));
  };
  const injectStep = (key: string) => {
    setPlaying(false);
    try {
      move(inject(tl, key));
    } catch (error) {
      if (!(error instanceof ReplayError)) throw error;
    }
  };
  // The same run under another strategy: the faults replayed, and a sentence saying how (or why one
  // could not be). Loaded when a reader switches, so it costs nothing before.
  async function chooseStrategy(strategy: StrategyId) {
    setPlaying(false);
    setExplore({ status: 'idle' });
    const { switchStrategy, switchNote } = await import('./switch-strategy');
    const switched = switchStrategy(tlNow.current, withStrategy(base, strategy));
    move(switched.timeline);
    setSwitchNote(switchNote(switched, { labels, lang, title: strategies[strategy].title[lang], consumers: Object.keys(currentWorld(switched.timeline).consumers).length }));
  }

  const copyEmbed = async () => {
    const { embedCode } = await import('./embed-code');
    const code = embedCode({
      origin: window.location.origin,
      base: import.meta.env.BASE_URL,
      lang,
      scenarioId: base.id,
      title: text.title,
      theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
    });
    try {
      await navigator.clipboard.writeText(code);
      setShareText({ message: labels['sim.embedCopied'], url: code });
    } catch {
      setShareText({ message: labels['sim.shareManual'], url: code });
    }
  };

  const share = async () => {
    const url = new URL(window.location.href);
    url.searchParams.set('sim', id);
    url.searchParams.set('run', encodeRun(tl));
    url.hash = id;
    try {
      await navigator.clipboard.writeText(url.toString());
      setShareText({ message: labels['sim.shareCopied'], url: url.toString() });
    } catch {
      setShareText({ message: labels['sim.shareManual'], url: url.toString() });
    }
  };

  const copyLog = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(trace, null, 2));
      setLogCopied(true);
    } catch {
      setLogCopied(false);
    }
  };

  const startExplore = () => {
    checker.current ??= new CheckerClient();
    setExplore({ status: 'running', states: 0 });
    const target = scenario.id;
    checker.current.start(target, {
      onProgress: (states) => setExplore({ status: 'running', states }),
      onResult: (result, ms) => setExplore({ status: 'done', result, ms, scenarioId: target }),
      onError: (message) => setExplore({ status: 'failed', message }),
    });
  };
  const cancelExplore = () => {
    checker.current?.cancel();
    setExplore({ status: 'cancelled' });
  };
  const replay = (steps: string[]) => {
    setPlaying(false);
    const replayed = fromSteps(scenario, steps, tl.spec.seed);
    move(seek(reset(replayed), 0));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (presenting) return; // the window-wide presenter keys handle it
    const target = event.target as HTMLElement;
    // The log is a scroll box: its arrow keys scroll it.
    if (target.closest('button, input, select, textarea, a, summary, .sim-log')) return;
    if (event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      setPlaying((p) => !p);
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      forward();
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault();
      back();
    }
  };

  // Faults: one button per (fault, target) the scenario allows; enabled only when it can happen now.
  const enabled = new Set(enabledSteps(world).map(stepKey));
  const faultButtons = (Object.keys(scenario.faults) as FaultKind[]).flatMap((fault) => {
    const targets = perConsumer.has(fault) ? Object.keys(world.consumers) : [null];
    return targets.map((target) => {
      const key = [...enabled].find((k) => k.startsWith(`f:${fault}:`) && (target === null || k === `f:${fault}:${target}`));
      const left = world.budget[fault] ?? 0;
      const who = target && Object.keys(world.consumers).length > 1 ? ` (${actorName(target, labels)})` : '';
      return { id: `${fault}-${target ?? 'any'}`, fault, key, left, label: `${faultInfo[fault][lang]}${who}`, tip: faultInfo[fault].tip[lang] };
    });
  });

  const duplicateAt = firstDuplicate(tl);
  const lossAt = settledLoss(tl);
  // What the last step did, announced politely; the step number keeps two alike steps from sounding like one.
  const narration = tl.cursor === 0 ? '' : `${fmt(labels['sim.position'], { n: tl.cursor })}${lang === 'zh-cn' ? '：' : ': '}${frame.events.map((e) => describeEvent(e, scenario, labels, lang)).join(' ')}`;
  // A scenario may break without any fault (a poison message, broadcasting): say so rather than list nothing.
  const counterexamples = explore.status === 'done' ? Object.values(explore.result.counterexamples) : [];
  const shortest = counterexamples.sort((a, b) => a!.steps.length - b!.steps.length)[0];

  return (
    <section
      ref={root}
      id={id}
      class={`sim not-content${embedded ? ' sim--embedded' : ''}${presenting ? ' sim--presenting' : ''}`}
      popover={presenting ? 'manual' : undefined}
      tabIndex={0}
      aria-label={fmt(labels['sim.region'], { title: text.title })}
      aria-keyshortcuts="Space ArrowLeft ArrowRight"
      onKeyDown={onKeyDown}
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
          <button type="button" class="sim-notes-toggle" aria-expanded={notesShown} aria-controls={`${id}-notes`} aria-keyshortcuts="N" onClick={() => setNotesShown(!notesShown)}>
            {notesShown ? labels['sim.notes.hide'] : labels['sim.notes.show']} <kbd>N</kbd>
          </button>
        )}
        {presenting && text.notes && notesShown && (
          <aside id={`${id}-notes`} class="sim-notes" aria-label={labels['sim.notes']}>
            <strong>{labels['sim.notes']}{lang === 'zh-cn' ? '：' : ':'}</strong> {text.notes}
          </aside>
        )}
        {notice && (
          <p class="sim-notice" role="alert">
            {notice}
          </p>
        )}
      </header>

      <div data-pagefind-ignore="all" class="sim-controls" role="group" aria-label={labels['sim.controls']}>
        <button type="button" onClick={back} disabled={tl.cursor === 0}>
          ← {labels['sim.back']}
        </button>
        <button type="button" onClick={forward} disabled={!canForward} class="sim-primary">
          {labels['sim.step']} →
        </button>
        <button type="button" onClick={() => setPlaying(!playing)} disabled={!playing && !canForward} aria-pressed={playing}>
          {playing ? `❚❚ ${labels['sim.pause']}` : `▶ ${labels['sim.play']}`}
        </button>
        <label class="sim-speed">
          {labels['sim.speed']}
          <select value={speed} onChange={(e) => setSpeed((e.currentTarget as HTMLSelectElement).value as keyof typeof delays)}>
            <option value="slow">{labels['sim.speed.slow']}</option>
            <option value="normal">{labels['sim.speed.normal']}</option>
            <option value="fast">{labels['sim.speed.fast']}</option>
          </select>
        </label>
        <button type="button" onClick={skipToTimer} disabled={!hasTimer && tl.cursor === tl.frames.length - 1}>
          ⇥ {labels['sim.skipTimer']}
        </button>
        <button type="button" onClick={restart} disabled={tl.cursor === 0}>
          ↺ {labels['sim.reset']}
        </button>
        {presenting ? (
          <button type="button" onClick={() => setPresenting(false)}>
            ✕ {labels['sim.exitPresent']}
          </button>
        ) : (
          <button type="button" onClick={() => present()}>
            <PresentIcon /> {labels['sim.present']}
          </button>
        )}
        <span class="sim-position">
          {fmt(labels['sim.position'], { n: tl.cursor })} ·{' '}
          <span class="sim-clock" role="timer" aria-live="off">
            {fmt(labels['sim.clock'], { time: formatDuration(world.time, lang) })}
          </span>
        </span>
      </div>
      <p data-pagefind-ignore="all" class="sim-keys">{presenting ? labels['sim.presentKeys'] : labels['sim.keys']}</p>

      {choices && choices.length > 1 && (
        <label data-pagefind-ignore="all" class="sim-strategy">
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
      {choices && choices.length > 1 && scenario.strategy !== 'custom' && <p class="sim-note" data-pagefind-ignore="all">{strategies[scenario.strategy].summary[lang]}</p>}
      <p class="sim-switched" data-pagefind-ignore="all" role="status" aria-live="polite" hidden={!switchNote}>
        {switchNote}
      </p>

      <Settings rows={protocolOf(scenario.protocol ?? 'ack').settings(scenario)} labels={labels} lang={lang} />

      <fieldset data-pagefind-ignore="all" class="sim-faults" tabIndex={-1}>
        <legend>{labels['sim.faults']}</legend>
        {faultButtons.length === 0 && <p class="sim-note">{labels['sim.faults.none']}</p>}
        {faultButtons.map((f) => (
          <span class="sim-fault" key={f.id}>
            <button
              type="button"
              class="sim-fault__button"
              disabled={!f.key}
              title={f.tip}
              aria-describedby={`${id}-${f.id}-tip`}
              onClick={() => f.key && injectStep(f.key)}
            >
              ⚡ {f.label}
            </button>
            <span id={`${id}-${f.id}-tip`} class="sim-fault__tip">
              {f.key ? f.tip : labels['sim.faultUnavailable']} · {fmt(labels['sim.faultsLeft'], { n: f.left })}
            </span>
          </span>
        ))}
      </fieldset>

      <div data-pagefind-ignore="all" class="sim-main">
        <Lanes scenario={scenario} world={world} labels={labels} lang={lang} />
        <div class="sim-side">
          <Ledger scenario={scenario} world={world} trace={trace} quiescent={quiescent} labels={labels} lang={lang} />
          <Invariants duplicateAt={duplicateAt} lossAt={lossAt} quiescent={quiescent} labels={labels} onSeek={(n) => move(seek(tl, n))} />
          {quiescent && tl.cursor === tl.frames.length - 1 && <p class="sim-note">{labels['sim.quiescent']}</p>}
        </div>
      </div>

      <div data-pagefind-ignore="all" class="sim-narration sim-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {narration}
      </div>

      <details class="sim-details" open data-pagefind-ignore="all">
        <summary>{labels['sim.log']}</summary>
        <EventLog frames={tl.frames} cursor={tl.cursor} scenario={scenario} labels={labels} lang={lang} />
        <button type="button" onClick={copyLog} disabled={trace.length === 0}>
          {labels['sim.copyLog']}
        </button>
        {logCopied && <span class="sim-note"> {labels['sim.logCopied']}</span>}
      </details>

      <details class="sim-details" data-pagefind-ignore="all">
        <summary>{labels['sim.states']}</summary>
        <StateView world={world} labels={labels} lang={lang} />
      </details>

      <div data-pagefind-ignore="all" class="sim-explore">
        <p class="sim-note">{boundsText(scenario, lang, labels)}</p>
        {explore.status === 'running' ? (
          <button type="button" onClick={cancelExplore}>
            {labels['sim.cancel']}
          </button>
        ) : (
          <button type="button" onClick={startExplore}>
            {labels['sim.explore']}
          </button>
        )}{' '}
        <button type="button" onClick={share}>
          {labels['sim.share']}
        </button>{' '}
        <button type="button" onClick={copyEmbed}>
          {labels['sim.embed']}
        </button>
        <div class="sim-explore__status" role="status" aria-live="polite">
          {explore.status === 'running' && fmt(labels['sim.exploring'], { states: explore.states })}
          {explore.status === 'cancelled' && labels['sim.cancelled']}
          {explore.status === 'failed' && fmt(labels['sim.exploreFailed'], { reason: explore.message })}
          {explore.status === 'done' && (
            <>
              {fmt(labels['sim.explored'], { states: explore.result.states, transitions: explore.result.transitions, ms: Math.round(explore.ms) })}{' '}
              {shortest
                ? fmt(labels['sim.violationFound'], { steps: shortest.steps.length })
                : explore.result.end === 'exhausted'
                  ? labels['sim.allHold']
                  : fmt(labels['sim.unknown'], { states: explore.result.states })}
            </>
          )}
          {shareText && (
            <span class="sim-share">
              {' '}
              {shareText.message}
              {shareText.url && <input type="text" readOnly value={shareText.url} aria-label={labels['sim.share']} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />}
            </span>
          )}
        </div>
        {explore.status === 'done' && shortest && explore.scenarioId === scenario.id && (
          <button type="button" class="sim-primary" onClick={() => replay(shortest.steps)}>
            {labels['sim.replay']}
          </button>
        )}
      </div>
    </section>
  );
}
