/**
 * Seeded randomness. The simulator never uses an unseeded generator: every choice that looks random is a
 * pure function of (seed, position), so a run replays exactly and a fork at step n does not change
 * what the default choices before n were.
 */

/** A 32-bit hash of two integers (a small avalanche mix; enough for choosing among a few steps). */
export function mix(seed: number, position: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (position + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform choice in [0, n) for the given seed and position. */
export function choose(seed: number, position: number, n: number): number {
  if (n <= 1) return 0;
  return mix(seed, position) % n;
}

/** Mulberry32: a tiny, fast, seeded generator for tests and property checks. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
