import { describe, expect, it } from 'vitest';
import { runAckPlacement, type CrashPoint, type Placement } from '../../src/islands/AckPlacement/ack-placement';

const kinds = (p: Placement, c: CrashPoint) => runAckPlacement(p, c).steps.map((s) => (s.skipped ? `${s.kind}(skipped)` : s.kind));

describe('ack placement model', () => {
  it('charges exactly once when nothing crashes, whatever the placement', () => {
    for (const p of ['before', 'after', 'afterIdempotent'] as const) {
      expect(runAckPlacement(p, 'none')).toMatchObject({ charges: 1, outcome: 'once' });
    }
  });

  it('loses the message when the ack comes first and the consumer dies before charging (at-most-once)', () => {
    const run = runAckPlacement('before', 'beforeEffect');
    expect(run).toMatchObject({ charges: 0, outcome: 'lost' });
    expect(kinds('before', 'beforeEffect')).toEqual(['receive', 'ack', 'crash']);
  });

  it('charges twice when the consumer dies between the charge and a later ack (at-least-once)', () => {
    const run = runAckPlacement('after', 'afterEffect');
    expect(run).toMatchObject({ charges: 2, outcome: 'duplicate' });
    expect(kinds('after', 'afterEffect')).toEqual(['receive', 'effect', 'crash', 'redeliver', 'receive', 'effect', 'ack']);
  });

  it('redelivers but still charges once when the crash comes before the charge', () => {
    expect(runAckPlacement('after', 'beforeEffect')).toMatchObject({ charges: 1, outcome: 'once' });
  });

  it('absorbs the redelivery with an idempotent write (effectively once)', () => {
    const run = runAckPlacement('afterIdempotent', 'afterEffect');
    expect(run).toMatchObject({ charges: 1, outcome: 'dedup' });
    expect(kinds('afterIdempotent', 'afterEffect')).toContain('effectIdempotent(skipped)');
  });
});
