/** Loads the rocketmq protocol and its scenarios into this bundle's registry. */
import { registerProtocol } from '../registry';
import { rocketScenarios } from './rocketmq.scenarios';
import { rocketProtocol } from './rocketmq.world';

registerProtocol(rocketProtocol, rocketScenarios);
