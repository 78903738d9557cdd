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
}

/** Stable name of a delivery, used as the broker's delivery tag: `order-42/1#2`. */
export const deliveryTag = (d: Pick<Delivery, 'msgId' | 'copy' | 'count'>): string =>
  `${d.msgId}/${d.copy}#${d.count}`;

/** What travels on the network between two actors. */
export type Payload =
  | { kind: 'publish'; msg: Message }
  | { kind: 'confirm'; msgId: string }
  | { kind: 'deliver'; delivery: Delivery }
  | { kind: 'ack'; tag: string; channel: number }
  | { kind: 'ready'; channel: number }
  | { kind: 'closed'; channel: number };

/** A payload in flight from one actor to another. Channels between two actors are FIFO (TCP). */
export interface Envelope {
  from: ActorId;
  to: ActorId;
  payload: Payload;
}

/** Something an actor asked the engine to do: send, start or cancel a timer. */
export type Output =
  | { kind: 'send'; to: ActorId; payload: Payload }
  | { kind: 'startTimer'; name: string; after: number }
  | { kind: 'cancelTimer'; name: string };

/** A pending timer on the simulated clock. `name` is unique per owner. */
export interface Timer {
  owner: ActorId | 'cache' | 'net';
  name: string;
  deadline: number;
  /** For `net` timers: the delayed envelope that arrives when the timer fires. */
  envelope?: Envelope;
}

/** A machine's state reduced to plain data: the state value and the context. */
export interface ActorState<C = unknown> {
  value: string;
  context: C;
}
