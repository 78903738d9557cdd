export { kafkaScenarios } from './kafka.scenarios';
export { kafkaDefaults, type KafkaSettings } from './kafka.settings';
export { kafkaProtocol, type KafkaWorld } from './kafka.world';
