import { bothHold, defaultSettings, duplicateOnly, order13, order42, type Scenario, scenarioBase, withInbox } from '../../engine/scenario';
import { rocketDefaults, type RocketSettings } from './rocketmq.settings';

const base = scenarioBase('rocketmq');

const rocket = (s: Partial<RocketSettings>): RocketSettings => ({ ...rocketDefaults, ...s });

const offsetCrash: Scenario<RocketSettings> = {
  ...base,
  id: 'rocketmq-offset-not-persisted',
  broker: rocket({}),
  faults: { crashConsumerBeforePersist: 1 },
  expected: duplicateOnly,
};

const rebalance: Scenario<RocketSettings> = {
  ...base,
  id: 'rocketmq-rebalance',
  messages: [{ ...order42, partition: 1 }],
  consumers: 2,
  broker: rocket({}),
  faults: { joinConsumer: 1 },
  expected: duplicateOnly,
};

const sendRetry: Scenario<RocketSettings> = {
  ...base,
  id: 'rocketmq-send-retry-msgid',
  strategy: 'inboxByMsgId',
  broker: rocket({}),
  faults: { loseSendResponse: 1 },
  expected: duplicateOnly,
};

const orderlyPoison: Scenario<RocketSettings> = {
  ...base,
  id: 'rocketmq-orderly-poison',
  messages: [order13, order42],
  settings: { ...defaultSettings, horizon: 60_000 },
  broker: rocket({ consumeMode: 'orderly' }),
  faults: {},
  expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
};

const broadcasting: Scenario<RocketSettings> = {
  ...base,
  id: 'rocketmq-broadcasting',
  consumers: 2,
  broker: rocket({ messageModel: 'BROADCASTING' }),
  faults: {},
  expected: duplicateOnly,
};

/**
 * RocketMQ scenarios, each broken one followed by its fixed variant. Expected verdicts are declared
 * here; the tests and the benchmark compare the checker's verdicts against them.
 */
export const rocketScenarios: Scenario<RocketSettings>[] = [
  offsetCrash,
  {
    ...offsetCrash,
    ...withInbox,
    id: 'rocketmq-offset-not-persisted-keys',
    expected: bothHold,
  },
  rebalance,
  {
    ...rebalance,
    ...withInbox,
    id: 'rocketmq-rebalance-keys',
    expected: bothHold,
  },
  sendRetry,
  {
    ...sendRetry,
    ...withInbox,
    id: 'rocketmq-send-retry-keys',
    expected: bothHold,
  },
  {
    ...base,
    id: 'rocketmq-retry-then-dlq',
    messages: [order13],
    broker: rocket({}),
    faults: {},
    expected: bothHold,
  },
  {
    ...base,
    id: 'rocketmq-retry-transient',
    broker: rocket({}),
    faults: { failConsumption: 2 },
    expected: bothHold,
  },
  // Concurrent consumption takes a failing message out of line: #42, behind #13 on q0, goes first
  // (the chapter on ordering, backlog and retries).
  {
    ...base,
    id: 'rocketmq-retry-overtaken',
    messages: [order13, order42],
    broker: rocket({}),
    faults: {},
    expected: bothHold,
  },
  orderlyPoison,
  {
    ...orderlyPoison,
    id: 'rocketmq-orderly-max-reconsume',
    broker: rocket({ consumeMode: 'orderly', maxReconsumeTimes: 3 }),
    expected: bothHold,
  },
  broadcasting,
  {
    ...broadcasting,
    id: 'rocketmq-clustering',
    broker: rocket({}),
    expected: bothHold,
  },
];
