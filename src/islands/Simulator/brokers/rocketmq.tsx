/** The simulator with RocketMQ loaded: the island its scenarios hydrate. */
import '../../../sim/protocols/rocketmq/register';

export { default } from '../Simulator';
