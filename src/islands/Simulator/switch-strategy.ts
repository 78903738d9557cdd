/**
 * Switching the consumer strategy mid-run: the same run (seed and injected faults) replayed under the
 * new strategy, or an exact account of what could not be replayed. Pure: timeline in, timeline and
 * report out, so the widget only has to show the report.
 */
import type { FaultWords } from '../bounds';
import {
  createTimeline,
  currentWorld,
  enabledSteps,
  inject,
  ReplayError,
  seek,
  stepForward,
  stepKey,
  type FaultKind,
  type Scenario,
  type Timeline,
} from '../../sim/base';
import { actorName, faultFor, fmt, type Lang, type SimLabels } from './describe';

/** How a switch went, for the sentence the widget shows. */
export interface Switched {
  timeline: Timeline;
  /**
   * `kept`: every scheduled step happened at its old position. `moved`: a strategy adds or removes
   * handler steps, so the faults were replayed at the first step each could happen.
   */
  how: 'kept' | 'moved';
  /** Faults replayed at a new position (`at`, was `was`). */
  moved: { step: string; was: number; at: number }[];
  /** Faults that never became possible under the new strategy. */
  dropped: { step: string; was: number }[];
  /** A chosen interleaving (a counterexample's order of steps) that belongs to the old strategy and was dropped. */
  orderDropped: boolean;
}

/** Steps to look ahead for a fault's moment before calling it impossible (runs end long before). */
const LOOKAHEAD = 500;

const isFault = (step: string) => step.startsWith('f:');

/** The same run under `variant`: first by position, else each fault at the first step it can happen. */
export function switchStrategy(tl: Timeline, variant: Scenario): Switched {
  const { seed, schedule } = tl.spec;
  // Same steps at the same positions, checked to the end of the schedule so a later entry cannot fail
  // when the reader steps forward.
  const end = Math.max(tl.cursor, ...schedule.map((e) => e.at + 1));
  try {
    const same = seek(createTimeline(variant, seed, schedule), end);
    if (schedule.every((e) => same.frames[e.at + 1]?.step === e.step)) {
      return { timeline: seek(same, tl.cursor), how: 'kept', moved: [], dropped: [], orderDropped: false };
    }
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
  }

  // Replay the faults by meaning: walk forward with the default choices until each can happen.
  let t = createTimeline(variant, seed);
  const moved: Switched['moved'] = [];
  const dropped: Switched['dropped'] = [];
  for (const f of schedule.filter((e) => isFault(e.step))) {
    let probe = t;
    let found = false;
    for (let i = 0; i < LOOKAHEAD; i++) {
      if (enabledSteps(currentWorld(probe)).some((s) => stepKey(s) === f.step)) {
        found = true;
        break;
      }
      const next = stepForward(probe);
      if (next === probe) break;
      probe = next;
    }
    if (!found) {
      dropped.push({ step: f.step, was: f.at });
      continue;
    }
    moved.push({ step: f.step, was: f.at, at: probe.cursor });
    t = inject(probe, f.step);
  }
  // Keep the reader's place relative to the last fault that had already happened.
  const lastSeen = [...moved].reverse().find((m) => m.was < tl.cursor);
  const cursor = lastSeen ? Math.max(lastSeen.at + 1, tl.cursor - lastSeen.was + lastSeen.at) : tl.cursor;
  return { timeline: seek(t, cursor), how: 'moved', moved, dropped, orderDropped: schedule.some((e) => !isFault(e.step)) };
}

/** A fault's name as its button says it ("Crash consumer after the write, before the ack (Consumer 2)"). */
function faultName(step: string, labels: SimLabels, words: FaultWords, consumers: number, lang: Lang): string {
  const [, fault, ...target] = step.split(':') as [string, FaultKind, ...string[]];
  const name = words[fault]?.label ?? fault;
  return consumers > 1 && /^c\d+$/.test(target.join(':')) ? faultFor(name, actorName(target.join(':'), labels), lang) : name;
}

/** The sentence the widget shows after a switch, or null when there is nothing to say (no faults to carry over). */
export function switchNote(
  s: Switched,
  { labels, lang, title, consumers, faults }: { labels: SimLabels; lang: Lang; title: string; consumers: number; faults: FaultWords },
): string | null {
  const parts: string[] = [];
  if (s.how === 'kept') {
    if (s.timeline.spec.schedule.some((e) => isFault(e.step))) parts.push(fmt(labels['sim.switch.kept'], { strategy: title }));
  } else {
    if (s.moved.length > 0) {
      const list = s.moved
        .map((m) => fmt(labels['sim.switch.movedOne'], { fault: faultName(m.step, labels, faults, consumers, lang), n: m.at, was: m.was }))
        .join(lang === 'zh-cn' ? '；' : '; ');
      parts.push(fmt(labels['sim.switch.moved'], { strategy: title, faults: list }));
    }
    for (const d of s.dropped) parts.push(fmt(labels['sim.switch.dropped'], { fault: faultName(d.step, labels, faults, consumers, lang) }));
    if (s.orderDropped) parts.push(labels['sim.switch.order']);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}
