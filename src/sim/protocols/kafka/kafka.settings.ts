/**
 * Kafka client settings a scenario chooses, with the real defaults
 * (https://kafka.apache.org/documentation/#consumerconfigs, #producerconfigs).
 */
export interface KafkaSettings {
  /**
   * How the consumer commits: `auto` = enable.auto.commit=true (every auto.commit.interval.ms, and
   * before a rebalance or close); `sync` = commitSync() after each record; `timer` = auto-commit off,
   * the application commits on its own timer of the same interval; `transaction` = consume-transform-
   * produce: a transactional producer (`transactional.id`) writes a receipt to topic `receipts` and the
   * offset with sendOffsetsToTransaction(), then commitTransaction(); readers use read_committed.
   */
  commit: 'auto' | 'sync' | 'timer' | 'transaction';
  /** A ConsumerRebalanceListener whose onPartitionsRevoked commits the processed offsets. */
  commitOnRevoke: boolean;
  autoCommitIntervalMs: number;
  maxPollIntervalMs: number;
  sessionTimeoutMs: number;
  requestTimeoutMs: number;
  enableIdempotence: boolean;
}

/** Kafka 3.x/4.x defaults. */
export const kafkaDefaults: KafkaSettings = {
  commit: 'auto',
  commitOnRevoke: false,
  autoCommitIntervalMs: 5_000,
  maxPollIntervalMs: 300_000,
  sessionTimeoutMs: 45_000,
  requestTimeoutMs: 30_000,
  enableIdempotence: true,
};
