/**
 * The faults a reader can inject: one button per (fault, target) the scenario allows, enabled only
 * when the fault can happen now, with what it does and how many are left.
 */
import { enabledSteps, stepKey, type FaultKind, type Scenario, type World } from '../../sim/base';
import type { FaultWords } from '../bounds';
import { actorName, fmt, type Lang, type SimLabels } from './describe';

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

interface Props {
  /** Prefix of the tips' ids. */
  id: string;
  scenario: Scenario;
  world: World;
  labels: SimLabels;
  lang: Lang;
  /** The faults' names and tips, in the page's language. */
  words: FaultWords;
  inject(key: string): void;
}

/** The fault panel. */
export function FaultPanel({ id, scenario, world, labels, words, inject }: Props) {
  const enabled = enabledSteps(world).map(stepKey);
  const consumers = Object.keys(world.consumers);
  const buttons = (Object.keys(scenario.faults) as FaultKind[]).flatMap((fault) =>
    (perConsumer.has(fault) ? consumers : [null]).map((target) => {
      const key = enabled.find((k) => k.startsWith(`f:${fault}:`) && (target === null || k === `f:${fault}:${target}`));
      const who = target && consumers.length > 1 ? ` (${actorName(target, labels)})` : '';
      return { id: `${fault}-${target ?? 'any'}`, key, left: world.budget[fault] ?? 0, label: `${words[fault]?.label ?? fault}${who}`, tip: words[fault]?.tip ?? '' };
    }),
  );
  return (
    <fieldset class="sim-faults" tabIndex={-1}>
      <legend>{labels['sim.faults']}</legend>
      {buttons.length === 0 && <p class="sim-note">{labels['sim.faults.none']}</p>}
      {buttons.map((f) => (
        <span class="sim-fault" key={f.id}>
          <button type="button" class="sim-fault__button" disabled={!f.key} title={f.tip} aria-describedby={`${id}-${f.id}-tip`} onClick={() => f.key && inject(f.key)}>
            ⚡ {f.label}
          </button>
          <span id={`${id}-${f.id}-tip`} class="sim-fault__tip">
            {f.key ? f.tip : labels['sim.faultUnavailable']} · {fmt(labels['sim.faultsLeft'], { n: f.left })}
          </span>
        </span>
      ))}
    </fieldset>
  );
}
