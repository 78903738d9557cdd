import { bothHold, defaultSettings, duplicateOnly, order13, order42, type Scenario, scenarioBase, withInbox } from '../../engine/scenario';
import { pulsarDefaults, type PulsarSettings } from './pulsar.settings';

const base = scenarioBase('pulsar');

const pulsar = (s: Partial<PulsarSettings>): PulsarSettings => ({ ...pulsarDefaults, ...s });

const crashBeforeAck: Scenario<PulsarSettings> = {
  ...base,
  id: 'pulsar-crash-before-ack',
  consumers: 2,
  broker: pulsar({}),
  faults: { crashConsumerAfterEffect: 1 },
  expected: duplicateOnly,
};

const ackGroupWindow: Scenario<PulsarSettings> = {
  ...base,
  id: 'pulsar-ack-group-window',
  broker: pulsar({}),
  faults: { crashBeforeAckFlush: 1 },
  expected: duplicateOnly,
};

const ackTimeoutShort: Scenario<PulsarSettings> = {
  ...base,
  id: 'pulsar-ack-timeout-short',
  consumers: 2,
  broker: pulsar({ ackTimeoutMillis: 1_000 }),
  faults: { exceedAckTimeout: 1 },
  expected: duplicateOnly,
};

const keySharedAckTimeout: Scenario<PulsarSettings> = {
  ...ackTimeoutShort,
  id: 'pulsar-key-shared-ack-timeout',
  broker: pulsar({ subscriptionType: 'Key_Shared', ackTimeoutMillis: 1_000 }),
};

const poisonNack: Scenario<PulsarSettings> = {
  ...base,
  id: 'pulsar-poison-nack',
  messages: [order13, order42],
  // Four deliveries a minute apart fit in five minutes.
  settings: { ...defaultSettings, horizon: 300_000 },
  broker: pulsar({}),
  faults: {},
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

const sendRetry: Scenario<PulsarSettings> = {
  ...base,
  id: 'pulsar-send-retry-no-dedup',
  broker: pulsar({}),
  faults: { dropProducerConnection: 1 },
  expected: duplicateOnly,
};

const producerRestart: Scenario<PulsarSettings> = {
  ...base,
  id: 'pulsar-producer-restart-generated-name',
  broker: pulsar({ brokerDeduplicationEnabled: true }),
  faults: { restartProducer: 1 },
  expected: duplicateOnly,
};

/**
 * Apache Pulsar scenarios, each broken one followed by its fix. Expected verdicts are declared here;
 * the tests and the benchmark compare the checker's verdicts against them.
 */
export const pulsarScenarios: Scenario<PulsarSettings>[] = [
  crashBeforeAck,
  { ...crashBeforeAck, ...withInbox, id: 'pulsar-crash-before-ack-inbox', expected: bothHold },
  ackGroupWindow,
  { ...ackGroupWindow, ...withInbox, id: 'pulsar-ack-group-window-inbox', expected: bothHold },
  ackTimeoutShort,
  { ...ackTimeoutShort, id: 'pulsar-ack-timeout-off', broker: pulsar({}), expected: bothHold },
  keySharedAckTimeout,
  { ...keySharedAckTimeout, ...withInbox, id: 'pulsar-key-shared-ack-timeout-inbox', expected: bothHold },
  poisonNack,
  { ...poisonNack, id: 'pulsar-poison-dlq', broker: pulsar({ maxRedeliverCount: 3 }), expected: bothHold },
  sendRetry,
  { ...sendRetry, id: 'pulsar-send-retry-dedup', broker: pulsar({ brokerDeduplicationEnabled: true, producerName: 'fixed' }), expected: bothHold },
  producerRestart,
  { ...producerRestart, id: 'pulsar-producer-restart-fixed-name', broker: pulsar({ brokerDeduplicationEnabled: true, producerName: 'fixed' }) },
  {
    ...producerRestart,
    id: 'pulsar-producer-restart-outbox-seq',
    broker: pulsar({ brokerDeduplicationEnabled: true, producerName: 'fixed', sequenceIds: 'outboxRow' }),
    expected: bothHold,
  },
];
