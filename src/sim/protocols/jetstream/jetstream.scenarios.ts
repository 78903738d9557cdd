import { bothHold, defaultSettings, duplicateOnly, order13, order42, type Scenario, scenarioBase, withInbox } from '../../engine/scenario';
import { jetstreamDefaults, type JetStreamSettings } from './jetstream.settings';

const base = scenarioBase('jetstream');

const js = (s: Partial<JetStreamSettings>): JetStreamSettings => ({ ...jetstreamDefaults, ...s });

const insideWindow: Scenario = {
  ...base,
  id: 'jetstream-retry-inside-window',
  jetstream: js({}),
  faults: { loseConfirm: 1 },
  expected: bothHold,
};

const afterWindow: Scenario = {
  ...base,
  id: 'jetstream-retry-after-window',
  // The retry comes from an outbox relay that re-sends unconfirmed rows every 3 minutes.
  settings: { ...defaultSettings, confirmTimeout: 180_000 },
  jetstream: js({}),
  faults: { loseConfirm: 1 },
  expected: duplicateOnly,
};

const ackWaitExpiry: Scenario = {
  ...base,
  id: 'jetstream-ack-wait-expiry',
  consumers: 2,
  jetstream: js({}),
  faults: { exceedAckWait: 1 },
  expected: duplicateOnly,
};

const lostAck: Scenario = {
  ...base,
  id: 'jetstream-lost-ack',
  jetstream: js({}),
  faults: { loseAck: 1 },
  expected: duplicateOnly,
};

const maxDeliverLow: Scenario = {
  ...base,
  id: 'jetstream-max-deliver-low',
  jetstream: js({ maxDeliver: 2 }),
  faults: { failDownstream: 2 },
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

const poisonNak: Scenario = {
  ...base,
  id: 'jetstream-poison-nak',
  messages: [order13, order42],
  settings: { ...defaultSettings, horizon: 60_000 },
  jetstream: js({ nakDelay: 10_000 }),
  faults: {},
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

/**
 * NATS JetStream scenarios, each broken one followed by its fixed variant. Expected verdicts are
 * declared here; the tests and the benchmark compare the checker's verdicts against them.
 */
export const jetstreamScenarios: Scenario[] = [
  insideWindow,
  afterWindow,
  { ...afterWindow, ...withInbox, id: 'jetstream-retry-after-window-inbox', expected: bothHold },
  ackWaitExpiry,
  { ...ackWaitExpiry, ...withInbox, id: 'jetstream-ack-wait-expiry-inbox', expected: bothHold },
  lostAck,
  { ...lostAck, id: 'jetstream-lost-ack-sync', jetstream: js({ ackSync: true }), expected: bothHold },
  maxDeliverLow,
  { ...maxDeliverLow, id: 'jetstream-max-deliver-default', jetstream: js({}), expected: bothHold },
  poisonNak,
  { ...poisonNak, id: 'jetstream-poison-term', settings: defaultSettings, jetstream: js({ onFailure: 'term' }), expected: bothHold },
];
