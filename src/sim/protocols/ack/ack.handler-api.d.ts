/**
 * the generic queue's message in the code labs' handler API (src/sim/consumers/handler-api.d.ts): global
 * declarations, merged into `HandlerMessages`. The editor loads this file with the common API for a
 * lab on this broker only, so no other broker's message type exists there.
 */

/** A message from the generic queue (the concept chapters' broker). */
interface QueueMessage {
  /** The id the publisher set; a republish after a lost confirm keeps it, an application re-send gets a new one. */
  readonly messageId: string;
  /** The broker's hint that this copy may have been delivered before (not proof it was processed). */
  readonly redelivered: boolean;
  readonly body: OrderBody;
}

interface HandlerMessages {
  ack: QueueMessage;
}
