/**
 * The simulator's controls: a bar that stays on screen while the reader scrolls the stage (back, step,
 * play, where the run is), and a row of the rest (speed, skip to the next timer, reset, presenter mode).
 */
import { fmt, formatDuration, type Lang, type SimLabels } from './describe';
import type { Presenter } from './use-presenter';
import { delays, type Run, type Speed } from './use-timeline';

/** Back, step, play/pause, and the position: "Step 3/11" and a track marking the fault steps when a counterexample is loaded. */
export function ControlBar({ run, labels, lang }: { run: Run; labels: SimLabels; lang: Lang }) {
  const { tl, loaded, playing, canForward } = run;
  const n = tl.cursor;
  return (
    <div class="sim-controls sim-bar" role="group" aria-label={labels['sim.controls']}>
      <button type="button" onClick={run.back} disabled={n === 0}>
        ← {labels['sim.back']}
      </button>
      <button type="button" onClick={run.forward} disabled={!canForward} class="sim-primary">
        {labels['sim.step']} →
      </button>
      <button type="button" onClick={run.togglePlay} disabled={!playing && !canForward} aria-pressed={playing}>
        {playing ? `❚❚ ${labels['sim.pause']}` : `▶ ${labels['sim.play']}`}
      </button>
      <span class="sim-position">
        {loaded && n <= loaded.total ? fmt(labels['sim.positionOf'], { n, total: loaded.total }) : fmt(labels['sim.position'], { n })} ·{' '}
        <span class="sim-clock" role="timer" aria-live="off">
          {fmt(labels['sim.clock'], { time: formatDuration(tl.frames[n]!.world.time, lang) })}
        </span>
      </span>
      {loaded && (
        <ol class="sim-track" aria-label={fmt(labels['sim.faultMarks'], { steps: loaded.faults.join(', ') })}>
          {Array.from({ length: loaded.total }, (_, i) => (
            <li key={i} class={loaded.faults.includes(i + 1) ? 'is-fault' : undefined} aria-current={i + 1 === n ? 'step' : undefined} />
          ))}
        </ol>
      )}
    </div>
  );
}

/** Speed, skip to the next timer, reset, and presenter mode. */
export function MoreControls({ run, stage, labels }: { run: Run; stage: Presenter; labels: SimLabels }) {
  const { tl } = run;
  return (
    <div class="sim-controls">
      <label class="sim-speed">
        {labels['sim.speed']}
        <select value={run.speed} onChange={(e) => run.setSpeed((e.currentTarget as HTMLSelectElement).value as Speed)}>
          {(Object.keys(delays) as Speed[]).map((k) => (
            <option value={k}>{labels[`sim.speed.${k}`]}</option>
          ))}
        </select>
      </label>
      <button type="button" onClick={run.skipToTimer} disabled={!run.hasTimer && tl.cursor === tl.frames.length - 1}>
        ⇥ {labels['sim.skipTimer']}
      </button>
      <button type="button" onClick={run.restart} disabled={tl.cursor === 0}>
        ↺ {labels['sim.reset']}
      </button>
      {stage.presenting ? (
        <button type="button" onClick={stage.exit}>
          ✕ {labels['sim.exitPresent']}
        </button>
      ) : (
        <button type="button" class="sim-present" onClick={() => stage.present()}>
          {labels['sim.present']}
        </button>
      )}
    </div>
  );
}
