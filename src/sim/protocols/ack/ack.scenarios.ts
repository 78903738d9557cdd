import { defaultSettings, type Scenario, scenarioBase } from '../../engine/scenario';

const base = scenarioBase('ack');

/**
 * The built-in scenarios of the generic at-least-once system. Each one declares its expected verdict;
 * the tests and the benchmark compare the checker's verdict against it.
 */
export const ackScenarios: Scenario[] = [
  {
    ...base,
    id: 'auto-ack-crash',
    autoAck: true,
    faults: { crashConsumerBeforeEffect: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
  },
  {
    ...base,
    id: 'manual-ack-crash-after-effect',
    faults: { crashConsumerAfterEffect: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'lost-ack-redelivery',
    faults: { loseAck: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'lost-confirm-retry',
    faults: { loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'lost-confirm-dedup-window',
    settings: { ...defaultSettings, dedupWindow: 120_000 },
    faults: { loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'retry-after-dedup-window',
    settings: { ...defaultSettings, dedupWindow: 2_000 },
    faults: { loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'processed-set-crash',
    strategy: 'processedSet',
    faults: { crashConsumerAfterEffect: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'setnx-before-crash',
    strategy: 'setnxBefore',
    faults: { crashConsumerBeforeEffect: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'violated' },
  },
  {
    ...base,
    id: 'setnx-ttl-shorter-than-redelivery',
    strategy: 'setnxBefore',
    settings: { ...defaultSettings, cacheTtl: 10_000 },
    faults: { loseAck: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'check-then-insert-race',
    consumers: 2,
    strategy: 'checkThenInsert',
    faults: { expireAckTimeout: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'inbox-in-transaction',
    strategy: 'inboxInTransaction',
    faults: { crashConsumerBeforeEffect: 1, crashConsumerAfterEffect: 1, loseAck: 1, loseConfirm: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'inbox-concurrent-redelivery',
    consumers: 2,
    strategy: 'inboxInTransaction',
    faults: { expireAckTimeout: 1, crashConsumerAfterEffect: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'upsert-idempotent-write',
    strategy: 'upsert',
    faults: { crashConsumerAfterEffect: 1, loseConfirm: 1, loseAck: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
];
