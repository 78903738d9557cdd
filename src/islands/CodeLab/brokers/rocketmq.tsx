/** The code lab with RocketMQ loaded: the island its labs hydrate. */
import '../../../sim/protocols/rocketmq/register';

export { default } from '../CodeLab';
