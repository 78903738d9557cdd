/** RabbitMQ queue and consumer settings a scenario chooses (https://www.rabbitmq.com/docs/). */
export interface RabbitSettings {
  /** Classic queues have no delivery counter; quorum queues count deliveries (`x-delivery-count`). */
  queueType: 'classic' | 'quorum';
  /** `basic.qos` prefetch: unacked deliveries a consumer's channel may hold. */
  prefetch: number;
  /** `consumer_timeout` (ms): default 30 min (https://www.rabbitmq.com/docs/consumers#acknowledgement-timeout). */
  consumerTimeout: number;
  /** Quorum `x-delivery-limit`; null = unlimited (the default before 4.0; 20 since). */
  deliveryLimit: number | null;
  /** `x-message-ttl` (ms), or null for none. */
  messageTtl: number | null;
  /** Dead-letter exchange, or null: dead messages are dropped. */
  deadLetterExchange: string | null;
  /** What the consumer answers when its handler fails: `basic.nack` with requeue=true, or `basic.reject` with requeue=false. */
  onFailure: 'requeue' | 'reject';
  /** Whether the publisher sets the `message-id` property (code labs; default true): without it a consumer sees no id. */
  publisherSetsMessageId?: boolean;
}

/** RabbitMQ 4.x defaults, as the settings strip compares them. */
export const rabbitDefaults: RabbitSettings = {
  queueType: 'classic',
  prefetch: 1,
  consumerTimeout: 1_800_000,
  deliveryLimit: null,
  messageTtl: null,
  deadLetterExchange: null,
  onFailure: 'requeue',
};
