/**
 * A memo of something computed from an object, kept on the object itself under a non-enumerable
 * symbol: JSON, `Object.keys` and spreads skip it, so a copy made from the object (a new state)
 * starts without it. The checker memoises several facts per world part (its twin, its key's parts,
 * its timers' number) for hundreds of thousands of parts; a WeakMap per fact made every lookup a
 * hash probe and every collection trace the ephemeron tables. Frozen objects, which cannot take a
 * property, fall back to a WeakMap. World data is never mutated once made, so a memo never goes stale.
 */
export class ObjectMemo<V> {
  private readonly slot: symbol;
  private readonly frozen = new WeakMap<object, V>();

  constructor(name: string) {
    this.slot = Symbol(name);
  }

  get(o: object): V | undefined {
    const v = (o as Record<symbol, V | undefined>)[this.slot];
    return v !== undefined || Object.isExtensible(o) ? v : this.frozen.get(o);
  }

  set(o: object, value: V): this {
    if (Object.isExtensible(o)) Object.defineProperty(o, this.slot, { value });
    else this.frozen.set(o, value);
    return this;
  }
}
