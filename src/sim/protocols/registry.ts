import type { Protocol } from '../engine/protocol';
import type { Scenario } from '../engine/scenario';
import { ackProtocol } from './ack/ack.world';
import { ackScenarios } from './ack/ack.scenarios';

/** Which broker's machines a world runs. */
export type ProtocolId = Protocol['id'];

/**
 * The protocols loaded in this bundle. The generic queue is always here; a broker's protocol is
 * added by importing its `register.ts`, so a page ships only the brokers its simulators use.
 */
export const protocols: Partial<Record<ProtocolId, Protocol>> & { ack: Protocol } = { ack: ackProtocol };
const loaded: Scenario[] = [...ackScenarios];

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
