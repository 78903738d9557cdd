/**
 * Tuples of non-negative 31-bit integers, each numbered in the order it is first met: the canon's
 * table of contents. A tuple is hashed and kept in one flat arena, so finding one costs a few integer
 * reads and no string is built or hashed (the checker does this for every new object it meets).
 */
export class TupleTable {
  /** Every tuple, one after the other; `starts[n]` is where tuple n begins, `starts[n + 1]` where it ends. */
  private data = new Int32Array(1 << 16);
  private starts = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  /** Open addressing: a tuple's number + 1 at a slot its hash leads to, 0 where none. */
  private slots = new Int32Array(1 << 13);
  private count = 0;

  /** `hash` mixes a tuple into 32 bits (tests pass one that collides, to reach the comparison). */
  constructor(private readonly hash: (buf: Int32Array, from: number, to: number) => number = tupleHash) {}

  /** The number of the tuple `buf[from..to)`, given to it now if it is new. */
  intern(buf: Int32Array, from: number, to: number): number {
    const h = this.hash(buf, from, to);
    const mask = this.slots.length - 1;
    const len = to - from;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const n = this.slots[at]! - 1;
      if (n < 0) break;
      if (this.hashes[n] !== h) continue;
      const start = this.starts[n]!;
      if (this.starts[n + 1]! - start !== len) continue;
      let same = true;
      for (let i = 0; i < len && same; i++) same = this.data[start + i] === buf[from + i];
      if (same) return n;
    }
    return this.add(buf, from, to, h);
  }

  private add(buf: Int32Array, from: number, to: number, hash: number): number {
    const n = this.count++;
    if (n + 2 > this.starts.length) {
      this.starts = grow(this.starts, this.starts.length * 2);
      this.hashes = grow(this.hashes, this.hashes.length * 2);
    }
    const start = this.starts[n]!;
    const end = start + (to - from);
    if (end > this.data.length) this.data = grow(this.data, Math.max(this.data.length * 2, end));
    this.data.set(buf.subarray(from, to), start);
    this.starts[n + 1] = end;
    this.hashes[n] = hash;
    // Kept at most half full, so a probe ends soon.
    if (2 * this.count > this.slots.length) this.rehash();
    else this.place(n);
    return n;
  }

  private place(n: number): void {
    const mask = this.slots.length - 1;
    let at = this.hashes[n]! & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = n + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let n = 0; n < this.count; n++) this.place(n);
  }
}

function tupleHash(buf: Int32Array, from: number, to: number): number {
  let h = 0x9e3779b9 | 0;
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ buf[i]!, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h;
}

function grow(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

/** Every object's content met so far, as a small number (content-based, so one table serves every search and every view). */
const contents = new TupleTable();

/** A number for each distinct string and number a content holds (their order of first meeting). */
const strings = new Map<string, number>();
const numbers = new Map<number, number>();

/**
 * A value's code inside a tuple: the low two bits say what it is (0 an object's number, 1 null, true
 * or false, 2 a string's, 3 a number's), the rest which one. -1 where JSON would omit it.
 */
const NULL = 1;
const TRUE = 5;
const FALSE = 9;
function stringCode(s: string): number {
  let n = strings.get(s);
  if (n === undefined) strings.set(s, (n = strings.size));
  return n * 4 + 2;
}
/** First in an object's tuple (then key, value, key, value …) or an array's (then its elements): never a value's code. */
const OBJECT = -2;
const ARRAY = -3;

/** The tuples being built, nested: an object's children are numbered (their tuples built above it) before it is. */
let stack = new Int32Array(1024);
let top = 0;
function push(v: number): void {
  if (top === stack.length) stack = grow(stack, stack.length * 2);
  stack[top++] = v;
}

/**
 * Canonical codes for plain data, in the manner of hash-consing. Worlds share unchanged parts (an
 * actor's state object survives every step that does not touch it, and memoised transitions return
 * the same object), so an object's code is made of its children's numbers, computed once per object:
 * hashing a new state costs what changed in it, not its whole size. The code is a tuple of integers,
 * numbered in one table. Equal content, equal code (keys in the order the objects were built, as
 * with JSON; the engine builds them in one order).
 *
 * A canon made with `drop` sees every object without those fields, at any depth (a protocol's
 * narration-only fields): the code of an object is then the code its copy without them would have,
 * computed without making the copy.
 */
export class Canon {
  /** Where an object keeps its number under this canon (a non-enumerable symbol: JSON, keys and spreads skip it). */
  private readonly slot: symbol;
  /** The same, for objects that cannot take a property (frozen ones). */
  private readonly frozen = new WeakMap<object, number>();
  private readonly drop: ReadonlySet<string> | null;

  constructor(drop: readonly string[] = []) {
    this.drop = drop.length > 0 ? new Set(drop) : null;
    // Canons that see alike share their numbers on the objects.
    this.slot = Symbol.for(`redelivery-lab canonical id${drop.length > 0 ? ` without ${[...drop].sort().join(',')}` : ''}`);
  }

  /**
   * A small number standing for `value`'s content, computed once and kept on the object (world data is
   * never mutated once made): a parent's code then costs one property read per child.
   */
  id(value: object): number {
    const kept = (value as Record<symbol, number | undefined>)[this.slot];
    if (kept !== undefined) return kept;
    if (!Object.isExtensible(value)) {
      let n = this.frozen.get(value);
      if (n === undefined) this.frozen.set(value, (n = this.number(value)));
      return n;
    }
    const n = this.number(value);
    // Not enumerable: a spread copy of the object (a new state) must not inherit it.
    Object.defineProperty(value, this.slot, { value: n });
    return n;
  }

  /**
   * The number of a short-lived object's content (an event), without keeping it on the object. With
   * `alias`, the object's own keys and string values are first renamed by it (its children are not).
   */
  transient(value: object, alias?: (s: string) => string): number {
    return this.number(value, alias);
  }

  /** A value's code in its parent's tuple (see `NULL`), or -1 where JSON would leave it out. */
  private code(value: unknown): number {
    switch (typeof value) {
      case 'string':
        return stringCode(value);
      case 'number': {
        if (!Number.isFinite(value)) return NULL;
        let n = numbers.get(value);
        if (n === undefined) numbers.set(value, (n = numbers.size));
        return n * 4 + 3;
      }
      case 'boolean':
        return value ? TRUE : FALSE;
      case 'object':
        return value === null ? NULL : this.id(value) * 4;
      default:
        return -1;
    }
  }

  /**
   * The number of an object's content: its tuple (keys and values' codes, or elements' codes) found
   * in the table. Equal numbers exactly when JSON would write the two alike (keys in their order).
   */
  private number(value: object, alias?: (s: string) => string): number {
    const base = top;
    if (Array.isArray(value)) {
      push(ARRAY);
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        const c = alias && typeof v === 'string' ? stringCode(alias(v)) : this.code(v);
        push(c < 0 ? NULL : c);
      }
    } else {
      push(OBJECT);
      const drop = this.drop;
      for (const k in value) {
        if (drop?.has(k)) continue;
        const v = (value as Record<string, unknown>)[k];
        const c = alias && typeof v === 'string' ? stringCode(alias(v)) : this.code(v);
        if (c < 0) continue;
        push(stringCode(alias ? alias(k) : k));
        push(c);
      }
    }
    const n = contents.intern(stack, base, top);
    top = base;
    return n;
  }
}
