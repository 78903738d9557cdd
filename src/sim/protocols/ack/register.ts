/** Loads the generic queue protocol and its scenarios into this bundle's registry. */
import { registerProtocol } from '../registry';
import { ackScenarios } from './ack.scenarios';
import { ackProtocol } from './ack.world';

registerProtocol(ackProtocol, ackScenarios);
