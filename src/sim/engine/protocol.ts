import type { AnyStateMachine } from 'xstate';
import type { ActorState, Payload } from '../core/types';
import type { Transitioner } from './actors';
import type { Scenario } from './scenario';
import type { Step, TraceEvent, World } from './world';
import type { FaultKind } from './step';

/** Words in both languages. */
export interface Text {
  en: string;
  'zh-cn': string;
}

/**
 * An actor named inside view text (`{actor:c1}`, a Kafka member `{actor:c1#2}`): the widget shows the
 * actor's name in the reader's language ("Consumer 1", "消费者 1"), never the id.
 */
export const actorRef = (id: string): string => `{actor:${id}}`;

/** A producer's retry count as a lane note: "attempt 2", "第 2 次尝试". */
export const attemptNote = (n: number): Text => ({ en: `attempt ${n}`, 'zh-cn': `第 ${n} 次尝试` });

/** A token the lanes draw: a message (or request) with its delivery count and redelivered mark. */
export interface TokenView {
  /** Business key or message id, turned into the message's name by the view, plus a suffix. */
  msg?: string;
  /** Free text instead of (or after) the message name: "offset 1", "copy 2". */
  text?: Text | string;
  count?: number;
  redelivered?: boolean;
  /** CSS modifier: stored, unacked, current, retry, dead … */
  kind: string;
}

/** A labelled group of tokens or facts inside a lane: "Queue", "Unacked", "p0 log", "%DLQ%billing". */
export interface SectionView {
  label: Text | string;
  tokens: TokenView[];
  /** One line of facts under the tokens: "committed offset 1". */
  note?: Text | string;
}

/** What a protocol shows for one actor. */
export interface LaneView {
  state: string;
  sections: SectionView[];
  notes: (Text | string)[];
}

/** What the lanes show for a world. */
export interface WorldView {
  producer: LaneView;
  broker: LaneView;
  consumers: Record<string, LaneView>;
}

/**
 * One setting as the widget lists it: name, value in this scenario, the real default, and where it is
 * set. Names and values are the real ones (`max.poll.interval.ms`, `basic.nack, requeue=true`); a row
 * that describes rather than names (`on failure`, `after each record`) is written in both languages.
 */
export interface SettingView {
  name: string | Text;
  value: string | Text;
  default: string | Text;
  /** Set on the broker (queue, stream, server config) or in a client (producer, consumer, application code). */
  side: 'server' | 'client';
  /** A value changed for the demo (a timeout shortened, a limit lowered): shown as such. */
  changed: boolean;
}

/**
 * What a fault hits: a consumer (`c1`), the producer, a link (`broker>producer`: the envelope at its
 * head), or the broker (itself, or a record it keeps: a delivery tag, a stream sequence).
 */
export type FaultTarget = 'consumer' | 'producer' | 'link' | 'broker';

/** See `Protocol.faultTraits`. */
export interface FaultTraits {
  movesClock?: true;
  producerOnly?: true;
}

/**
 * A broker protocol: its machines, how the world moves, how it looks. The engine, the timeline, the
 * checker and the widget call only this, so every broker gets the same tools for free. `W` is the
 * protocol's world (its actors' contexts), `S` its settings (`Scenario.broker`); the registry holds
 * protocols as `Protocol` and hands each one only worlds and scenarios of its own.
 */
export interface Protocol<W extends World = World, S = unknown> {
  /** Its id in scenarios, share links and step keys: `kafka`, `rocketmq` … */
  id: string;
  /** The broker's name as readers know it. */
  title: string;
  initialWorld(scenario: Scenario<S>): W;
  /** Every step possible now, sorted by key (see `collectSteps`). */
  enabledSteps(world: W, faults: boolean): Step[];
  apply(world: W, step: Step, scenario: Scenario<S>, tx: Transitioner): { world: W; events: TraceEvent[] };
  /** The machines, for the state view, with the actors running each. */
  machines: { name: 'producer' | 'broker' | 'consumer'; machine: AnyStateMachine; actors(world: W): ActorState[] }[];
  view(world: W, scenario: Scenario<S>): WorldView;
  settings(scenario: Scenario<S>): SettingView[];
  /**
   * The broker treats its consumers alike (it hands out work in an order kept as data, never by
   * comparing ids), so the checker may merge a world with the same world with two consumers swapped
   * (check/symmetry.ts). Leave it unset when an assignor or a rule picks consumers by id.
   */
  symmetricConsumers?: boolean;
  /**
   * Fields the protocol keeps only to tell the story (how often the broker served a record: "consumed 3
   * times by the group"): no step, guard or handler reads them, nor any invariant. The checker's world
   * keys leave them out (world.ts), so two worlds that differ only there are one state.
   */
  narrationOnly?: readonly string[];
  /**
   * Partial-order reduction (check/reduce.ts): whether this delivery to the broker may be explored
   * alone in `world`: it commutes with every step that can happen before it, and none of them can
   * disable it. The protocol answers from its own rules (which messages to the broker touch what).
   */
  commutesIntoBroker?(world: W, step: Extract<Step, { kind: 'deliver' }>): boolean;
  /**
   * What the checker must know of this broker's faults (check/reduce.ts): which move the simulated
   * clock (a timeout reached at once), and which only ever act on the producer or on the link
   * `broker>producer` (a lost confirm or send result, the producer crashing: nothing else spends them).
   */
  faultTraits?: Readonly<Record<FaultKind, FaultTraits>>;
  /** What each of its faults hits (the widget puts the fault's buttons there). */
  faultTargets?: Readonly<Record<FaultKind, FaultTarget>>;
  /** What this broker calls an envelope in flight, where it differs from the generic word (a JetStream `ready` is a pull request). */
  payloadWords?: Partial<Record<Payload['kind'], Text>>;
}
