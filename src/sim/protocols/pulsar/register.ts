/** Loads the Apache Pulsar protocol and its scenarios into this bundle's registry. */
import { registerProtocol } from '../registry';
import { pulsarScenarios } from './pulsar.scenarios';
import { pulsarProtocol } from './pulsar.world';

registerProtocol(pulsarProtocol, pulsarScenarios);
