/** Loads the kafka protocol and its scenarios into this bundle's registry. */
import { registerProtocol } from '../registry';
import { kafkaScenarios } from './kafka.scenarios';
import { kafkaProtocol } from './kafka.world';

registerProtocol(kafkaProtocol, kafkaScenarios);
