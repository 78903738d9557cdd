export { pulsarScenarios } from './pulsar.scenarios';
export { pulsarDefaults, type PulsarSettings } from './pulsar.settings';
export { pulsarProtocol, type PulsarWorld } from './pulsar.world';
