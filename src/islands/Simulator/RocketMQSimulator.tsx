/** The simulator with the RocketMQ protocol loaded: the island a RocketMQ scenario hydrates. */
import '../../sim/protocols/rocketmq/register';

export { default } from './Simulator';
