/**
 * The checker's index of the states it has found: a world's key as numbers (world.ts `worldTupleAs`)
 * to the state's number. The same equivalence as the worlds' string keys (equal tuples exactly when
 * equal keys), without building and hashing a string for every step: a tuple is hashed to a small
 * number, and a state found under that number is compared number by number. Two tuples that share a
 * hash (rare) are told apart by their text.
 */
import { TUPLE_SIZE } from '../engine/world';

/** A tuple mixed into a 30-bit number (a small integer: no number is boxed to hash or keep it). */
export function hashOf(t: Float64Array): number {
  let h = 0x9e3779b9 | 0;
  for (let i = 0; i < TUPLE_SIZE; i++) {
    h = Math.imul(h ^ (t[i]! | 0), 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h & 0x3fffffff;
}

/** States numbered in the order they are added, found by their key's tuple. */
export class StateIndex {
  private readonly byHash = new Map<number, number>();
  /** States whose tuple's hash an earlier state's tuple already had, by the tuple's text. */
  private readonly byText = new Map<string, number>();
  private tuples = new Float64Array(TUPLE_SIZE * 4096);
  private count = 0;
  private last = 0;

  /** `hash` is the tuples' hash (tests pass one that collides, to reach the fallback). */
  constructor(private readonly hash: (t: Float64Array) => number = hashOf) {}

  /** The number of the state with this tuple, or -1 (then `add` can number it). */
  find(key: Float64Array): number {
    const hash = this.hash(key);
    this.last = hash;
    const at = this.byHash.get(hash);
    if (at === undefined) return -1;
    const base = at * TUPLE_SIZE;
    let same = true;
    for (let i = 0; i < TUPLE_SIZE && same; i++) same = this.tuples[base + i] === key[i];
    if (same) return at;
    return this.byText.size > 0 ? (this.byText.get(key.join(',')) ?? -1) : -1;
  }

  /** Numbers the tuple `find` was last asked about (and did not find) as the next state; returns its number. */
  add(key: Float64Array): number {
    const at = this.count++;
    if ((at + 1) * TUPLE_SIZE > this.tuples.length) {
      const grown = new Float64Array(this.tuples.length * 2);
      grown.set(this.tuples);
      this.tuples = grown;
    }
    this.tuples.set(key, at * TUPLE_SIZE);
    if (this.byHash.has(this.last)) this.byText.set(key.join(','), at);
    else this.byHash.set(this.last, at);
    return at;
  }

  /** How many states it holds. */
  get size(): number {
    return this.count;
  }
}
