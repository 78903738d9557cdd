/**
 * RocketMQ's message in the code labs' handler API (src/sim/consumers/handler-api.d.ts): global
 * declarations, merged into `HandlerMessages`. The editor loads this file with the common API for a
 * lab on this broker only, so no other broker's message type exists there.
 */

/** A RocketMQ `MessageExt`. */
interface RocketMessage {
  /** The id of this send: a re-send by the application gets a new one; a retry through %RETRY% keeps it. */
  readonly msgId: string;
  /** The business key the producer set with `setKeys`. */
  readonly keys: string;
  /** How many times consumption was retried (`RECONSUME_LATER`). */
  readonly reconsumeTimes: number;
  readonly body: OrderBody;
}

interface HandlerMessages {
  rocketmq: RocketMessage;
}
