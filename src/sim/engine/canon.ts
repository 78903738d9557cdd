/** Where an object keeps its canonical number once computed (a non-enumerable symbol: JSON, keys and spreads skip it). */
const ID = Symbol('canonical id');
/** The same, for objects that cannot take a property (frozen ones). */
const frozenIds = new WeakMap<object, number>();
/** Every object code met so far, as a small number (content-based, so one table serves every search). */
const interned = new Map<string, number>();

/** The short stand-in for an object inside its parent's code: `#` and the number of its content. */
const ref = (value: object): string => `#${idOf(value)}`;

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

/** A value's code inside a parent (JSON for primitives, a reference for objects); undefined where JSON would omit it. */
function part(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      return value === null ? 'null' : ref(value);
    default:
      return undefined;
  }
}

/** The code of an object's content, computed from its children's references (not their whole text). */
function compute(value: object): string {
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) s += (i > 0 ? ',' : '') + (part(value[i]) ?? 'null');
    return `${s}]`;
  }
  let s = '{';
  let first = true;
  for (const k in value) {
    const p = part((value as Record<string, unknown>)[k]);
    if (p === undefined) continue;
    s += `${first ? '' : ','}${quote(k)}:${p}`;
    first = false;
  }
  return `${s}}`;
}

/** The number of a code, given out in the order codes are first met. */
function intern(code: string): number {
  let n = interned.get(code);
  if (n === undefined) interned.set(code, (n = interned.size));
  return n;
}

/**
 * An object's number, computed once and kept on the object (world data is never mutated once made):
 * a parent's code then costs one property read per child, not a lookup of the child's code.
 */
function idOf(value: object): number {
  const kept = (value as { [ID]?: number })[ID];
  if (kept !== undefined) return kept;
  if (!Object.isExtensible(value)) {
    let n = frozenIds.get(value);
    if (n === undefined) frozenIds.set(value, (n = intern(compute(value))));
    return n;
  }
  const n = intern(compute(value));
  // Not enumerable: a spread copy of the object (a new state) must not inherit it.
  Object.defineProperty(value, ID, { value: n });
  return n;
}

/**
 * Canonical codes for plain data, in the manner of hash-consing. Worlds share unchanged parts (an
 * actor's state object survives every step that does not touch it, and memoised transitions return
 * the same object), so an object's code is made of its children's numbers, computed once per object:
 * hashing a new state costs what changed in it, not its whole size. Equal content, equal code (keys
 * in the order the objects were built, as with JSON; the engine builds them in one order).
 */
export class Canon {
  /** A string standing for `value`'s content (not JSON: children appear as `#n`). Equal content, equal string. */
  json(value: object): string {
    return compute(value);
  }

  /** A small number standing for `value`'s content. Equal content, equal number. */
  id(value: object): number {
    return idOf(value);
  }

  /** The code of a short-lived object (an event), without keeping it on the object. */
  transient(value: object): string {
    return compute(value);
  }
}
