/**
 * RabbitMQ's message in the code labs' handler API (src/sim/consumers/handler-api.d.ts): global
 * declarations, merged into `HandlerMessages`. The editor loads this file with the common API for a
 * lab on this broker only, so no other broker's message type exists there.
 */

/** A RabbitMQ delivery (AMQP 0-9-1 basic.deliver). */
interface RabbitMessage {
  /** The `message-id` property, only if the publisher set one. */
  readonly messageId: string | undefined;
  /** Set when the broker delivered this message before and it was not acked. */
  readonly redelivered: boolean;
  /** `x-delivery-count`: failed deliveries so far, on quorum queues only. */
  readonly headers: { readonly 'x-delivery-count'?: number };
  readonly body: OrderBody;
}

interface HandlerMessages {
  rabbitmq: RabbitMessage;
}
