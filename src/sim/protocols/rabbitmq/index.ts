export { rabbitScenarios } from './rabbitmq.scenarios';
export { rabbitDefaults, type RabbitSettings } from './rabbitmq.settings';
export { rabbitProtocol, type RabbitWorld } from './rabbitmq.world';
