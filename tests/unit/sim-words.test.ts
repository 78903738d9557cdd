import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simKeys } from '../../src/i18n/ui-keys';
import { faultWords } from '../../src/islands/bounds';
import { describeEvent, fmt, ledgerRows, paren, sentence, stateName, type Lang, type SimLabels } from '../../src/islands/Simulator/describe';
import { buttons } from './fault-buttons';
import { embedCode } from '../../src/islands/Simulator/embed-code';
import { switchNote, switchStrategy } from '../../src/islands/Simulator/switch-strategy';
import {
  allScenarios,
  apply,
  createTimeline,
  currentWorld,
  enabledSteps,
  faultInfo,
  findScenario,
  initialWorld,
  inject,
  protocols,
  seek,
  stepForward,
  stepKey,
  withStrategy,
  worldKey,
  type FaultKind,
  type Scenario,
  type Timeline,
  type TraceEvent,
  type World,
} from '../../src/sim';

/**
 * What the simulator says, in both languages: every state has a human name, every step of every
 * built-in scenario narrates something, and the sentences are whole (no gaps, plurals right, English
 * sentences capitalised, no stray spaces inside Chinese).
 */
const load = (file: string): SimLabels => {
  const all = JSON.parse(readFileSync(new URL(`../../content/i18n/${file}`, import.meta.url), 'utf8')) as Record<string, string>;
  return Object.fromEntries(simKeys.map((k) => [k, all[k]!])) as SimLabels;
};
const labels: Record<Lang, SimLabels> = { en: load('en.json'), 'zh-cn': load('zh-CN.json') };
const langs: Lang[] = ['en', 'zh-cn'];

/** Words that must agree with a number before them ("1 deliveries" is wrong). */
const pluralNouns = /\b1 (?:[a-z]+ )?(?:deliveries|attempts|times|records|messages|states|steps|copies|retries|transitions|consumers|errors)\b/;

/**
 * An ASCII bracket touching Chinese ("崩溃 (消费者 2)", "(第 2 次)"): Chinese sentences take full-width
 * （…）. Code keeps ASCII ("poll() 时", "basic.nack(requeue=true)"): no Chinese character touches it.
 */
const asciiParenInChinese = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e] ?\(|\([\u3400-\u9fff]|[\u3400-\u9fff]\)/;

/** A sentence key left untranslated: a generic one (`log.…`, `step.…`, `state.…`) or any loaded broker's own (`pulsar.…`). */
const rawKey = () => new RegExp(`^(?:log|step|state|${Object.keys(protocols).join('|')})\\.[\\w.]+$`);

/** Problems with one sentence, or [] when it reads right. */
function problems(text: string, lang: Lang): string[] {
  const out: string[] = [];
  if (/\{[\w|:#-]*\}?/.test(text)) out.push('placeholder left');
  if (/undefined|NaN|\[object/.test(text)) out.push('a value is missing');
  if (rawKey().test(text)) out.push('raw key');
  if (lang === 'en' && /^\P{L}*\p{Ll}/u.test(text)) out.push('starts in lowercase');
  if (lang === 'en' && pluralNouns.test(text)) out.push('plural after 1');
  if (lang === 'zh-cn' && /[\u4e00-\u9fff] +[\u4e00-\u9fff]/.test(text)) out.push('space between Chinese words');
  if (lang === 'zh-cn' && asciiParenInChinese.test(text)) out.push('ASCII bracket in Chinese');
  return out;
}

/** Every world reachable from a scenario's start (faults included), breadth first, up to `limit`. */
function* reachableSteps(scenario: Scenario, limit = 3000): Generator<{ before: World; key: string; events: TraceEvent[]; after: World }> {
  const start = initialWorld(scenario);
  const seen = new Set([worldKey(start)]);
  const queue = [start];
  while (queue.length > 0 && seen.size < limit) {
    const before = queue.shift()!;
    for (const step of enabledSteps(before)) {
      const { world: after, events } = apply(before, step, scenario);
      yield { before, key: stepKey(step), events, after };
      const k = worldKey(after);
      if (!seen.has(k)) {
        seen.add(k);
        queue.push(after);
      }
    }
  }
}

describe('state names', () => {
  it('every state of every machine has a human name in both languages (the machine id stays in the state-machine view)', () => {
    const missing: string[] = [];
    for (const protocol of Object.values(protocols)) {
      for (const { name, machine } of protocol!.machines) {
        for (const state of Object.keys(machine.root.states)) {
          for (const lang of langs)
            if (stateName(state, protocol!.id, labels[lang], lang) === state) missing.push(`${protocol!.id} ${name} ${state} (${lang})`);
        }
      }
    }
    // Kafka's broker lane shows `rebalancing` while a group waits for its members.
    for (const lang of langs) if (stateName('rebalancing', 'kafka', labels[lang], lang) === 'rebalancing') missing.push(`kafka rebalancing (${lang})`);
    expect(missing).toEqual([]);
    expect(stateName('awaitingConfirm', 'ack', labels.en, 'en')).toBe('Waiting for the confirm');
    expect(stateName('awaitingConfirm', 'ack', labels['zh-cn'], 'zh-cn')).toBe('等待确认');
    expect(stateName('idle', 'kafka', labels.en, 'en')).toBe('In the group, no partition');
  });
});

describe('every step narrates', () => {
  it('every reachable step of every built-in scenario says what happened, in whole sentences in both languages', () => {
    const bad = new Map<string, string>();
    let steps = 0;
    for (const scenario of allScenarios) {
      for (const { key, events } of reachableSteps(scenario)) {
        steps++;
        if (events.length === 0) bad.set(`${scenario.id} ${key}`, 'no event');
        for (const e of events) {
          for (const lang of langs) {
            const text = describeEvent(e, scenario, labels[lang], lang);
            const found = problems(text, lang);
            if (found.length > 0) bad.set(`${scenario.protocol ?? 'ack'} ${e.explain} (${lang})`, `${found.join(', ')}: ${text}`);
          }
        }
      }
    }
    expect(steps).toBeGreaterThan(10_000);
    expect(Object.fromEntries(bad)).toEqual({});
  });

  it('the steps that used to be silent now say what arrived or fired', () => {
    const say = (id: string, n: number, lang: Lang = 'en') => {
      const scenario = findScenario(id, allScenarios)!;
      const tl = seek(createTimeline(scenario), n);
      return tl.frames[n]!.events.map((e) => describeEvent(e, scenario, labels[lang], lang)).join(' ');
    };
    expect(say('manual-ack-crash-after-effect', 1)).toBe("The broker received Consumer 1's request for the next message.");
    expect(say('kafka-auto-commit-crash', 3)).toMatch(/^The broker received Consumer 1’s fetch request from offset \d+\.$/);
    expect(say('kafka-auto-commit-crash', 4)).toBe('The producer starts and sends its first record.');
    expect(say('kafka-auto-commit-crash', 3, 'zh-cn')).toMatch(/^Broker 收到消费者 1 的拉取请求，从位点 \d+ 开始读。$/);
  });

  it('ledger sentences start with a capital and read as Chinese without stray spaces', () => {
    const scenario = findScenario('manual-ack-crash-after-effect', allScenarios)!;
    let tl: Timeline = createTimeline(scenario);
    while (!enabledSteps(tl.frames[tl.cursor]!.world).some((s) => stepKey(s).startsWith('f:crashConsumerAfterEffect'))) tl = stepForward(tl);
    tl = inject(tl, 'f:crashConsumerAfterEffect:c1');
    tl = seek(tl, 100);
    const world = tl.frames[tl.cursor]!.world;
    const trace = tl.frames.flatMap((f) => f.events);
    const [en] = ledgerRows(world, trace, true, scenario, labels.en, 'en');
    const [zh] = ledgerRows(world, trace, true, scenario, labels['zh-cn'], 'zh-cn');
    expect(en!.sentence).toBe('Order #42 charged 2 times: the consumer crashed after charging, before acking, so the broker redelivered it.');
    expect(zh!.sentence).toBe('订单 #42 被扣了 2 次：消费者扣款后、ack 前崩溃，Broker 重投了这条消息。');
  });
});

describe('Chinese punctuation', () => {
  const zhWords = (s: Scenario) => faultWords(Object.keys(s.faults) as FaultKind[], 'zh-cn', faultInfo);

  it('fault buttons, their tips and the actor menus use full-width brackets in Chinese, config names stay ASCII', () => {
    const bad = new Set<string>();
    for (const scenario of allScenarios) {
      let tl = createTimeline(scenario);
      for (let i = 0; i < 80; i++) {
        for (const c of buttons(scenario, currentWorld(tl), zhWords(scenario), labels['zh-cn'], 'zh-cn')) {
          for (const text of [c.label, c.tip]) if (problems(text, 'zh-cn').length > 0) bad.add(`${scenario.id} ${c.id}: ${text}`);
        }
        const next = stepForward(tl);
        if (next === tl) break;
        tl = next;
      }
    }
    expect([...bad]).toEqual([]);
    const two = findScenario('inbox-concurrent-redelivery', allScenarios)!;
    const crash = buttons(two, currentWorld(createTimeline(two)), zhWords(two), labels['zh-cn'], 'zh-cn').find((c) => c.id === 'crashConsumerAfterEffect-c2')!;
    expect(crash.label).toBe(`${faultInfo.crashConsumerAfterEffect!['zh-cn']}（消费者 2）`);
    const kafka = findScenario('kafka-poll-interval-exceeded', allScenarios)!;
    expect(buttons(kafka, currentWorld(createTimeline(kafka)), zhWords(kafka), labels['zh-cn'], 'zh-cn')[0]!.label).toBe(
      '处理超过 max.poll.interval.ms（消费者 1）',
    );
  });

  it('every Chinese UI string and fault word has full-width brackets around Chinese', () => {
    const bad: string[] = [];
    for (const [k, v] of Object.entries(labels['zh-cn'])) if (asciiParenInChinese.test(v)) bad.push(`${k}: ${v}`);
    for (const [k, v] of Object.entries(faultInfo))
      for (const text of [v['zh-cn'], v.tip['zh-cn']]) if (asciiParenInChinese.test(text)) bad.push(`${k}: ${text}`);
    expect(bad).toEqual([]);
    expect(paren('丢失 ack', '消费者 2', 'zh-cn')).toBe('丢失 ack（消费者 2）');
    expect(paren('Lose the ack', 'Consumer 2', 'en')).toBe('Lose the ack (Consumer 2)');
  });

  it('a fault carried over after a strategy switch is named with full-width brackets', () => {
    const scenario = findScenario('inbox-concurrent-redelivery', allScenarios)!;
    const note = switchNote(
      {
        timeline: createTimeline(scenario),
        how: 'moved',
        moved: [],
        dropped: [{ step: 'f:crashConsumerAfterEffect:c2', was: 3 }],
        orderDropped: false,
      } as unknown as Parameters<typeof switchNote>[0],
      { labels: labels['zh-cn'], lang: 'zh-cn', title: '收件箱', consumers: 2, faults: zhWords(scenario) },
    );
    expect(note).toContain('（消费者 2）');
    expect(problems(note!, 'zh-cn')).toEqual([]);
  });
});

describe('fmt and sentence', () => {
  it('picks the singular or plural word by the number', () => {
    expect(fmt('after {count} {count|delivery|deliveries}', { count: 1 })).toBe('after 1 delivery');
    expect(fmt('after {count} {count|delivery|deliveries}', { count: 3 })).toBe('after 3 deliveries');
    expect(fmt(labels.en['log.connection.closed'], { consumer: 'Consumer 1', requeued: 1 })).toBe(
      "Consumer 1's connection closed; 1 unacked delivery goes back to the queue.",
    );
    expect(fmt('{missing} stays', {})).toBe('{missing} stays');
  });

  it('capitalises English sentences and closes the gap between Chinese words only', () => {
    expect(sentence('order #42 is back', 'en')).toBe('Order #42 is back');
    expect(sentence('“order” is quoted', 'en')).toBe('“Order” is quoted');
    expect(sentence('消费者 1 又收到 订单 #42：第 2 次投递', 'zh-cn')).toBe('消费者 1 又收到订单 #42：第 2 次投递');
  });
});

describe('switching the strategy mid-run', () => {
  const scenario = findScenario('manual-ack-crash-after-effect', allScenarios)!;
  const crashed = () => {
    let tl = createTimeline(scenario);
    while (!enabledSteps(tl.frames[tl.cursor]!.world).some((s) => stepKey(s) === 'f:crashConsumerAfterEffect:c1')) tl = stepForward(tl);
    return seek(inject(tl, 'f:crashConsumerAfterEffect:c1'), 100);
  };

  it('keeps the injected fault and replays it under the new strategy, at the first step it can happen', () => {
    const before = crashed();
    const faultAt = before.spec.schedule[0]!.at;
    const switched = switchStrategy(before, withStrategy(scenario, 'inboxInTransaction'));
    const faults = switched.timeline.spec.schedule.filter((e) => e.step.startsWith('f:'));
    expect(faults.map((e) => e.step)).toEqual(['f:crashConsumerAfterEffect:c1']);
    expect(switched.dropped).toEqual([]);
    if (switched.how === 'moved') expect(switched.moved[0]!.was).toBe(faultAt);
    // The fault really happened in the new run, and the inbox kept the charge to one.
    const end = seek(switched.timeline, 200);
    expect(end.frames.some((f) => f.step === 'f:crashConsumerAfterEffect:c1')).toBe(true);
    expect(end.frames[end.cursor]!.world.stores.ledger['order-42']).toBe(1);
  });

  it('switching back finds the same run again', () => {
    const before = crashed();
    const there = switchStrategy(before, withStrategy(scenario, 'inboxInTransaction'));
    const back = switchStrategy(seek(there.timeline, 200), scenario);
    const end = seek(back.timeline, 200);
    expect(end.frames[end.cursor]!.world.stores.ledger['order-42']).toBe(2);
  });

  it('says which fault could not be replayed when its moment never comes', () => {
    // Upsert has no "after the write, before the ack" moment other than its own write: it exists, so use a
    // fault whose moment can be exhausted instead: two crashes with a budget of one in the new run.
    const before = crashed();
    const impossible = {
      ...before,
      spec: { ...before.spec, schedule: [...before.spec.schedule, { at: 1, step: 'f:noSuchFault:c9' }].sort((a, b) => a.at - b.at) },
    };
    const switched = switchStrategy(impossible, withStrategy(scenario, 'inboxInTransaction'));
    expect(switched.how).toBe('moved');
    expect(switched.dropped.map((d) => d.step)).toEqual(['f:noSuchFault:c9']);
  });
});

describe('embed code', () => {
  it('allows full screen, carries the theme, and sizes the iframe from our origin only', () => {
    const code = embedCode({
      origin: 'https://lab.example.org',
      base: '/lab/',
      lang: 'zh-cn',
      scenarioId: 'auto-ack-crash',
      title: 'Auto "ack"',
      theme: 'dark',
    });
    expect(code).toContain('src="https://lab.example.org/lab/zh-cn/embed/auto-ack-crash/?theme=dark"');
    expect(code).toContain('allow="fullscreen"');
    expect(code).toContain('title="Auto &quot;ack&quot;"');
    expect(code).toContain('e.origin!=="https://lab.example.org"');
    expect(code).toMatch(/<script>addEventListener\("message",.*redelivery-lab:height.*<\/script>$/s);
  });
});
