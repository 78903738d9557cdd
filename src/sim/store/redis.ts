/**
 * The cache a consumer dedups with, modelled on Redis 7: GET, SET with NX and PX, DEL, keys expiring
 * on the simulated clock (https://redis.io/docs/latest/commands/set/). Each command is atomic on its
 * own; nothing makes it atomic with the database. Pure functions over plain data.
 */

/** A key's value and when it expires (simulated ms), or null for never. */
export interface CacheEntry {
  value: string;
  expires: number | null;
}

/** The keyspace. */
export type Cache = Record<string, CacheEntry>;

/** Whether `key` holds a value at time `now` (an expired key is gone, as Redis treats it). */
const live = (cache: Cache, key: string, now: number): CacheEntry | undefined => {
  const e = cache[key];
  return e && (e.expires === null || e.expires > now) ? e : undefined;
};

/** GET key: the value, or null. */
export function get(cache: Cache, key: string, now: number): string | null {
  return live(cache, key, now)?.value ?? null;
}

/** SET key value [NX] [PX ms]: with NX, sets only when the key is absent; returns whether it set. */
export function set(cache: Cache, key: string, value: string, options: { nx?: boolean; px?: number }, now: number): { cache: Cache; ok: boolean } {
  if (options.nx && live(cache, key, now)) return { cache, ok: false };
  const px = options.px ?? 0;
  return { cache: { ...cache, [key]: { value, expires: px > 0 ? now + px : null } }, ok: true };
}

/** DEL key: how many keys it removed (0 or 1). */
export function del(cache: Cache, key: string, now: number): { cache: Cache; removed: number } {
  if (!live(cache, key, now)) return { cache: cache[key] ? withoutKey(cache, key) : cache, removed: 0 };
  return { cache: withoutKey(cache, key), removed: 1 };
}

/** The keyspace without `key` (its TTL ran out, or it was deleted). */
export function withoutKey(cache: Cache, key: string): Cache {
  const next = { ...cache };
  delete next[key];
  return next;
}
