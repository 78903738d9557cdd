/** Loads the rabbitmq protocol and its scenarios into this bundle's registry. */
import { registerProtocol } from '../registry';
import { rabbitScenarios } from './rabbitmq.scenarios';
import { rabbitProtocol } from './rabbitmq.world';

registerProtocol(rabbitProtocol, rabbitScenarios);
