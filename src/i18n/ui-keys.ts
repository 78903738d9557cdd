/**
 * Every UI string our own components use. `content.config.ts` turns this list into the schema that
 * extends Starlight's i18n collection, so a key missing from `content/i18n/en.json` or
 * `content/i18n/zh-CN.json` fails the build rather than showing a raw key or the wrong language.
 */
export const ackDemoKeys = [
  'ackDemo.legend',
  'ackDemo.placement.before',
  'ackDemo.placement.after',
  'ackDemo.placement.afterIdempotent',
  'ackDemo.crash.legend',
  'ackDemo.crash.none',
  'ackDemo.crash.beforeEffect',
  'ackDemo.crash.afterEffect',
  'ackDemo.step.receive',
  'ackDemo.step.ack',
  'ackDemo.step.effect',
  'ackDemo.step.effectIdempotent',
  'ackDemo.step.effectSkipped',
  'ackDemo.step.crash',
  'ackDemo.step.redeliver',
  'ackDemo.timeline',
  'ackDemo.ledger',
  'ackDemo.charges',
  'ackDemo.outcome.once',
  'ackDemo.outcome.lost',
  'ackDemo.outcome.duplicate',
  'ackDemo.outcome.dedup',
  'ackDemo.guarantee.atMostOnce',
  'ackDemo.guarantee.atLeastOnce',
  'ackDemo.guarantee.effectivelyOnce',
] as const;

/** All of our UI keys. */
export const uiKeys = [...ackDemoKeys] as const;

/** One of our UI string keys. */
export type UiKey = (typeof uiKeys)[number];

/** Translated strings for a set of keys, as an island receives them. */
export type Labels<K extends string> = Record<K, string>;
