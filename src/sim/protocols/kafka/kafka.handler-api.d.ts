/**
 * Kafka's message in the code labs' handler API (src/sim/consumers/handler-api.d.ts): global
 * declarations, merged into `HandlerMessages`. The editor loads this file with the common API for a
 * lab on this broker only, so no other broker's message type exists there.
 */

/** A Kafka record as `poll()` returns it. Kafka has no redelivered flag and no delivery count. */
interface KafkaRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  /** The record key the producer chose (here the order id), or null. */
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: OrderBody;
}

interface HandlerMessages {
  kafka: KafkaRecord;
}
