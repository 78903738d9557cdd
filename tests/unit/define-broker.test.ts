/**
 * The step skeleton every broker shares (engine/broker.ts, `defineBroker`): what it promises a broker
 * that plugs in — faults as data from which the checker's traits and the widget's targets follow, a
 * fault listed only while its budget lasts and only at the targets it declares, the budget spent
 * before the fault's own effect, and clear errors for a step that cannot be taken.
 */
import { describe, expect, it } from 'vitest';
import {
  allScenarios,
  apply,
  createTimeline,
  currentWorld,
  enabledSteps,
  findScenario,
  initialWorld,
  protocolOf,
  stepForward,
  type Scenario,
  type World,
} from '../../src/sim';

const scenario = (id: string): Scenario => findScenario(id, allScenarios)!;

/** The first world of the scenario's default run where `fault` can be injected. */
function whereEnabled(s: Scenario, fault: string): World {
  let tl = createTimeline(s);
  for (let i = 0; i < 200; i++) {
    const world = currentWorld(tl);
    if (enabledSteps(world).some((st) => st.kind === 'fault' && st.fault === fault)) return world;
    const next = stepForward(tl);
    if (next === tl) break;
    tl = next;
  }
  throw new Error(`${s.id}: ${fault} never enabled along the default run`);
}

describe('defineBroker', () => {
  it('derives the checker’s fault traits and the widget’s fault targets from the faults it is given', () => {
    const js = protocolOf('jetstream');
    expect(js.faultTraits).toEqual({ exceedAckWait: { movesClock: true }, loseConfirm: { producerOnly: true } });
    expect(js.faultTargets).toMatchObject({
      crashConsumerBeforeEffect: 'consumer',
      exceedAckWait: 'broker',
      loseAck: 'link',
      loseConfirm: 'link',
    });
    const kafka = protocolOf('kafka');
    expect(kafka.faultTraits).toEqual({
      exceedMaxPollInterval: { movesClock: true },
      loseProduceResponse: { producerOnly: true },
      crashProducer: { producerOnly: true },
    });
    expect(kafka.faultTargets?.crashProducer).toBe('producer');
  });

  it('lists a fault only at the targets it declares, and only while its budget lasts', () => {
    const s = scenario('jetstream-lost-ack');
    const world = whereEnabled(s, 'loseAck');
    const lose = enabledSteps(world).filter((st) => st.kind === 'fault' && st.fault === 'loseAck');
    expect(lose).toEqual([{ kind: 'fault', fault: 'loseAck', target: 'c1>broker' }]);
    const spent = { ...world, budget: { ...world.budget, loseAck: 0 } };
    expect(enabledSteps(spent).some((st) => st.kind === 'fault' && st.fault === 'loseAck')).toBe(false);
  });

  it('spends one unit of the budget before the fault acts, and the fault acts (the ack is gone from the link)', () => {
    const s = scenario('jetstream-lost-ack');
    const world = whereEnabled(s, 'loseAck');
    const { world: after, events } = apply(world, { kind: 'fault', fault: 'loseAck', target: 'c1>broker' }, s);
    expect(after.budget.loseAck).toBe((world.budget.loseAck ?? 0) - 1);
    expect(after.net['c1>broker']!.length).toBe(world.net['c1>broker']!.length - 1);
    expect(events.map((e) => e.type)).toEqual(['ack.lost']);
  });

  it('refuses a fault its broker does not declare, and a handler step for a consumer holding no delivery', () => {
    const s = scenario('jetstream-lost-ack');
    const world = initialWorld(s);
    expect(() => apply(world, { kind: 'fault', fault: 'restartBroker', target: 'broker' }, s)).toThrow('the jetstream protocol has no fault restartBroker');
    expect(() => apply(world, { kind: 'run', actor: 'c1' }, s)).toThrow('c1 is not processing');
  });
});
