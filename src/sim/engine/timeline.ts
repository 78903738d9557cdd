import { choose } from '../core/rng';
import type { Scenario } from './scenario';
import { apply, enabledSteps, initialWorld, isQuiescent, stepKey, type Step, type TraceEvent, type World } from './world';

/** A choice made at one position of a run: the step key taken there instead of the default. */
export interface ScheduleEntry {
  at: number;
  step: string;
}

/** Everything needed to reproduce a run exactly. */
export interface RunSpec {
  scenarioId: string;
  seed: number;
  /** Explicit choices (faults, or a particular interleaving), by position, ascending. */
  schedule: ScheduleEntry[];
}

/** One checkpoint: the world after `index` steps and what the last step did. */
export interface Frame {
  world: World;
  /** Key of the step that led here (null for the first frame). */
  step: string | null;
  events: TraceEvent[];
}

/**
 * A rewindable timeline, in the manner of raftscope's state.js: it knows nothing of brokers, only
 * checkpoints, a cursor, and how to make the next frame. Going back restores a checkpoint; going
 * forward past the end makes a new frame from the schedule or the seeded default choice.
 */
export interface Timeline {
  scenario: Scenario;
  spec: RunSpec;
  frames: Frame[];
  cursor: number;
}

/** Why a run could not be replayed. */
export class ReplayError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    Object.defineProperty(this, 'name', { value: 'ReplayError' });
  }
}

/** A fresh timeline at its first frame. */
export function createTimeline(scenario: Scenario, seed = 1, schedule: ScheduleEntry[] = []): Timeline {
  // Seeds travel in share links as base-36 integers up to a million.
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new RangeError(`seed must be an integer from 0 to 1000000, not ${seed}`);
  const sorted = [...schedule].sort((a, b) => a.at - b.at);
  return {
    scenario,
    spec: { scenarioId: scenario.id, seed, schedule: sorted },
    frames: [{ world: initialWorld(scenario), step: null, events: [] }],
    cursor: 0,
  };
}

/**
 * The default step at a position: never a fault; among the other enabled steps, a seeded choice
 * that depends only on (seed, position), so forks don't change the past.
 */
export function defaultStep(world: World, seed: number, position: number): Step | null {
  const steps = enabledSteps(world, { faults: false });
  if (steps.length === 0) return null;
  return steps[choose(seed, position, steps.length)]!;
}

/** The step the run takes at a position: the schedule's, or the default. Throws ReplayError. */
function stepAt(tl: Timeline, world: World, position: number): Step | null {
  const entry = tl.spec.schedule.find((e) => e.at === position);
  if (!entry) return defaultStep(world, tl.spec.seed, position);
  const step = enabledSteps(world).find((s) => stepKey(s) === entry.step);
  if (!step) throw new ReplayError(`step ${position}: “${entry.step}” cannot happen here`, position);
  return step;
}

/** Moves one step forward (making a frame if needed). Returns the same timeline when nothing can happen. */
export function stepForward(tl: Timeline): Timeline {
  if (tl.cursor < tl.frames.length - 1) return { ...tl, cursor: tl.cursor + 1 };
  const frame = tl.frames[tl.cursor]!;
  const step = stepAt(tl, frame.world, tl.cursor);
  if (!step) return tl;
  const { world, events } = apply(frame.world, step, tl.scenario);
  return { ...tl, frames: [...tl.frames, { world, step: stepKey(step), events }], cursor: tl.cursor + 1 };
}

/** One step back: restores the previous checkpoint. */
export function stepBack(tl: Timeline): Timeline {
  return tl.cursor === 0 ? tl : { ...tl, cursor: tl.cursor - 1 };
}

/** Back to the first frame, keeping the computed future for stepping forward again. */
export function reset(tl: Timeline): Timeline {
  return { ...tl, cursor: 0 };
}

/** Moves to a position, computing frames as needed (stops early at quiescence). */
export function seek(tl: Timeline, position: number): Timeline {
  let t = tl.cursor > position ? { ...tl, cursor: Math.max(0, Math.min(position, tl.frames.length - 1)) } : tl;
  while (t.cursor < position) {
    const next = stepForward(t);
    if (next === t) break;
    t = next;
  }
  return t;
}

/**
 * Takes a specific step at the cursor — a fault, or a different interleaving — forking the timeline:
 * frames and schedule entries after the cursor are dropped.
 */
export function inject(tl: Timeline, step: string): Timeline {
  const at = tl.cursor;
  const schedule = [...tl.spec.schedule.filter((e) => e.at < at), { at, step }];
  const forked: Timeline = { ...tl, spec: { ...tl.spec, schedule }, frames: tl.frames.slice(0, at + 1) };
  return stepForward(forked);
}

/** Runs forward until nothing but a fault could happen (or `limit` steps). */
export function runUntilQuiescent(tl: Timeline, limit = 500): Timeline {
  let t = tl;
  for (let i = 0; i < limit; i++) {
    const next = stepForward(t);
    if (next === t) break;
    t = next;
  }
  return t;
}

/** The world at the cursor. */
export const currentWorld = (tl: Timeline): World => tl.frames[tl.cursor]!.world;

/** Everything that happened up to the cursor, in order. */
export function traceOf(tl: Timeline): TraceEvent[] {
  return tl.frames.slice(1, tl.cursor + 1).flatMap((f) => f.events);
}

/** True when, at the cursor, only faults could change anything. */
export const atQuiescence = (tl: Timeline): boolean => isQuiescent(currentWorld(tl));

/** A timeline that replays a counterexample's steps exactly. */
export function fromSteps(scenario: Scenario, steps: string[], seed = 1): Timeline {
  let tl = createTimeline(
    scenario,
    seed,
    steps.map((step, at) => ({ at, step })),
  );
  tl = seek(tl, steps.length);
  return tl;
}
