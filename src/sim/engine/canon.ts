/** Where an object keeps its canonical code once computed (a non-enumerable symbol: JSON, keys and spreads skip it). */
const CODE = Symbol('canonical code');
/** The same, for objects that cannot take a property (frozen ones). */
const frozenCodes = new WeakMap<object, string>();
/** Every object code met so far, as a small number (content-based, so one table serves every search). */
const interned = new Map<string, number>();

/** The short stand-in for an object inside its parent's code: `#` and the number of its content. */
const ref = (value: object): string => {
  const code = codeOf(value);
  let n = interned.get(code);
  if (n === undefined) interned.set(code, (n = interned.size));
  return `#${n}`;
};

/** A value's code inside a parent (JSON for primitives, a reference for objects); undefined where JSON would omit it. */
function part(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
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
    s += `${first ? '' : ','}${JSON.stringify(k)}:${p}`;
    first = false;
  }
  return `${s}}`;
}

/** An object's code, computed once and kept on the object (world data is never mutated once made). */
function codeOf(value: object): string {
  const kept = (value as { [CODE]?: string })[CODE];
  if (kept !== undefined) return kept;
  if (!Object.isExtensible(value)) {
    let code = frozenCodes.get(value);
    if (code === undefined) frozenCodes.set(value, (code = compute(value)));
    return code;
  }
  const code = compute(value);
  // Not enumerable: a spread copy of the object (a new state) must not inherit it.
  Object.defineProperty(value, CODE, { value: code });
  return code;
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
    return codeOf(value);
  }

  /** A small number standing for `value`'s content. Equal content, equal number. */
  id(value: object): number {
    const code = codeOf(value);
    let n = interned.get(code);
    if (n === undefined) interned.set(code, (n = interned.size));
    return n;
  }

  /** The code of a short-lived object (an event), without keeping it on the object. */
  transient(value: object): string {
    return compute(value);
  }
}
