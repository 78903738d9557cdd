/**
 * Plain data shared by every part of the simulator. Everything here is serialisable (no classes,
 * no functions), so a world can be copied, hashed, stored in a checkpoint and sent to a worker.
 */

/** Who acts: the producer, the broker, or a consumer (`c1`, `c2`, …). */
export type ActorId = 'producer' | 'broker' | `c${number}`;

/** A business message as the application sees it: `key` is the business key (e.g. `order-42`). */
export interface Message {
  /** Producer-chosen message id; it stays the same across the producer's retries. */
  id: string;
  /** Business key the side effect is about, and what a dedup table should use. */
  key: string;
  /** What the consumer does with it, in words: "charge order #42 ¥100". */
  label: { en: string; 'zh-cn': string };
  /** A short name for logs and tokens: "order #42". */
  name: { en: string; 'zh-cn': string };
  /** A poison message: every attempt to process it fails (a bad amount). Parking it in a dead-letter queue is the right outcome. */
  poison?: boolean;
  /** Partition or queue the producer sends it to (default 0). */
  partition?: number;
  /** The amount to charge, in yuan (code labs check that each order is charged exactly this; default ¥100). */
  amount?: number;
}

/** One delivery of a stored message to a consumer. */
export interface Delivery {
  msgId: string;
  key: string;
  /** Which stored copy (a producer retry without broker dedup stores a second copy). */
  copy: number;
  /** 1 for the first delivery of this copy, 2 for the first redelivery, … */
  count: number;
  /** The broker's hint that this copy may have been seen before (RabbitMQ's `redelivered`). */
  redelivered: boolean;
  /** The consumer's channel (connection incarnation) the delivery belongs to. */
  channel: number;
  /** Where it came from, for the views: `p0@1` (Kafka partition and offset), `q1@0`, `%RETRY%billing`. */
  where?: string;
  /** Kafka offset, RocketMQ queue offset, JetStream stream sequence: what a handler sees as the record's position. */
  offset?: number;
  /** RocketMQ: `reconsumeTimes` of this delivery. */
  retries?: number;
}

/** Stable name of a delivery, used as the broker's delivery tag: `order-42/1#2`. */
export const deliveryTag = (d: Pick<Delivery, 'msgId' | 'copy' | 'count'>): string => `${d.msgId}/${d.copy}#${d.count}`;

/** A record in a Kafka partition or a RocketMQ queue, as a consumer receives it. */
export interface LogRecord {
  offset: number;
  msgId: string;
  key: string;
  /** How many times the group has been handed this record (1 = first read). */
  reads: number;
  /** Which stored copy of this message id it is (an application re-send stores copy 2). */
  copy: number;
  /** RocketMQ: retries so far (`reconsumeTimes`). */
  retries?: number;
}

/**
 * What can travel on the network, by kind: the generic queue's kinds here (RabbitMQ and JetStream
 * speak them too); each broker adds its own in its folder (`<id>.payloads.ts`, by declaration
 * merging into this interface), so a new broker changes no engine or core file.
 */
export interface PayloadKinds {
  publish: { msg: Message };
  confirm: { msgId: string; duplicate?: boolean };
  deliver: { delivery: Delivery };
  ack: { tag: string; channel: number; sync?: boolean };
  nack: { tag: string; channel: number; requeue: boolean; delay?: number };
  ready: { channel: number };
  closed: { channel: number };
}

/** What travels on the network between two actors: one of the kinds the loaded brokers declare, with its `kind`. */
export type Payload = { [K in keyof PayloadKinds]: { kind: K } & PayloadKinds[K] }[keyof PayloadKinds];

/** A payload in flight from one actor to another. Channels between two actors are FIFO (TCP). */
export interface Envelope {
  from: ActorId;
  to: ActorId;
  payload: Payload;
}

/**
 * What a timer carries for the step that fires it (the sequence, delivery tag or member it is for),
 * as its protocol's own typed record with a `kind`: firing reads these fields, never the timer's name.
 * The name stays the timer's identity (one per owner and name; step keys `t:<owner>:<name>`).
 */
export type TimerData = Readonly<{ kind: string } & Record<string, string | number>>;

/** Something an actor asked the engine to do: send, start or cancel a timer. */
export type Output =
  | { kind: 'send'; to: ActorId; payload: Payload }
  | { kind: 'startTimer'; name: string; after: number; data?: TimerData }
  | { kind: 'cancelTimer'; name: string };

/** A pending timer on the simulated clock. `name` is unique per owner. */
export interface Timer {
  owner: ActorId | 'cache' | 'net';
  name: string;
  deadline: number;
  /** For `net` timers: the delayed envelope that arrives when the timer fires. */
  envelope?: Envelope;
  /** What the step that fires it needs (see `TimerData`). */
  data?: TimerData;
}

/** A machine's state reduced to plain data: the state value and the context. */
export interface ActorState<C = unknown> {
  value: string;
  context: C;
}
