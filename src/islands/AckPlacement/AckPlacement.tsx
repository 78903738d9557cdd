import { useState } from 'preact/hooks';
import type { ackDemoKeys, Labels } from '../../i18n/ui-keys';
import { guaranteeOf, runAckPlacement, type CrashPoint, type Placement, type StepKind } from './ack-placement';
import './AckPlacement.css';

type Key = (typeof ackDemoKeys)[number];

/** Props: translated labels, a unique id prefix, and the starting choices. */
export interface AckPlacementProps {
  labels: Labels<Key>;
  id: string;
  placement?: Placement | undefined;
  crash?: CrashPoint | undefined;
}

const placements: Placement[] = ['before', 'after', 'afterIdempotent'];
const crashes: CrashPoint[] = ['none', 'beforeEffect', 'afterEffect'];
const stepIcon: Record<StepKind, string> = {
  receive: '→',
  ack: '✓',
  effect: '¥',
  effectIdempotent: '¥',
  crash: '✗',
  redeliver: '↻',
};

/**
 * Shows where the ack sits relative to the business write, and what a crash does to the ledger.
 * Native radio groups give keyboard use (Tab, arrow keys) and screen-reader semantics for free.
 */
export default function AckPlacement({ labels, id, placement = 'after', crash = 'afterEffect' }: AckPlacementProps) {
  const [where, setWhere] = useState<Placement>(placement);
  const [crashAt, setCrashAt] = useState<CrashPoint>(crash);
  const run = runAckPlacement(where, crashAt);
  const bad = run.outcome === 'lost' || run.outcome === 'duplicate';
  const guarantee = labels[`ackDemo.guarantee.${guaranteeOf[where]}`];
  const outcome = labels[`ackDemo.outcome.${run.outcome}`];

  return (
    <div class="ack-demo not-content">
      <div class="ack-demo__controls">
        <fieldset>
          <legend>{labels['ackDemo.legend']}</legend>
          {placements.map((p) => (
            <label key={p}>
              <input type="radio" name={`${id}-placement`} value={p} checked={where === p} onChange={() => setWhere(p)} />
              {labels[`ackDemo.placement.${p}`]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{labels['ackDemo.crash.legend']}</legend>
          {crashes.map((c) => (
            <label key={c}>
              <input type="radio" name={`${id}-crash`} value={c} checked={crashAt === c} onChange={() => setCrashAt(c)} />
              {labels[`ackDemo.crash.${c}`]}
            </label>
          ))}
        </fieldset>
      </div>
      <div class="ack-demo__result">
        <h3 class="ack-demo__heading" id={`${id}-timeline`}>
          {labels['ackDemo.timeline']}
        </h3>
        <ol class="ack-demo__steps" aria-labelledby={`${id}-timeline`}>
          {run.steps.map((step, i) => (
            <li key={i} class={`ack-demo__step ack-demo__step--${step.kind}${step.skipped ? ' is-skipped' : ''}`}>
              <span class="ack-demo__icon" aria-hidden="true">
                {stepIcon[step.kind]}
              </span>
              {step.skipped ? labels['ackDemo.step.effectSkipped'] : labels[`ackDemo.step.${step.kind}`]}
            </li>
          ))}
        </ol>
        <div class={`ack-demo__ledger${bad ? ' is-bad' : ' is-good'}`} data-outcome={run.outcome}>
          <span class="ack-demo__ledger-title">{labels['ackDemo.ledger']}</span>
          <span class="ack-demo__charges" data-charges={run.charges}>
            {labels['ackDemo.charges'].replace('{count}', String(run.charges))}
          </span>
        </div>
        <p class="ack-demo__verdict" role="status" aria-live="polite" aria-atomic="true">
          <strong>{guarantee}</strong> {outcome}
        </p>
      </div>
    </div>
  );
}
