/**
 * The canon gives plain data a number by content (engine/canon.ts): every world key, the machines'
 * memo and the handler's memo rest on it. Two values must get the same number exactly when JSON
 * writes them alike (keys in the order they were built), however their parts are shared, whichever
 * object is met first, and with a canon's dropped fields left out at any depth. Its numbers are found
 * in a hashed table of integer tuples; the table must tell apart tuples that differ in one place.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Canon, TupleTable } from '../../src/sim/engine/canon';

/** Plain data as the engine makes it: records, lists, strings, numbers (some not finite), booleans, null, undefined fields. */
const plain = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<unknown>(null, true, false, 0, -0, 1, 1.5, -3, Infinity, NaN, '', 'c1', 'c2', '"', '#1', 'reads'),
    fc.integer({ min: -5, max: 5 }),
    fc.string({ maxLength: 3 }),
    tie('list'),
    tie('record'),
  ),
  list: fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 4 }),
  record: fc.dictionary(fc.constantFrom('a', 'b', 'reads', 'value', 'context'), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 4 }),
})).value;

/** A deep copy: the same content in new objects, so no number kept on the originals is reused. */
const copy = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(copy) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) : v;

/** JSON without the given fields, at any depth. */
const without = (drop: string[]) => (v: unknown) => JSON.stringify(v, (k, x) => (drop.includes(k) ? undefined : x));

describe('canon', () => {
  it('numbers two values alike exactly when JSON writes them alike', () => {
    const canon = new Canon();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.array(plain, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 2 }), plain, { maxKeys: 3 })), {
          minLength: 2,
          maxLength: 8,
        }),
        (values) => {
          const objects = [...values, ...values.map((v) => copy(v) as object)];
          const ids = objects.map((o) => canon.id(o));
          for (let i = 0; i < objects.length; i++) {
            for (let j = 0; j < objects.length; j++) {
              expect(ids[i] === ids[j], `${JSON.stringify(objects[i])} vs ${JSON.stringify(objects[j])}`).toBe(
                JSON.stringify(objects[i]) === JSON.stringify(objects[j]),
              );
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes the values JSON writes alike as one: what it leaves out, what it turns into null', () => {
    const canon = new Canon();
    const alike: object[][] = [
      [[null], [NaN], [Infinity], [-Infinity], [undefined], [() => 1]],
      [{}, { a: undefined }, { a: () => 1 }],
      [{ a: 0 }, { a: -0 }],
      [{ a: null }, { a: NaN }],
    ];
    const apart: object[] = [[], {}, [0], ['0'], [false], ['false'], [null], ['null'], [true], { a: 1, b: 2 }, { b: 2, a: 1 }, [[]], [{}], { '': 1 }];
    for (const group of alike) for (const o of group) expect(canon.id(o), JSON.stringify(o)).toBe(canon.id(group[0]!));
    expect(new Set(apart.map((o) => canon.id(o))).size).toBe(apart.length);
    expect(new Set(alike.map((g) => canon.id(g[0]!))).size).toBe(alike.length);
  });

  it('finds a tuple by comparing it whole when every hash collides', () => {
    const table = new TupleTable(() => 7);
    const tuples = [[1], [1, 2], [2, 1], [1, 2, 3], [1, 2, 4], [], [0], [0, 0]].map((t) => Int32Array.from(t));
    const numbers = tuples.map((t) => table.intern(t, 0, t.length));
    expect(new Set(numbers).size).toBe(tuples.length);
    // Found again, from another place in a larger buffer, after the table has grown.
    for (let i = 0; i < 5_000; i++) table.intern(Int32Array.from([9, i]), 0, 2);
    tuples.forEach((t, i) => {
      const padded = Int32Array.from([5, ...t, 5]);
      expect(table.intern(padded, 1, 1 + t.length)).toBe(numbers[i]);
    });
  });

  it('leaves a canon’s dropped fields out at any depth', () => {
    const blind = new Canon(['reads']);
    const json = without(['reads']);
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom('a', 'reads', 'b'), plain, { maxKeys: 3 }), { minLength: 2, maxLength: 6 }), (values) => {
        for (const a of values) {
          for (const b of values.map(copy) as object[]) {
            expect(blind.id(a) === blind.id(b)).toBe(json(a) === json(b));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('tells apart contents that differ in one place, with many contents known', () => {
    const canon = new Canon();
    const seen = new Map<number, string>();
    // Enough contents to grow every table several times over.
    for (let i = 0; i < 20_000; i++) {
      for (const o of [{ at: i }, [i], [i, 0], { at: i, b: null }, { b: null, at: i }, [String(i)], { at: String(i) }]) {
        const text = JSON.stringify(o);
        const id = canon.id(o);
        expect(seen.get(id) ?? text).toBe(text);
        seen.set(id, text);
        expect(canon.id(copy(o) as object)).toBe(id);
      }
    }
    expect(seen.size).toBe(7 * 20_000);
  });

  it('numbers a short-lived object by content without keeping the number on it', () => {
    const canon = new Canon();
    const event = { type: 'pull.received', queue: 'q0', offset: 1 };
    expect(canon.transient(event)).toBe(canon.transient({ ...event }));
    expect(canon.transient(event)).not.toBe(canon.transient({ ...event, offset: 2 }));
    expect(Object.getOwnPropertySymbols(event)).toEqual([]);
  });

  it('renames an object’s own keys and strings with an alias, and only those', () => {
    const canon = new Canon();
    const same = (s: string) => (s === 'c1' || s === 'c2' ? 'c' : s);
    const child = { owner: 'c1' };
    expect(canon.transient({ c1: 1, who: 'c1', child }, same)).toBe(canon.transient({ c2: 1, who: 'c2', child }, same));
    expect(canon.transient({ who: 'c1', child }, same)).not.toBe(canon.transient({ who: 'c1', child: { owner: 'c2' } }, same));
    expect(canon.transient({ who: 'c1' }, same)).not.toBe(canon.transient({ who: 'c1' }));
  });
});
