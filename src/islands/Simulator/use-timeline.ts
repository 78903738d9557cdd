/**
 * The simulator's timeline as a hook: the run, the cursor, play/pause at a speed, and the moves a
 * reader makes. Every move goes through `move`, so notes about the last move clear in one place.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  createTimeline,
  currentWorld,
  fromSteps,
  inject,
  isQuiescent,
  ReplayError,
  reset,
  seek,
  stepBack,
  stepForward,
  type Scenario,
  type Timeline,
} from '../../sim/base';

/** Milliseconds between two steps while playing. */
export const delays = { slow: 1400, normal: 700, fast: 250 } as const;
/** A play speed. */
export type Speed = keyof typeof delays;

/** A counterexample loaded for replay: how many steps it has, and at which a fault is injected. */
export interface Loaded {
  total: number;
  faults: number[];
}

/** The timeline, play state and moves of one simulator. `onMove` runs before every move (to clear notes). */
export type Run = ReturnType<typeof useTimeline>;

export function useTimeline(base: Scenario, onMove: () => void) {
  const [tl, setTl] = useState<Timeline>(() => createTimeline(base));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>('normal');
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  // Play: one step per tick until nothing more can happen, or a replayed counterexample has ended.
  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(
      () => {
        const next = loaded && tl.cursor >= loaded.total ? tl : stepForward(tl);
        if (next === tl) setPlaying(false);
        else setTl(next);
      },
      window.matchMedia('(prefers-reduced-motion: reduce)').matches ? Math.max(delays[speed], 600) : delays[speed],
    );
    return () => window.clearTimeout(timer);
  }, [playing, tl, speed]);

  const move = (next: Timeline) => {
    onMove();
    setTl(next);
  };
  const stop = () => setPlaying(false);
  const world = currentWorld(tl);
  return {
    tl,
    setTl,
    move,
    playing,
    setPlaying,
    togglePlay: () => setPlaying((p) => !p),
    speed,
    setSpeed,
    loaded,
    /** Something can still happen: a frame already made, or a step the world allows. */
    canForward: tl.cursor < tl.frames.length - 1 || !isQuiescent(world),
    forward: () => move(stepForward(tl)),
    back: () => {
      stop();
      move(stepBack(tl));
    },
    restart: () => {
      stop();
      move(reset(tl));
    },
    /** Runs on until the next timer has fired (a timeout, a retry delay, a periodic commit), so nobody waits out five simulated minutes step by step. */
    skipToTimer: () => {
      stop();
      let t = tl;
      for (let i = 0; i < 500; i++) {
        const next = stepForward(t);
        if (next === t) break;
        t = next;
        if (t.frames[t.cursor]!.step?.startsWith('t:')) break;
      }
      move(t);
    },
    hasTimer: world.timers.length > 0 && (world.horizon === undefined || world.timers.some((x) => x.deadline <= world.horizon!)),
    injectStep: (key: string) => {
      stop();
      try {
        move(inject(tl, key));
        setLoaded(null);
      } catch (error) {
        if (!(error instanceof ReplayError)) throw error;
      }
    },
    /** A new run (another strategy): no longer the counterexample that was loaded. */
    replace: (next: Timeline) => {
      stop();
      setLoaded(null);
      move(next);
    },
    /** Loads a counterexample at step 0, marks its faults, and plays it at the chosen speed. */
    replay: (steps: string[]) => {
      const run = fromSteps(tl.scenario, steps, tl.spec.seed);
      setLoaded({ total: steps.length, faults: steps.flatMap((s, i) => (s.startsWith('f:') ? [i + 1] : [])) });
      move(seek(reset(run), 0));
      setPlaying(true);
    },
  };
}
