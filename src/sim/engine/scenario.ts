import type { Message } from '../core/types';
import { strategies, type StrategyId } from '../consumers';
import type { Handler } from '../consumers/handler';
import type { FaultKind } from './step';
import type { ProtocolId } from '../protocols/registry';

/** The invariants scenarios are judged by; `everyCopySettled` only where a reader's handler runs (code labs). */
export type InvariantId = 'noDuplicateSideEffect' | 'noMessageLost' | 'everyCopySettled';
/** The two invariants every built-in scenario declares a verdict for. */
export type BaseInvariantId = 'noDuplicateSideEffect' | 'noMessageLost';
/** A verdict per invariant. */
export type Verdicts = Record<BaseInvariantId, 'holds' | 'violated'>;

/** Timings and limits, in simulated milliseconds. */
export interface Settings {
  confirmTimeout: number;
  maxPublishAttempts: number;
  ackTimeout: number;
  /** Broker dedup window by message id, or null for none. */
  dedupWindow: number | null;
  restartDelay: number;
  /** TTL of cache keys written by SETNX strategies. */
  cacheTtl: number;
  /** How late a delayed envelope arrives. */
  networkDelay: number;
  /**
   * Simulated time after which no timer fires: the checker judges what happened by then. Needed
   * only where a broker would retry forever (a poison message in RocketMQ orderly consumption).
   */
  horizon?: number | null;
}

/**
 * A built-in scenario: a world to build, the faults allowed (with how many of each), and the lesson.
 * `S` is the settings type of the broker it runs on (each protocol reads its own, see `Protocol`).
 */
export interface Scenario<S = unknown> {
  id: string;
  /** Which broker's machines run it (default: the generic queue, `ack`). */
  protocol?: ProtocolId;
  /** The broker's own settings (the protocol's defaults when absent). */
  broker?: S;
  /** Words for readers (see `ScenarioText`); kept out of the client bundles, so optional here. */
  title?: { en: string; 'zh-cn': string };
  lesson?: { en: string; 'zh-cn': string };
  notes?: { en: string; 'zh-cn': string };
  messages: Message[];
  consumers: number;
  autoAck: boolean;
  /** The consumer's deduplication strategy; 'custom' when a reader's `handler` runs instead. */
  strategy: StrategyId | 'custom';
  settings: Settings;
  /** Fault budget: which faults the reader and the checker may inject, and how many times each. */
  faults: Partial<Record<FaultKind, number>>;
  /** The verdict the checker must reach (declared here, never copied from a run). */
  expected: Verdicts;
  /** A reader's handler (code labs): replaces the strategy's operations. */
  handler?: Handler;
  /**
   * A reader's module, compiled once (code labs): each step runs on a `fresh()` instance, so
   * module-level variables never leak between steps, consumers or explored branches. When `shared`
   * is given, every step also runs on that one long-lived instance, and a difference means the
   * handler depends on module state: the engine throws `ModuleStateError`.
   */
  handlerModule?: HandlerModule;
  /** Amount the handler is asked to charge when a message names none (default ¥100). */
  amount?: number;
  /** Set by the engine for one step only: this consumer's COMMIT loses its reply. */
  loseCommitReplyOf?: string;
}

/** A reader's compiled module: a fresh instance per step, and optionally one shared instance to detect module state. */
export interface HandlerModule {
  fresh(): Handler;
  shared?: Handler;
}

/**
 * A scenario's words: its title, the one sentence a reader should take away, and speaker notes for
 * presenter mode (what to ask the class, what to point at). They live in `*.scenarios.text.ts`, are
 * joined to the scenarios on the server, and reach a widget as props in the page's language only.
 */
export interface ScenarioText {
  title: { en: string; 'zh-cn': string };
  lesson: { en: string; 'zh-cn': string };
  notes?: { en: string; 'zh-cn': string };
}

/** A scenario with its words. */
export type DescribedScenario = Scenario & ScenarioText;

/** Joins scenarios to their words; a scenario without words is a mistake and throws. */
export function describeScenarios(scenarios: readonly Scenario[], texts: Record<string, ScenarioText>): DescribedScenario[] {
  return scenarios.map((s) => {
    const text = texts[s.id];
    if (!text) throw new Error(`scenario ${s.id} has no title and lesson`);
    return { ...s, ...text };
  });
}

/** Defaults close to common broker defaults, shortened where a scenario says so. */
export const defaultSettings: Settings = {
  confirmTimeout: 5_000,
  maxPublishAttempts: 3,
  ackTimeout: 30_000,
  dedupWindow: null,
  restartDelay: 1_000,
  cacheTtl: 60_000,
  networkDelay: 10_000,
};

/** Both invariants hold: the verdict of every fixed variant. */
export const bothHold = { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' } as const satisfies Verdicts;
/** A duplicate, nothing lost: the verdict of most broken scenarios. */
export const duplicateOnly = { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' } as const satisfies Verdicts;
/** The fix most broker scenarios pair with: an inbox row keyed on the business key, in the business transaction. */
export const withInbox = { strategy: 'inboxInTransaction' } as const satisfies Partial<Scenario>;

/** The message most scenarios use. */
export const order42: Message = {
  id: 'order-42',
  key: 'order-42',
  label: { en: 'charge order #42 ¥100', 'zh-cn': '订单 #42 扣款 ¥100' },
  name: { en: 'order #42', 'zh-cn': '订单 #42' },
};

/** A poison message: its amount is invalid, so every attempt fails. */
export const order13: Message = {
  id: 'order-13',
  key: 'order-13',
  label: { en: 'charge order #13 ¥-5 (invalid amount)', 'zh-cn': '订单 #13 扣款 ¥-5（金额非法）' },
  name: { en: 'order #13', 'zh-cn': '订单 #13' },
  poison: true,
};

/** What most scenarios of a broker start from: order #42, one consumer, manual acks, no deduplication. */
export const scenarioBase = <P extends ProtocolId>(protocol: P) =>
  ({ protocol, messages: [order42], consumers: 1, autoAck: false, strategy: 'none', settings: defaultSettings }) as const satisfies Partial<Scenario>;

/**
 * The same scenario with another consumer strategy (a widget's strategy picker). Its id says so,
 * `<id>~<strategy>`, so share links can name it. The declared verdict belongs to the original only.
 */
export function withStrategy<S>(scenario: Scenario<S>, strategy: StrategyId | 'custom'): Scenario<S> & { variantOf?: string } {
  if (strategy === scenario.strategy) return scenario;
  const base = scenario.id.split('~')[0]!;
  return { ...scenario, id: `${base}~${strategy}`, strategy, variantOf: base };
}

/** Finds a scenario by id, including strategy variants (`<id>~<strategy>`). */
export function findScenario<S>(id: string, scenarios: readonly Scenario<S>[]): Scenario<S> | undefined {
  const [baseId, strategy, extra] = id.split('~');
  if (extra !== undefined) return undefined;
  const base = scenarios.find((s) => s.id === baseId);
  if (!base || strategy === undefined) return base;
  return Object.hasOwn(strategies, strategy) ? withStrategy(base, strategy as StrategyId) : undefined;
}
