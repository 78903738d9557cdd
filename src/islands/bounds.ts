/**
 * The bounds a verdict holds under, in words: messages, consumers, each fault × n, and the horizon
 * when the scenario has one. The simulator's "Explore every schedule" and the code labs' Check show
 * the same line next to their verdicts. Fault names come from the page (`FaultWords`, in its language).
 */
import type { FaultKind, Scenario } from '../sim/base';
import { fmt, type Lang } from './Simulator/describe';

/** A fault's name and tooltip in the page's language, by fault kind: the `.astro` wrapper passes those its island needs. */
export type FaultWords = Partial<Record<FaultKind, { label: string; tip: string }>>;

/** The words for `faults`, in `lang` (server side: the wrappers call it, so no bundle carries every fault's text). */
export function faultWords(
  faults: readonly FaultKind[],
  lang: Lang,
  info: Record<FaultKind, { en: string; 'zh-cn': string; tip: { en: string; 'zh-cn': string } }>,
): FaultWords {
  return Object.fromEntries(
    faults.map((f) => {
      const words = info[f];
      if (!words) throw new Error(`fault ${f} has no words: add them to its protocol's *.faults.ts`);
      return [f, { label: words[lang], tip: words.tip[lang] }];
    }),
  );
}

export function boundsText(
  scenario: Pick<Scenario, 'messages' | 'consumers' | 'faults' | 'settings'>,
  lang: Lang,
  labels: { 'sim.bounds': string; 'sim.bounds.noFaults': string; 'sim.horizon': string },
  words: FaultWords,
): string {
  const sep = lang === 'zh-cn' ? '、' : ', ';
  const faults = (Object.entries(scenario.faults) as [FaultKind, number][]).filter(([, n]) => n > 0).map(([f, n]) => `${words[f]?.label ?? f} × ${n}`);
  const horizon = scenario.settings.horizon ? fmt(labels['sim.horizon'], { seconds: scenario.settings.horizon / 1000 }) : '';
  return fmt(labels['sim.bounds'], {
    messages: scenario.messages.length,
    consumers: scenario.consumers,
    faults: faults.length > 0 ? faults.join(sep) : labels['sim.bounds.noFaults'],
    horizon,
  });
}
