/**
 * The faults a reader can inject: on the panel, one button per (fault, target), enabled only when the
 * fault can happen now, with what it does and how many are left; and on each actor or link the stage
 * draws, a small menu of the faults that can hit it now. Both inject through the same `inject`.
 */
import { useState } from 'preact/hooks';
import type { FaultChoice } from './faults';
import { fmt, sentence, type Lang, type SimLabels } from './describe';

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
          <button
            type="button"
            class="sim-fault__button"
            disabled={!f.key}
            title={f.tip}
            aria-describedby={`${id}-${f.id}-tip`}
            onClick={() => f.key && inject(f.key)}
          >
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

/**
 * The faults that can hit one actor (or link), offered where it is drawn: a ⚡ button that opens a
 * short menu. It is there from the first step, like the panel's buttons; a fault that cannot happen
 * yet is listed disabled, saying so. After an injection, focus moves to the step button, where the
 * reader goes next to watch the effect.
 */
export function ActorFaults({
  id,
  place,
  name,
  choices,
  labels,
  lang,
  inject,
}: {
  id: string;
  place: string;
  name: string;
  choices: FaultChoice[];
  labels: SimLabels;
  lang: Lang;
  inject(key: string): void;
}) {
  const [open, setOpen] = useState(false);
  // Faults whose budget is spent leave the menu; the panel keeps them, with "0 left".
  const here = choices.filter((f) => f.place === place && (f.key !== undefined || f.left > 0));
  if (here.length === 0) return null;
  const menu = `${id}-faults-${place.replace(/\W/g, '-')}`;
  const title = sentence(fmt(labels['sim.faultsOn'], { actor: name }), lang);
  const pick = (event: Event, key: string) => {
    const root = (event.currentTarget as HTMLElement).closest('.sim');
    setOpen(false);
    inject(key);
    root?.querySelector<HTMLButtonElement>('.sim-bar .sim-primary:not(:disabled)')?.focus();
  };
  return (
    <div
      class="sim-actor-faults"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          (e.currentTarget as HTMLElement).querySelector<HTMLButtonElement>('.sim-actor-faults__toggle')?.focus();
        }
      }}
    >
      <button type="button" class="sim-actor-faults__toggle" aria-label={title} aria-expanded={open} aria-controls={menu} onClick={() => setOpen((o) => !o)}>
        ⚡ {labels['sim.faultsHere']}
      </button>
      {open && (
        <ul id={menu} class="sim-actor-faults__menu" aria-label={title}>
          {here.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                class="sim-fault__button"
                title={f.key ? f.tip : labels['sim.faultUnavailable']}
                disabled={!f.key}
                onClick={(e) => f.key && pick(e, f.key)}
              >
                ⚡ {f.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
