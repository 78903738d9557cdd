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

const delivers = new Map<string, Step>();
const runs = new Map<string, Step>();
const timers = new Map<string, Map<string, Step>>();
const faults = new Map<string, Map<string, Step>>();
const inner = <V>(m: Map<string, Map<string, V>>, k: string) => {
  let n = m.get(k);
  if (!n) m.set(k, (n = new Map()));
  return n;
};

/**
 * The step objects the engine offers, one per distinct step: a world's steps are listed for every
 * world the checker meets, and the same few come up again and again. Steps are never changed.
 */
export const steps = {
  deliver(link: string): Step {
    let s = delivers.get(link);
    if (!s) delivers.set(link, (s = { kind: 'deliver', link }));
    return s;
  },
  run(actor: ActorId): Step {
    let s = runs.get(actor);
    if (!s) runs.set(actor, (s = { kind: 'run', actor }));
    return s;
  },
  timer(owner: Timer['owner'], name: string): Step {
    const byName = inner(timers, owner);
    let s = byName.get(name);
    if (!s) byName.set(name, (s = { kind: 'timer', owner, name }));
    return s;
  },
  fault(fault: FaultKind, target: string): Step {
    const byTarget = inner(faults, fault);
    let s = byTarget.get(target);
    if (!s) byTarget.set(target, (s = { kind: 'fault', fault, target }));
    return s;
  },
};

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
