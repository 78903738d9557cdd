/** What each page render has already written, by page (its Request) — for things a page needs once. */
const written = new WeakMap<Request, Set<string>>();

/** True the first time `key` is asked for on the page being rendered for `request`. */
export function firstOnPage(request: Request, key: string): boolean {
  const seen = written.get(request) ?? new Set<string>();
  written.set(request, seen);
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
