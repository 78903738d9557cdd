/**
 * Every fault any protocol can inject, with its words. Each protocol's `*.faults.ts` owns its own;
 * this file only joins them, so a step key `f:<fault>:<target>` means the same thing everywhere.
 */
import { faultInfo as ackFaultInfo, type FaultKind as AckFaultKind } from './ack/ack.faults';
import { jetstreamFaultInfo, type JetStreamFaultKind } from './jetstream/jetstream.faults';
import { kafkaFaultInfo, type KafkaFaultKind } from './kafka/kafka.faults';
import { rabbitFaultInfo, type RabbitFaultKind } from './rabbitmq/rabbitmq.faults';
import { rocketFaultInfo, type RocketFaultKind } from './rocketmq/rocketmq.faults';

/** Every fault, named as `fault.<kind>` in traces and menus. */
export type FaultKind = AckFaultKind | KafkaFaultKind | RabbitFaultKind | RocketFaultKind | JetStreamFaultKind;

/** A fault's menu label and tooltip, in both languages. */
export interface FaultInfo {
  en: string;
  'zh-cn': string;
  tip: { en: string; 'zh-cn': string };
}

/** Descriptions for menus and tooltips. */
// A pure call, so bundles that never read the words (the islands get them as props) drop them all.
export const faultInfo: Record<FaultKind, FaultInfo> = /* @__PURE__ */ Object.assign(
  {},
  ackFaultInfo,
  kafkaFaultInfo,
  rabbitFaultInfo,
  rocketFaultInfo,
  jetstreamFaultInfo,
);
