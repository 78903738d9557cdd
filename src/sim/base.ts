/**
 * The simulator without any protocol: the engine, the checker, and the registry a protocol's
 * `register.ts` (the generic queue's included) adds itself to. Islands import this, plus the brokers their
 * page uses, so a page ships only the machines it runs. `index.ts` is everything, for tests and tools.
 */
export * from './core/types';
export { choose, mix, mulberry32 } from './core/rng';
export * from './consumers';
export { faultInfo, type FaultInfo, type FaultKind } from './protocols/faults';
export { loadedScenarios, protocolOf, protocols, registerProtocol, type ProtocolId } from './protocols/registry';
export type { KafkaSettings } from './protocols/kafka/kafka.settings';
export type { RabbitSettings } from './protocols/rabbitmq/rabbitmq.settings';
export type { RocketSettings } from './protocols/rocketmq/rocketmq.settings';
export type { JetStreamSettings } from './protocols/jetstream/jetstream.settings';
export * from './engine/protocol';
export * from './engine/scenario';
export * from './engine/world';
export * from './engine/timeline';
export * from './engine/share';
export { createTransitioner, sharedTransitioner, type Transitioner } from './engine/actors';
export * from './check/invariants';
export * from './check/explore';
export { runsHandler } from './engine/kit';
export { payloadMsgId } from './engine/quiet';
export type { Columns, Db, Tx } from './store/pg';
