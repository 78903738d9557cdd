/** Loads the NATS JetStream protocol and its scenarios into this bundle's registry. */
import { registerProtocol } from '../registry';
import { jetstreamScenarios } from './jetstream.scenarios';
import { jetstreamProtocol } from './jetstream.world';

registerProtocol(jetstreamProtocol, jetstreamScenarios);
