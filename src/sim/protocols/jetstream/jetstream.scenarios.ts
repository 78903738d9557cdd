import { bothHold, defaultSettings, duplicateOnly, order13, order42, type Scenario, scenarioBase, withInbox } from '../../engine/scenario';
import { jetstreamDefaults, type JetStreamSettings } from './jetstream.settings';

const base = scenarioBase('jetstream');

const js = (s: Partial<JetStreamSettings>): JetStreamSettings => ({ ...jetstreamDefaults, ...s });

const insideWindow: Scenario<JetStreamSettings> = {
  ...base,
  id: 'jetstream-retry-inside-window',
  broker: js({}),
  faults: { loseConfirm: 1 },
  expected: bothHold,
};

const afterWindow: Scenario<JetStreamSettings> = {
  ...base,
  id: 'jetstream-retry-after-window',
  // The retry comes from an outbox relay that re-sends unconfirmed rows every 3 minutes.
  settings: { ...defaultSettings, confirmTimeout: 180_000 },
  broker: js({}),
  faults: { loseConfirm: 1 },
  expected: duplicateOnly,
};

const ackWaitExpiry: Scenario<JetStreamSettings> = {
  ...base,
  id: 'jetstream-ack-wait-expiry',
  consumers: 2,
  broker: js({}),
  faults: { exceedAckWait: 1 },
  expected: duplicateOnly,
};

const lostAck: Scenario<JetStreamSettings> = {
  ...base,
  id: 'jetstream-lost-ack',
  broker: js({}),
  faults: { loseAck: 1 },
  expected: duplicateOnly,
};

const maxDeliverLow: Scenario<JetStreamSettings> = {
  ...base,
  id: 'jetstream-max-deliver-low',
  broker: js({ maxDeliver: 2 }),
  faults: { failDownstream: 2 },
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

const poisonNak: Scenario<JetStreamSettings> = {
  ...base,
  id: 'jetstream-poison-nak',
  messages: [order13, order42],
  settings: { ...defaultSettings, horizon: 60_000 },
  broker: js({ nakDelay: 10_000 }),
  faults: {},
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

/**
 * NATS JetStream scenarios, each broken one followed by its fixed variant. Expected verdicts are
 * declared here; the tests and the benchmark compare the checker's verdicts against them.
 */
export const jetstreamScenarios: Scenario<JetStreamSettings>[] = [
  insideWindow,
  afterWindow,
  { ...afterWindow, ...withInbox, id: 'jetstream-retry-after-window-inbox', expected: bothHold },
  ackWaitExpiry,
  { ...ackWaitExpiry, ...withInbox, id: 'jetstream-ack-wait-expiry-inbox', expected: bothHold },
  lostAck,
  { ...lostAck, id: 'jetstream-lost-ack-sync', broker: js({ ackSync: true }), expected: bothHold },
  maxDeliverLow,
  { ...maxDeliverLow, id: 'jetstream-max-deliver-default', broker: js({}), expected: bothHold },
  poisonNak,
  { ...poisonNak, id: 'jetstream-poison-term', settings: defaultSettings, broker: js({ onFailure: 'term' }), expected: bothHold },
];
