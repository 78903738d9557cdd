/** The code lab with the RocketMQ protocol loaded: the island a RocketMQ lab hydrates. */
import '../../sim/protocols/rocketmq/register';

export { default } from './CodeLab';
