import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simKeys } from '../../src/i18n/ui-keys';
import type { Lang, SimLabels } from '../../src/islands/Simulator/describe';
import { timerViews } from '../../src/islands/Simulator/timers';
import {
  allScenarios,
  createTimeline,
  currentWorld,
  enabledSteps,
  findScenario,
  inject,
  protocolWords,
  stepForward,
  stepKey,
  type Timeline,
} from '../../src/sim';

/**
 * Timers as the stage draws them: every timer a built-in scenario starts has a name in both
 * languages, sits on the actor that waits for it, and drains as the simulated clock runs.
 */
const load = (file: string): SimLabels => {
  const all = JSON.parse(readFileSync(new URL(`../../content/i18n/${file}`, import.meta.url), 'utf8')) as Record<string, string>;
  return Object.fromEntries(simKeys.map((k) => [k, all[k]!])) as SimLabels;
};
const labels: Record<Lang, SimLabels> = { en: load('en.json'), 'zh-cn': load('zh-CN.json') };

/** Every frame of a run that injects a fault every few steps (the first one possible, or the last), so crashes and retries start their timers too. */
function frames(id: string, pick: 'first' | 'last' = 'first', limit = 120): Timeline[] {
  let tl = createTimeline(findScenario(id, allScenarios)!);
  const out = [tl];
  for (let i = 0; i < limit; i++) {
    const faults = enabledSteps(currentWorld(tl)).filter((s) => s.kind === 'fault');
    const fault = pick === 'first' ? faults[0] : faults.at(-1);
    const next = fault && i % 7 === 3 ? inject(tl, stepKey(fault)) : stepForward(tl);
    if (next === tl) break;
    out.push((tl = next));
  }
  return out;
}

describe('timers on the stage', () => {
  it('every timer of every built-in scenario has a human name in both languages, with what is left of how long', () => {
    const named = new Set<string>();
    for (const s of allScenarios) {
      for (const tl of [...frames(s.id), ...frames(s.id, 'last')]) {
        for (const lang of ['en', 'zh-cn'] as const) {
          for (const t of timerViews(tl, labels[lang], lang)) {
            const word = t.name.split(' · ')[0]!;
            // A UI timer word, or the broker's own (`timer:<kind>` in its text).
            const brokerWords = Object.entries(protocolWords(s.protocol ?? 'ack', lang)).filter(([k]) => k.startsWith('timer:'));
            expect(
              [...Object.entries(labels[lang]).filter(([k]) => k.startsWith('timer.')), ...brokerWords].some(([, v]) => v === word),
              `${s.id}: ${t.id} → “${t.name}”`,
            ).toBe(true);
            expect(t.left).toBeGreaterThanOrEqual(0);
            expect(t.left).toBeLessThanOrEqual(t.total);
            expect(t.text).not.toMatch(/[{}]/);
            named.add(t.id.split('|')[1]!.split(':')[0]!);
          }
        }
      }
    }
    // The kinds the brief names are among them: ack timeout, session timeout, ack_wait, auto-commit, redelivery delay.
    expect([...named]).toEqual(expect.arrayContaining(['ack', 'session', 'ackwait', 'autoCommit', 'nak']));
  });

  it('a timer drains as the clock runs and keeps its length; at its start the bar is full', () => {
    let drained = 0;
    for (const s of allScenarios) {
      const seen = new Map<string, { left: number; total: number }>();
      for (const tl of frames(s.id)) {
        for (const t of timerViews(tl, labels.en, 'en')) {
          const before = seen.get(t.id);
          if (before) {
            expect(t.total, `${s.id} ${t.id}`).toBe(before.total);
            expect(t.left, `${s.id} ${t.id}`).toBeLessThanOrEqual(before.left);
          } else expect(t.left, `${s.id} ${t.id} starts full`).toBe(t.total);
          if (t.left < t.total) drained++;
          seen.set(t.id, t);
        }
      }
    }
    expect(drained).toBeGreaterThan(0);
  });

  it('sits on the actor that waits: the ack timeout on the broker, Kafka’s session timeout on the crashed consumer, auto-commit on the consumer', () => {
    const ack = frames('manual-ack-crash-after-effect')
      .flatMap((tl) => timerViews(tl, labels.en, 'en'))
      .find((t) => t.id.startsWith('broker|ack:'));
    expect(ack).toMatchObject({ place: 'broker', name: 'Ack timeout · order #42', total: 30_000 });
    expect(ack!.text).toBe('Ack timeout · order #42: 30 s of 30 s left');
    const kafka = frames('kafka-auto-commit-crash', 'last').flatMap((tl) => timerViews(tl, labels['zh-cn'], 'zh-cn'));
    expect(kafka.find((t) => t.id.startsWith('broker|session:'))).toMatchObject({ place: 'c1', name: '会话超时' });
    expect(kafka.find((t) => t.id.startsWith('c1|autoCommit'))).toMatchObject({ place: 'c1', text: '自动提交：还剩 5 秒（共 5 秒）' });
  });
});
