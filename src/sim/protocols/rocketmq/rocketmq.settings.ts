/** RocketMQ 4.x push-consumer and producer settings a scenario chooses (https://rocketmq.apache.org/docs/). */
export interface RocketSettings {
  messageModel: 'CLUSTERING' | 'BROADCASTING';
  /** MessageListenerConcurrently or MessageListenerOrderly. */
  consumeMode: 'concurrently' | 'orderly';
  persistConsumerOffsetInterval: number;
  /** -1 = the default: 16 in concurrent mode, Integer.MAX_VALUE in orderly mode. */
  maxReconsumeTimes: number;
  suspendCurrentQueueTimeMillis: number;
  sendMsgTimeout: number;
}

/** RocketMQ 4.x defaults. */
export const rocketDefaults: RocketSettings = {
  messageModel: 'CLUSTERING',
  consumeMode: 'concurrently',
  persistConsumerOffsetInterval: 5_000,
  maxReconsumeTimes: -1,
  suspendCurrentQueueTimeMillis: 1_000,
  sendMsgTimeout: 3_000,
};

/** The broker's `messageDelayLevel`, in ms: 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h. */
export const delayLevels = [1, 5, 10, 30, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 1200, 1800, 3600, 7200].map((s) => s * 1000);

/** Delay before retry number `n` (1-based): the first retry uses level 3 (10 s), the 16th level 18 (2 h). */
export const retryDelay = (n: number): number => delayLevels[Math.min(n + 1, delayLevels.length - 1)]!;
