/**
 * The faults a reader can inject: one button per (fault, target) the engine offers, enabled only when
 * the fault can happen now, with what it does and how many are left.
 */
import type { FaultChoice } from './faults';
import { fmt, type SimLabels } from './describe';

interface Props {
  /** Prefix of the tips' ids. */
  id: string;
  choices: FaultChoice[];
  labels: SimLabels;
  inject(key: string): void;
}

/** The fault panel. */
export function FaultPanel({ id, choices, labels, inject }: Props) {
  return (
    <fieldset class="sim-faults" tabIndex={-1}>
      <legend>{labels['sim.faults']}</legend>
      {choices.length === 0 && <p class="sim-note">{labels['sim.faults.none']}</p>}
      {choices.map((f) => (
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
