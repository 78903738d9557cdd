import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simKeys } from '../../src/i18n/ui-keys';
import { faultWords } from '../../src/islands/bounds';
import type { SimLabels } from '../../src/islands/Simulator/describe';
import { faultTargets } from '../../src/islands/Simulator/fault-targets';
import { faultChoices, knowTargets, placeOf } from '../../src/islands/Simulator/faults';
import { buttons } from './fault-buttons';
import {
  allScenarios,
  createTimeline,
  currentWorld,
  enabledSteps,
  faultInfo,
  findScenario,
  protocolOf,
  stepForward,
  stepKey,
  type FaultKind,
} from '../../src/sim';

/**
 * Whom a fault hits comes from the engine (each enabled fault step names its target), not from a list
 * in the island: per-consumer faults get a button per consumer, others one button, and every enabled
 * fault step of every built-in scenario is reachable from a button, on the panel and on its actor.
 */
const all = JSON.parse(readFileSync(new URL('../../content/i18n/en.json', import.meta.url), 'utf8')) as Record<string, string>;
const labels = Object.fromEntries(simKeys.map((k) => [k, all[k]!])) as SimLabels;
const words = (id: string) => faultWords(Object.keys(findScenario(id, allScenarios)!.faults) as FaultKind[], 'en', faultInfo);

describe('fault buttons derived from the engine', () => {
  it('every fault step a built-in run enables is offered by an enabled button, placed on an actor or link the stage draws', () => {
    for (const s of allScenarios) {
      let tl = createTimeline(s);
      for (let i = 0; i < 150; i++) {
        const world = currentWorld(tl);
        const choices = buttons(s, world, words(s.id), labels);
        const lanes = ['producer', 'broker', ...Object.keys(world.consumers)];
        for (const step of enabledSteps(world).filter((x) => x.kind === 'fault')) {
          const offered = choices.filter((c) => c.fault === step.fault && c.key !== undefined);
          expect(offered.length, `${s.id} step ${i}: ${stepKey(step)}`).toBeGreaterThanOrEqual(1);
        }
        for (const c of choices.filter((x) => x.key)) {
          expect(enabledSteps(world).map(stepKey), `${s.id}: ${c.id}`).toContain(c.key);
          expect(lanes.includes(c.place) || /^[\w-]+>[\w-]+$/.test(c.place), `${s.id}: ${c.id} at ${c.place}`).toBe(true);
        }
        const next = stepForward(tl);
        if (next === tl) break;
        tl = next;
      }
    }
  });

  it('a fault that hits consumers gets one button per consumer, named when there are two', () => {
    const scenario = findScenario('kafka-poll-interval-exceeded', allScenarios)!;
    let tl = createTimeline(scenario);
    const labelsSeen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      for (const c of buttons(scenario, currentWorld(tl), words(scenario.id), labels)) labelsSeen.add(`${c.label}@${c.place}`);
      tl = stepForward(tl);
    }
    expect([...labelsSeen].filter((l) => l.includes('(Consumer 1)')).length).toBeGreaterThan(0);
    expect([...labelsSeen].every((l) => !l.includes('(Consumer') || l.endsWith(`@c${l.match(/Consumer (\d)/)![1]}`))).toBe(true);
  });

  it('a link fault gets one button per link, each on its link and named after its consumer, from the first step', () => {
    const one = findScenario('lost-ack-redelivery', allScenarios)!;
    const scenario = { ...one, id: `${one.id}-two-consumers`, consumers: 2 };
    const choices = buttons(scenario, currentWorld(createTimeline(scenario)), words(one.id), labels).filter((c) => c.fault === 'loseAck');
    expect(choices.map((c) => c.place)).toEqual(['c1>broker', 'c2>broker']);
    expect(choices.map((c) => c.label)).toEqual([`${faultInfo.loseAck!.en} (Consumer 1)`, `${faultInfo.loseAck!.en} (Consumer 2)`]);
    expect(choices.every((c) => c.key === undefined)).toBe(true);
    // Each button injects on its own link once that consumer's ack is on the wire.
    let tl = createTimeline(scenario);
    const injected = new Set<string>();
    for (let i = 0; i < 150; i++) {
      for (const c of buttons(scenario, currentWorld(tl), words(one.id), labels)) if (c.fault === 'loseAck' && c.key) injected.add(`${c.place} ${c.key}`);
      const next = stepForward(tl);
      if (next === tl) break;
      tl = next;
    }
    expect(injected.size).toBeGreaterThan(0);
    for (const k of injected) expect(k.endsWith(`f:loseAck:${k.split(' ')[0]}`), k).toBe(true);
  });

  it('a consumer the default run never lets a fault hit still has its button from the first step, disabled until it can happen', () => {
    const scenario = findScenario('inbox-concurrent-redelivery', allScenarios)!;
    const first = buttons(scenario, currentWorld(createTimeline(scenario)), words(scenario.id), labels).filter((c) => c.fault === 'crashConsumerAfterEffect');
    expect(first.map((c) => [c.place, c.label.endsWith('(Consumer 2)') || c.label.endsWith('(Consumer 1)'), c.key])).toEqual([
      ['c1', true, undefined],
      ['c2', true, undefined],
    ]);
    // The default run never offers consumer 2's crash: the button is there regardless.
    let tl = createTimeline(scenario);
    for (let i = 0; i < 150; i++) {
      expect(enabledSteps(currentWorld(tl)).map(stepKey)).not.toContain('f:crashConsumerAfterEffect:c2');
      const next = stepForward(tl);
      if (next === tl) break;
      tl = next;
    }
  });

  it('the island offers what the page build found, and only that, from the first step: the reader’s device does not probe', () => {
    const scenario = findScenario('inbox-concurrent-redelivery', allScenarios)!;
    const found = faultTargets(scenario);
    expect(found.crashConsumerAfterEffect).toEqual(['c1', 'c2']);
    const start = currentWorld(createTimeline(scenario));
    const crash = (id: string) =>
      faultChoices({ ...scenario, id }, start, words(scenario.id), labels)
        .filter((c) => c.fault === 'crashConsumerAfterEffect')
        .map((c) => c.place);
    // With the build's findings in its props: a button per consumer, though no crash is possible yet.
    knowTargets('hydrated', found);
    expect(crash('hydrated')).toEqual(['c1', 'c2']);
    // Handed one target, one button; handed nothing, no consumer's button until the run reaches a crash.
    knowTargets('given', { crashConsumerAfterEffect: ['c2'] });
    expect(crash('given')).toEqual(['c2']);
    expect(crash('nothing').filter((place) => place.startsWith('c'))).toEqual([]);
  });

  it('a fault whose name already says whom it hits is not named twice (关闭消费者 1（发版）, not …（消费者 1）)', () => {
    const scenario = findScenario('kafka-close-without-revoke-commit', allScenarios)!;
    const zh = JSON.parse(readFileSync(new URL('../../content/i18n/zh-CN.json', import.meta.url), 'utf8')) as Record<string, string>;
    const zhLabels = Object.fromEntries(simKeys.map((k) => [k, zh[k]!])) as SimLabels;
    const start = currentWorld(createTimeline(scenario));
    const faults = Object.keys(scenario.faults) as FaultKind[];
    const close = (lang: 'en' | 'zh-cn', l: SimLabels) =>
      buttons(scenario, start, faultWords(faults, lang, faultInfo), l, lang)
        .filter((c) => c.fault === 'closeConsumer')
        .map((c) => c.label);
    expect(close('en', labels)).toEqual([faultInfo.closeConsumer!.en]);
    expect(close('zh-cn', zhLabels)).toEqual(['关闭消费者 1（发版）']);
  });

  it('no button names a target the engine never offers', () => {
    // Kafka's "close consumer 1 (deploy)" can only hit consumer 1: there is no button for consumer 2.
    const scenario = findScenario('kafka-commit-on-revoke', allScenarios)!;
    const choices = buttons(scenario, currentWorld(createTimeline(scenario)), words(scenario.id), labels).filter((c) => c.fault === 'closeConsumer');
    expect(choices.map((c) => c.place)).toEqual(['c1']);
  });

  it('a link fault goes on its link, a delivery’s on the broker, a consumer instance on its consumer', () => {
    expect(placeOf('link', 'c1>broker')).toBe('c1>broker');
    expect(placeOf('broker', 'order-42/1#1')).toBe('broker');
    expect(placeOf('consumer', 'c2#3')).toBe('c2');
    expect(placeOf('producer', 'producer')).toBe('producer');
  });

  it('every fault a built-in scenario can inject is declared by its broker with what it hits, and its targets are of that kind', () => {
    const shapes = { consumer: /^c\d+(#\d+)?$/, producer: /^producer$/, link: /^[\w-]+>[\w-]+$/, broker: /^(?!c\d|producer$)[^>]+$/ } as const;
    let checked = 0;
    for (const scenario of allScenarios) {
      const declared = protocolOf(scenario.protocol ?? 'ack').faultTargets ?? {};
      for (const fault of Object.keys(scenario.faults)) expect(declared[fault], `${scenario.id}: ${fault}`).toBeDefined();
      // Every target the page build finds for the scenario's faults (fault-targets.ts) has the declared shape.
      for (const [fault, targets] of Object.entries(faultTargets(scenario))) {
        for (const target of targets ?? []) {
          expect(target, `${scenario.id}: ${fault}`).toMatch(shapes[declared[fault]!]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
