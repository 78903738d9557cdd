/**
 * The tiny model behind the "where does the ack sit?" widget on the delivery-guarantees chapter.
 *
 * One message ("charge order #42") is delivered to one consumer. The reader picks where the consumer
 * acknowledges it and where (if anywhere) the consumer crashes. A broker that has not received an ack
 * when the consumer dies delivers the message again (RabbitMQ requeues unacked deliveries when a
 * channel closes: https://www.rabbitmq.com/docs/confirms); one that has received the ack forgets it.
 * The redelivery is assumed to run to completion, so each run ends with the number of charges.
 */

/** Where the consumer acknowledges the message relative to its business write. */
export type Placement = 'before' | 'after' | 'afterIdempotent';
/** Where the consumer crashes during the first delivery, if at all. */
export type CrashPoint = 'none' | 'beforeEffect' | 'afterEffect';
/** One thing that happens, in order, in a run. */
export type StepKind = 'receive' | 'ack' | 'effect' | 'effectIdempotent' | 'crash' | 'redeliver';
/** What the ledger shows after the run. */
export type Outcome = 'once' | 'lost' | 'duplicate' | 'dedup';

/** The full story of one run: the steps, how often the order was charged, and the verdict. */
export interface Run {
  steps: { kind: StepKind; delivery: 1 | 2; skipped?: boolean }[];
  charges: number;
  outcome: Outcome;
}

/** The guarantee each placement gives, in the usual names. */
export const guaranteeOf: Record<Placement, 'atMostOnce' | 'atLeastOnce' | 'effectivelyOnce'> = {
  before: 'atMostOnce',
  after: 'atLeastOnce',
  afterIdempotent: 'effectivelyOnce',
};

/** The consumer's steps for one delivery, in program order. */
function program(placement: Placement): StepKind[] {
  if (placement === 'before') return ['receive', 'ack', 'effect'];
  if (placement === 'after') return ['receive', 'effect', 'ack'];
  return ['receive', 'effectIdempotent', 'ack'];
}

/** Plays one message through the chosen placement and crash point. Pure and deterministic. */
export function runAckPlacement(placement: Placement, crash: CrashPoint): Run {
  const steps: Run['steps'] = [];
  const applied = new Set<string>();
  let charges = 0;
  let acked = false;
  let deduplicated = false;

  const deliver = (delivery: 1 | 2, crashAt: CrashPoint): boolean => {
    for (const kind of program(placement)) {
      const isEffect = kind === 'effect' || kind === 'effectIdempotent';
      if (crashAt === 'beforeEffect' && isEffect) {
        steps.push({ kind: 'crash', delivery });
        return false;
      }
      if (kind === 'effectIdempotent' && applied.has('order-42')) {
        // The unique key on the order id rejects the second write; the consumer just acks.
        deduplicated = true;
        steps.push({ kind, delivery, skipped: true });
      } else {
        steps.push({ kind, delivery });
        if (isEffect) {
          charges += 1;
          applied.add('order-42');
        }
        if (kind === 'ack') acked = true;
      }
      if (crashAt === 'afterEffect' && isEffect) {
        steps.push({ kind: 'crash', delivery });
        return false;
      }
    }
    return true;
  };

  const completed = deliver(1, crash);
  if (!completed && !acked) {
    steps.push({ kind: 'redeliver', delivery: 2 });
    deliver(2, 'none');
  }

  const outcome: Outcome = charges === 0 ? 'lost' : charges > 1 ? 'duplicate' : deduplicated ? 'dedup' : 'once';
  return { steps, charges, outcome };
}
