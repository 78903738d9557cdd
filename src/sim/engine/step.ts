import type { ActorId, Timer } from '../core/types';

/**
 * A fault's name (`crashConsumerBeforeEffect`, `loseSendResponse` …): each protocol names its own in
 * its `*.faults.ts`; a step key `f:<fault>:<target>` means the same thing everywhere.
 */
export type FaultKind = string;

/**
 * One nondeterministic choice. Three kinds, as in DSLabs: deliver the oldest envelope on a link, run
 * a consumer's next handler operation, fire a timer — plus injecting a fault.
 */
export type Step =
  | { kind: 'deliver'; link: string }
  | { kind: 'run'; actor: ActorId }
  | { kind: 'timer'; owner: Timer['owner']; name: string }
  | { kind: 'fault'; fault: FaultKind; target: string };

/** A compact, stable name for a step: `d:c1>broker`, `r:c1`, `t:broker:ack:order-42/1#1`, `f:loseAck:c1>broker`. */
export function stepKey(step: Step): string {
  switch (step.kind) {
    case 'deliver':
      return `d:${step.link}`;
    case 'run':
      return `r:${step.actor}`;
    case 'timer':
      return `t:${step.owner}:${step.name}`;
    case 'fault':
      return `f:${step.fault}:${step.target}`;
  }
}

/** Parses a step key back into a step, or null when it is malformed. */
export function parseStepKey(key: string): Step | null {
  const [kind, ...rest] = key.split(':');
  const tail = rest.join(':');
  if (kind === 'd' && /^[\w-]+>[\w-]+$/.test(tail)) return { kind: 'deliver', link: tail };
  if (kind === 'r' && /^c\d+$/.test(tail)) return { kind: 'run', actor: tail as ActorId };
  if (kind === 't' && rest.length >= 2) return { kind: 'timer', owner: rest[0] as Timer['owner'], name: rest.slice(1).join(':') };
  if (kind === 'f' && rest.length >= 2) return { kind: 'fault', fault: rest[0]!, target: rest.slice(1).join(':') };
  return null;
}
