/**
 * The bounds a verdict holds under, in words: messages, consumers, each fault × n, and the horizon
 * when the scenario has one. The simulator's "Explore every schedule" and the code labs' Check show
 * the same line next to their verdicts.
 */
import { faultInfo, type FaultKind, type Scenario } from '../sim/base';
import { fmt, type Lang } from './Simulator/describe';

export function boundsText(scenario: Pick<Scenario, 'messages' | 'consumers' | 'faults' | 'settings'>, lang: Lang, labels: { 'sim.bounds': string; 'sim.bounds.noFaults': string; 'sim.horizon': string }): string {
  const sep = lang === 'zh-cn' ? '、' : ', ';
  const faults = (Object.entries(scenario.faults) as [FaultKind, number][]).filter(([, n]) => n > 0).map(([f, n]) => `${faultInfo[f][lang]} × ${n}`);
  const horizon = scenario.settings.horizon ? fmt(labels['sim.horizon'], { seconds: scenario.settings.horizon / 1000 }) : '';
  return fmt(labels['sim.bounds'], { messages: scenario.messages.length, consumers: scenario.consumers, faults: faults.length > 0 ? faults.join(sep) : labels['sim.bounds.noFaults'], horizon });
}
