/**
 * Canonical strings for plain data, computed once per object. Worlds share unchanged parts (an
 * actor's state object survives every step that does not touch it, and memoised transitions return
 * the same object), so caching by identity turns most of the hashing into map lookups. Long strings
 * are then interned to short numbers, which keeps world keys short and cheap to hash.
 */
export class Canon {
  private readonly strings = new WeakMap<object, string>();
  private readonly ids = new Map<string, number>();

  /** JSON of `value`, cached by object identity. */
  json(value: object): string {
    let s = this.strings.get(value);
    if (s === undefined) {
      s = JSON.stringify(value);
      this.strings.set(value, s);
    }
    return s;
  }

  /** A small number standing for `value`'s canonical JSON. Equal content, equal number. */
  id(value: object): number {
    const s = this.json(value);
    let n = this.ids.get(s);
    if (n === undefined) {
      n = this.ids.size;
      this.ids.set(s, n);
    }
    return n;
  }
}
