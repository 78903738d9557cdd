import { apply, enabledSteps, initialWorld, sharedTransitioner, worldKey, type Scenario, type World } from '../../src/sim';

/** Breadth-first over the first `limit` worlds of a scenario (no reduction); calls `visit` on each. */
export function walk(scenario: Scenario, limit: number, visit: (w: World) => void): void {
  const start = initialWorld(scenario);
  const seen = new Set([worldKey(start)]);
  let frontier = [start];
  while (frontier.length > 0 && seen.size < limit) {
    const next: World[] = [];
    for (const w of frontier) {
      visit(w);
      for (const s of enabledSteps(w)) {
        const r = apply(w, s, scenario, sharedTransitioner).world;
        const k = worldKey(r);
        if (!seen.has(k)) {
          seen.add(k);
          next.push(r);
        }
      }
    }
    frontier = next;
  }
}
