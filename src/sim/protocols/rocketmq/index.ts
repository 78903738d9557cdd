export { rocketScenarios } from './rocketmq.scenarios';
export { rocketDefaults, type RocketSettings } from './rocketmq.settings';
export { rocketProtocol, type RocketWorld } from './rocketmq.world';
