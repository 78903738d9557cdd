/**
 * Settings of the generic queue's broker that a scenario may choose. Without them the broker writes
 * every message to disk before it confirms it, so a restart keeps everything it confirmed.
 */
export interface AckSettings {
  /**
   * When a stored message reaches the disk. `sync`: before the confirm is sent (RocketMQ
   * `flushDiskType=SYNC_FLUSH`, RabbitMQ persistent messages in durable queues, JetStream with
   * `sync_interval: always`). `async`: the confirm goes out at once and a background flush writes the
   * message within `flushInterval` (RocketMQ's default `ASYNC_FLUSH`, JetStream's default
   * `sync_interval` of 2 min): a machine crash before that flush loses a confirmed message.
   */
  flush: 'sync' | 'async';
  /** With `async`: how long after a write the background flush runs (ms); RocketMQ's `flushIntervalCommitLog` is 500. */
  flushInterval: number;
}

/** The generic queue's broker unless a scenario says otherwise: flushed before the confirm. */
export const ackDefaults: AckSettings = { flush: 'sync', flushInterval: 500 };
