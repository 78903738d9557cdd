/**
 * The simulator: pure TypeScript, deterministic (seeded choices, simulated clock), shared by the
 * widgets, the code labs, the checker and the tests. This entry loads every broker.
 */
import './protocols/ack/register';
import './protocols/kafka/register';
import './protocols/rabbitmq/register';
import './protocols/rocketmq/register';
import './protocols/jetstream/register';
import './engine/handlers';

export * from './base';
export * from './protocols/ack';
export * from './protocols/kafka';
export * from './protocols/rabbitmq';
export * from './protocols/rocketmq';
export * from './protocols/jetstream';
export { allScenarios } from './scenarios';
export { protocolText, protocolWords } from './protocols/text';
