/**
 * NATS JetStream stream and consumer settings a scenario chooses
 * (https://docs.nats.io/nats-concepts/jetstream, https://docs.nats.io/nats-concepts/jetstream/consumers).
 */
export interface JetStreamSettings {
  /** Stream `duplicate_window` (ms): a repeated `Nats-Msg-Id` inside it is acknowledged and dropped. Default 2 min. */
  duplicateWindow: number;
  /** Consumer `ack_wait` (ms): a delivery not acked by then is redelivered. Default 30 s. */
  ackWait: number;
  /** Consumer `max_deliver`: deliveries per message before the server stops trying; -1 = unlimited (the default). */
  maxDeliver: number;
  /** The consumer acks with `AckSync` (the "double ack"): it waits for the server's reply and acks again if none comes. */
  ackSync: boolean;
  /** What the consumer answers when its handler fails: `nak` (redeliver) or `term` (never redeliver). */
  onFailure: 'nak' | 'term';
  /** The delay a `nak` asks for (ms); 0 = redeliver at once. */
  nakDelay: number;
  /** With AckSync: how long the consumer waits for the server's reply before acking again (ms). */
  ackSyncRetry: number;
}

/** The server's defaults (nats-server 2.9 – 2.11), as the settings strip compares them. */
export const jetstreamDefaults: JetStreamSettings = {
  duplicateWindow: 120_000,
  ackWait: 30_000,
  maxDeliver: -1,
  ackSync: false,
  onFailure: 'nak',
  nakDelay: 0,
  // The clients' usual request timeout.
  ackSyncRetry: 5_000,
};
