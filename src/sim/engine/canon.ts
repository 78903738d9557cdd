/** Every object code met so far, as a small number (content-based, so one table serves every search and every view). */
const interned = new Map<string, number>();

const quoted = new Map<string, string>();
/** A string as JSON writes it, made once per distinct string (keys and state names repeat endlessly). */
function quote(s: string): string {
  let q = quoted.get(s);
  if (q === undefined) {
    q = JSON.stringify(s);
    if (quoted.size < 100_000) quoted.set(s, q);
  }
  return q;
}

/** The number of a code, given out in the order codes are first met. */
function intern(code: string): number {
  let n = interned.get(code);
  if (n === undefined) interned.set(code, (n = interned.size));
  return n;
}

/**
 * Canonical codes for plain data, in the manner of hash-consing. Worlds share unchanged parts (an
 * actor's state object survives every step that does not touch it, and memoised transitions return
 * the same object), so an object's code is made of its children's numbers, computed once per object:
 * hashing a new state costs what changed in it, not its whole size. Equal content, equal code (keys
 * in the order the objects were built, as with JSON; the engine builds them in one order).
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

  /** A string standing for `value`'s content (not JSON: children appear as `#n`). Equal content, equal string. */
  json(value: object): string {
    return this.compute(value);
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
      if (n === undefined) this.frozen.set(value, (n = intern(this.compute(value))));
      return n;
    }
    const n = intern(this.compute(value));
    // Not enumerable: a spread copy of the object (a new state) must not inherit it.
    Object.defineProperty(value, this.slot, { value: n });
    return n;
  }

  /** The code of a short-lived object (an event), without keeping it on the object. */
  transient(value: object): string {
    return this.compute(value);
  }

  /** A value's code inside a parent (JSON for primitives, `#` and the number for objects); undefined where JSON would omit it. */
  private part(value: unknown): string | undefined {
    switch (typeof value) {
      case 'string':
        return quote(value);
      case 'number':
        return Number.isFinite(value) ? String(value) : 'null';
      case 'boolean':
        return value ? 'true' : 'false';
      case 'object':
        return value === null ? 'null' : `#${this.id(value)}`;
      default:
        return undefined;
    }
  }

  /** The code of an object's content, computed from its children's numbers (not their whole text). */
  private compute(value: object): string {
    if (Array.isArray(value)) {
      let s = '[';
      for (let i = 0; i < value.length; i++) s += (i > 0 ? ',' : '') + (this.part(value[i]) ?? 'null');
      return `${s}]`;
    }
    let s = '{';
    let first = true;
    const drop = this.drop;
    for (const k in value) {
      if (drop?.has(k)) continue;
      const p = this.part((value as Record<string, unknown>)[k]);
      if (p === undefined) continue;
      s += `${first ? '' : ','}${quote(k)}:${p}`;
      first = false;
    }
    return `${s}}`;
  }
}
