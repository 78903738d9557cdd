import type { Decoded, Rejected } from './filters';
import { topicOrder, type Question, type Topic } from './types';

/**
 * The mock interview's run: N questions drawn from chosen topics, in an order fixed by a seed that the
 * URL carries (`?topics=acks,idempotency&n=5&seed=k3x9q2`), so the same link gives the same run on any
 * machine. Pure: the only randomness is the seed, and making a new seed takes the bytes as an argument.
 */

/** A run's definition. */
export interface MockSetup {
  /** Topics to draw from; a question qualifies when any of its topics is chosen. Never empty. */
  topics: Topic[];
  /** How many questions (fewer when the topics have fewer). */
  count: number;
  /** Lowercase letters and digits, 1–16 characters. */
  seed: string;
}

/** The run lengths the setup form offers. */
export const mockCounts = [3, 5, 8, 10] as const;
/** The run length when the link gives none. */
export const defaultCount = 5;
/** Longest run a link may ask for. */
export const maxCount = 20;

const seedPattern = /^[a-z0-9]{1,16}$/;

/** Whether a string is a valid seed. */
export const isSeed = (s: string): boolean => seedPattern.test(s);

/** A fresh 8-character seed from random bytes (the UI passes `crypto.getRandomValues(new Uint8Array(8))`). */
export function seedFromBytes(bytes: Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(bytes.slice(0, 8), (b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Decodes a run from a query string. Without a `seed` the value is null (the setup form shows). Values it
 * cannot use are rejected and replaced: unknown topics are dropped (all topics if none is left), a bad
 * count becomes the default, and a bad seed means no run.
 */
export function parseMockQuery(search: string): Decoded<MockSetup | null> {
  const params = new URLSearchParams(search);
  const rejected: Rejected[] = [];
  const short = (v: string) => (v.length > 64 ? `${v.slice(0, 64)}…` : v);

  const topics: Topic[] = [];
  for (const raw of params.getAll('topics').flatMap((v) => v.split(','))) {
    const t = raw.trim();
    if (!t) continue;
    if ((topicOrder as readonly string[]).includes(t)) {
      if (!topics.includes(t as Topic)) topics.push(t as Topic);
    } else rejected.push({ param: 'topics', value: short(t) });
  }

  let count = defaultCount;
  const counts = params.getAll('n');
  counts.forEach((raw, i) => {
    const n = /^\d{1,3}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (i === 0 && n >= 1 && n <= maxCount) count = n;
    else rejected.push({ param: 'n', value: short(raw) });
  });

  // An empty seed is a form sent before the page's script ran: no run yet, and nothing to complain about.
  const seeds = params.getAll('seed').filter((raw) => raw.trim() !== '');
  let seed: string | null = null;
  seeds.forEach((raw, i) => {
    const s = raw.trim();
    if (i === 0 && isSeed(s)) seed = s;
    else rejected.push({ param: 'seed', value: short(s) });
  });

  if (seed === null) return { value: null, rejected };
  const ordered = topics.length ? topicOrder.filter((t) => topics.includes(t)) : [...topicOrder];
  return { value: { topics: ordered, count, seed }, rejected };
}

/** The query parameters the mock interview owns. */
export const mockParams = ['topics', 'n', 'seed'] as const;

/** Encodes a run as a query string, topics in a fixed order (all topics are written out, so the link says what it asks for). */
export function mockQuery(setup: MockSetup, keep = ''): string {
  const params = new URLSearchParams(keep);
  for (const name of mockParams) params.delete(name);
  params.append('topics', topicOrder.filter((t) => setup.topics.includes(t)).join(','));
  params.append('n', String(setup.count));
  params.append('seed', setup.seed);
  return `?${params.toString().replaceAll('%2C', ',')}`;
}

/** 32-bit FNV-1a of a string's UTF-16 code units, with a final avalanche (murmur3's fmix32). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The questions a run may draw from: any of whose topics was chosen, in bank order. */
export const mockPool = <Q extends Pick<Question, 'topics'>>(questions: readonly Q[], topics: readonly Topic[]): Q[] =>
  questions.filter((q) => q.topics.some((t) => topics.includes(t)));

/**
 * The run: each qualifying question gets a rank from (seed, its id) alone, and the `count` lowest ranks
 * are asked, lowest first. So the run does not depend on the bank's order, and adding a question changes
 * a run only if the new question ranks into it.
 */
export function pickRun<Q extends Pick<Question, 'id' | 'topics'>>(questions: readonly Q[], setup: MockSetup): Q[] {
  return mockPool(questions, setup.topics)
    .map((q) => ({ q, rank: hash32(`${setup.seed}\u0000${q.id}`) }))
    .sort((a, b) => a.rank - b.rank || (a.q.id < b.q.id ? -1 : 1))
    .slice(0, Math.max(0, setup.count))
    .map((x) => x.q);
}
