import { bothHold, duplicateOnly, type Scenario, scenarioBase, withInbox } from '../../engine/scenario';
import { kafkaDefaults, type KafkaSettings } from './kafka.settings';

const base = scenarioBase('kafka');

const kafka = (s: Partial<KafkaSettings>): KafkaSettings => ({ ...kafkaDefaults, ...s });

const autoCommitCrash: Scenario<KafkaSettings> = {
  ...base,
  id: 'kafka-auto-commit-crash',
  broker: kafka({}),
  faults: { crashConsumerBeforeCommit: 1 },
  expected: duplicateOnly,
};

const pollInterval: Scenario<KafkaSettings> = {
  ...base,
  id: 'kafka-poll-interval-exceeded',
  consumers: 2,
  broker: kafka({ commit: 'sync' }),
  faults: { exceedMaxPollInterval: 1 },
  expected: duplicateOnly,
};

const closeNoRevoke: Scenario<KafkaSettings> = {
  ...base,
  id: 'kafka-close-without-revoke-commit',
  consumers: 2,
  broker: kafka({ commit: 'timer' }),
  faults: { closeConsumer: 1 },
  expected: duplicateOnly,
};

const producerRetry: Scenario<KafkaSettings> = {
  ...base,
  id: 'kafka-producer-retry',
  broker: kafka({ commit: 'sync', enableIdempotence: false }),
  faults: { loseProduceResponse: 1 },
  expected: duplicateOnly,
};

const producerRestart: Scenario<KafkaSettings> = {
  ...base,
  id: 'kafka-producer-restart',
  broker: kafka({ commit: 'sync' }),
  faults: { crashProducer: 1 },
  expected: duplicateOnly,
};

const transaction: Scenario<KafkaSettings> = {
  ...base,
  id: 'kafka-transaction-external-charge',
  broker: kafka({ commit: 'transaction' }),
  faults: { crashConsumerBeforeCommit: 1 },
  expected: duplicateOnly,
};

const springBatchCrash: Scenario<KafkaSettings> = {
  ...base,
  id: 'spring-kafka-batch-crash',
  broker: kafka({ commit: 'sync' }),
  faults: { crashConsumerBeforeCommit: 1 },
  expected: duplicateOnly,
};

/**
 * Kafka scenarios, each broken one followed by its fixed variant. Expected verdicts are declared
 * here; the tests and the benchmark compare the checker's verdicts against them.
 */
export const kafkaScenarios: Scenario<KafkaSettings>[] = [
  autoCommitCrash,
  {
    ...autoCommitCrash,
    ...withInbox,
    id: 'kafka-auto-commit-crash-inbox',
    expected: bothHold,
  },
  pollInterval,
  {
    ...pollInterval,
    ...withInbox,
    id: 'kafka-poll-interval-exceeded-inbox',
    expected: bothHold,
  },
  closeNoRevoke,
  {
    ...closeNoRevoke,
    id: 'kafka-commit-on-revoke',
    broker: kafka({ commit: 'timer', commitOnRevoke: true }),
    expected: bothHold,
  },
  producerRetry,
  {
    ...producerRetry,
    id: 'kafka-idempotent-producer',
    broker: kafka({ commit: 'sync' }),
    expected: bothHold,
  },
  producerRestart,
  {
    ...producerRestart,
    ...withInbox,
    id: 'kafka-producer-restart-inbox',
    expected: bothHold,
  },
  transaction,
  { ...transaction, ...withInbox, id: 'kafka-transaction-external-charge-inbox', expected: bothHold },
  // Spring Kafka's container defaults (chapter "In your framework"): it sets enable.auto.commit=false
  // and, with AckMode.BATCH, commits the offsets of a poll's records once the listener has returned
  // for all of them (ContainerProperties in spring-kafka v3.3). One record per poll here, so the
  // commit follows the record, as `sync` models.
  springBatchCrash,
  { ...springBatchCrash, ...withInbox, id: 'spring-kafka-batch-crash-inbox', expected: bothHold },
];
