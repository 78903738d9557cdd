/**
 * NATS JetStream's message in the code labs' handler API (src/sim/consumers/handler-api.d.ts): global
 * declarations, merged into `HandlerMessages`. The editor loads this file with the common API for a
 * lab on this broker only, so no other broker's message type exists there.
 */

/** A NATS JetStream message from a pull consumer. */
interface JetStreamMessage {
  readonly subject: string;
  /** `Nats-Msg-Id` if the publisher set it (the stream dedups on it inside duplicate_window). */
  readonly headers: { readonly 'Nats-Msg-Id'?: string };
  /** The stream sequence. */
  readonly seq: number;
  /** How many times this consumer has delivered it (1 = first). */
  readonly numDelivered: number;
  readonly body: OrderBody;
}

interface HandlerMessages {
  jetstream: JetStreamMessage;
}
