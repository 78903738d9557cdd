import { enabledSteps, stepKey } from './world';
import { createTimeline, seek, ReplayError, type RunSpec, type Timeline } from './timeline';
import { findScenario, type Scenario } from './scenario';

/**
 * Share links: a run (scenario, seed, schedule) plus the cursor, as a compact URL-safe string:
 *   r1.<scenario>[~<strategy>].<seed>.<cursor>[.<at>-<choice>_<at>-<choice>…]
 * numbers in base 36; `choice` is the index of the chosen step among the steps enabled at `at`
 * (sorted by key), so the string stays short and only means something when replayed.
 */
export const SHARE_VERSION = 'r1';

/** A share string that could not be used, with what was wrong with it. */
export interface ShareError {
  kind: 'empty' | 'version' | 'format' | 'scenario' | 'number' | 'schedule' | 'replay';
  message: string;
}

/** Either a value or a typed error: decoding never throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ShareError };

/** A decoded share string, before replay. */
export interface SharedRun {
  scenarioId: string;
  seed: number;
  cursor: number;
  choices: { at: number; choice: number }[];
}

const b36 = (n: number) => n.toString(36);
const MAX = 1_000_000;

/** Encodes a timeline (its run and cursor). Schedule entries beyond the computed frames are replayed first. */
export function encodeRun(tl: Timeline): string {
  const last = Math.max(tl.cursor, ...tl.spec.schedule.map((e) => e.at));
  const full = seek(tl, last); // make sure every scheduled position has a frame
  const parts = tl.spec.schedule
    .filter((e) => e.at < full.frames.length)
    .map((e) => {
      const world = full.frames[e.at]!.world;
      const choice = enabledSteps(world).findIndex((s) => stepKey(s) === e.step);
      return `${b36(e.at)}-${b36(choice)}`;
    });
  const head = [SHARE_VERSION, tl.spec.scenarioId, b36(tl.spec.seed), b36(tl.cursor)];
  return [...head, ...(parts.length ? [parts.join('_')] : [])].join('.');
}

const fail = (kind: ShareError['kind'], message: string): { ok: false; error: ShareError } => ({ ok: false, error: { kind, message } });

function parseNumber(text: string, what: string): number | ShareError {
  if (!/^[0-9a-z]{1,6}$/.test(text)) return { kind: 'number', message: `${what} “${text.slice(0, 12)}” is not a number` };
  const n = parseInt(text, 36);
  return n > MAX ? { kind: 'number', message: `${what} ${n} is too large` } : n;
}

/** Parses a share string without replaying it. Never throws. */
export function decodeRun(input: unknown): Result<SharedRun> {
  if (typeof input !== 'string' || input.trim() === '') return fail('empty', 'the link has no run in it');
  const text = input.trim();
  if (text.length > 2000) return fail('format', 'the run is too long to be a share link');
  const parts = text.split('.');
  if (parts[0] !== SHARE_VERSION) return fail('version', `unknown format “${parts[0]?.slice(0, 8)}” (expected ${SHARE_VERSION})`);
  if (parts.length < 4 || parts.length > 5) return fail('format', 'expected version, scenario, seed, step and optional choices');
  const [, scenarioId = '', seedText = '', cursorText = '', choicesText] = parts;
  if (!/^[a-z0-9-]{1,64}(~[a-zA-Z]{1,32})?$/.test(scenarioId)) return fail('scenario', 'the scenario name is malformed');
  const seed = parseNumber(seedText, 'seed');
  if (typeof seed !== 'number') return { ok: false, error: seed };
  const cursor = parseNumber(cursorText, 'step');
  if (typeof cursor !== 'number') return { ok: false, error: cursor };
  const choices: SharedRun['choices'] = [];
  if (choicesText !== undefined) {
    for (const item of choicesText.split('_')) {
      const [atText = '', choiceText = '', extra] = item.split('-');
      if (extra !== undefined || !atText || !choiceText) return fail('schedule', `choice “${item.slice(0, 12)}” is malformed`);
      const at = parseNumber(atText, 'position');
      if (typeof at !== 'number') return { ok: false, error: { ...at, kind: 'schedule' } };
      const choice = parseNumber(choiceText, 'choice');
      if (typeof choice !== 'number') return { ok: false, error: { ...choice, kind: 'schedule' } };
      if (choices.length > 0 && choices[choices.length - 1]!.at >= at) return fail('schedule', 'choices are not in order');
      choices.push({ at, choice });
    }
  }
  return { ok: true, value: { scenarioId, seed, cursor, choices } };
}

/** Decodes and replays a share string against the known scenarios. Never throws. */
export function openRun(input: unknown, scenarios: readonly Scenario[], maxSteps = 2000): Result<Timeline> {
  const decoded = decodeRun(input);
  if (!decoded.ok) return decoded;
  const { scenarioId, seed, cursor, choices } = decoded.value;
  const scenario = findScenario(scenarioId, scenarios);
  if (!scenario) return fail('scenario', `there is no scenario “${scenarioId}”`);
  if (cursor > maxSteps || choices.some((c) => c.at > maxSteps)) return fail('replay', `runs are limited to ${maxSteps} steps`);
  // Rebuild the schedule by replaying: each choice is an index into the steps enabled at its position.
  let tl = createTimeline(scenario, seed);
  const schedule: RunSpec['schedule'] = [];
  try {
    for (const { at, choice } of choices) {
      tl = seek(tl, at);
      if (tl.cursor !== at) return fail('replay', `the run ends before step ${at}`);
      const steps = enabledSteps(tl.frames[at]!.world);
      const step = steps[choice];
      if (!step) return fail('replay', `step ${at} offers ${steps.length} choices, not ${choice + 1}`);
      schedule.push({ at, step: stepKey(step) });
      tl = { ...tl, spec: { ...tl.spec, schedule: [...schedule] }, frames: tl.frames.slice(0, at + 1) };
    }
    tl = seek(tl, cursor);
  } catch (error) {
    if (error instanceof ReplayError) return fail('replay', error.message);
    throw error;
  }
  if (tl.cursor !== cursor) return fail('replay', `the run ends after ${tl.cursor} steps, before step ${cursor}`);
  return { ok: true, value: tl };
}
