import type { Protocol } from '../engine/protocol';
import type { Scenario } from '../engine/scenario';

/** Which broker's machines a world runs. */
export type ProtocolId = Protocol['id'];

/**
 * The protocols loaded in this bundle. Each one, the generic queue included, is added by importing
 * its `register.ts`, so a page ships only the protocols its simulators use.
 */
export const protocols: Partial<Record<ProtocolId, Protocol>> = {};
const loaded: Scenario[] = [];

/** Adds a protocol and its built-in scenarios (idempotent). */
export function registerProtocol(protocol: Protocol, scenarios: readonly Scenario[]): void {
  if (protocols[protocol.id]) return;
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
