import type { Protocol } from '../engine/protocol';
import type { Scenario } from '../engine/scenario';
import type { World } from '../engine/world';

/** Which broker's machines a world runs: a registered protocol's id. */
export type ProtocolId = string;

/**
 * The protocols loaded in this bundle. Each one, the generic queue included, is added by importing
 * its `register.ts`, so a page ships only the protocols its simulators use.
 */
export const protocols: Record<ProtocolId, Protocol> = {};
const loaded: Scenario[] = [];

/** Adds a protocol and its built-in scenarios (idempotent). */
export function registerProtocol<W extends World, S>(protocol: Protocol<W, S>, scenarios: readonly Scenario<S>[]): void {
  if (protocols[protocol.id]) return;
  // Held as a protocol of any world: the engine hands each protocol only worlds it made (`world.protocol`).
  protocols[protocol.id] = protocol;
  loaded.push(...scenarios);
}

/** A loaded protocol; throws with its name when its module was not imported. */
export function protocolOf(id: ProtocolId): Protocol {
  const p = protocols[id];
  if (!p) throw new Error(`the ${id} protocol is not loaded in this bundle (import src/sim/protocols/${id}/register)`);
  return p;
}

/** The built-in scenarios of every loaded protocol. */
export const loadedScenarios = (): readonly Scenario[] => loaded;
