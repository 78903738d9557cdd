export { jetstreamScenarios } from './jetstream.scenarios';
export { jetstreamDefaults, type JetStreamSettings } from './jetstream.settings';
export { jetstreamProtocol, type JetStreamWorld } from './jetstream.world';
