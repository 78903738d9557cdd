/**
 * The simulator: pure TypeScript, deterministic (seeded choices, simulated clock), shared by the
 * widgets, the code labs, the checker and the tests. This entry loads every broker, and re-exports
 * the five first brokers' own exports for the tests and tools that name them.
 */
import './engine/handlers';

// Every broker's folder registers itself (`register.ts`): a new broker is loaded here without an edit.
import.meta.glob('./protocols/*/register.ts', { eager: true });

export * from './base';
export * from './protocols/ack';
export * from './protocols/kafka';
export * from './protocols/rabbitmq';
export * from './protocols/rocketmq';
export * from './protocols/jetstream';
export { allScenarios } from './scenarios';
export { protocolText, protocolWords } from './protocols/text';
