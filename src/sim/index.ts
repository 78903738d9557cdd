/**
 * The simulator: pure TypeScript, deterministic (seeded choices, simulated clock), shared by the
 * widgets, the code labs, the checker and the tests.
 */
export * from './core/types';
export { choose, mix, mulberry32 } from './core/rng';
export * from './consumers';
export * from './protocols/ack';
export * from './engine/scenario';
export * from './engine/world';
export * from './engine/timeline';
export * from './engine/share';
export { createTransitioner, sharedTransitioner, type Transitioner } from './engine/actors';
export * from './check/invariants';
export * from './check/explore';
