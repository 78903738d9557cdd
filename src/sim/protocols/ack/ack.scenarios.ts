import type { Message } from '../../core/types';
import { defaultSettings, order42, type Scenario, scenarioBase } from '../../engine/scenario';
import type { AckSettings } from './ack.settings';

const base = scenarioBase('ack');

/** A second order, published after order #42 (the broker-crash scenarios). */
const order43: Message = {
  id: 'order-43',
  key: 'order-43',
  label: { en: 'charge order #43 ¥80', 'zh-cn': '订单 #43 扣款 ¥80' },
  name: { en: 'order #43', 'zh-cn': '订单 #43' },
};

/** How the broker flushes in the crash scenarios: RocketMQ's default ASYNC_FLUSH (every 500 ms), or before the confirm. */
const asyncFlush: AckSettings = { flush: 'async', flushInterval: 500 };
const syncFlush: AckSettings = { flush: 'sync', flushInterval: 500 };

/**
 * The built-in scenarios of the generic at-least-once system. Each one declares its expected verdict;
 * the tests and the benchmark compare the checker's verdict against it.
 */
export const ackScenarios: Scenario<AckSettings>[] = [
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
  // The broker's machine crashes with order #43 queued behind #42 (the chapter on not losing messages).
  {
    ...base,
    id: 'broker-crash-async-flush',
    messages: [order42, order43],
    broker: asyncFlush,
    faults: { restartBroker: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'violated' },
  },
  {
    ...base,
    id: 'broker-crash-sync-flush',
    messages: [order42, order43],
    broker: syncFlush,
    faults: { restartBroker: 1 },
    expected: { noDuplicateSideEffect: 'violated', noMessageLost: 'holds' },
  },
  {
    ...base,
    id: 'broker-crash-sync-flush-inbox',
    messages: [order42, order43],
    broker: syncFlush,
    strategy: 'inboxInTransaction',
    faults: { restartBroker: 1 },
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
  },
];
