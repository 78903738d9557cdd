/** The simulator with the RabbitMQ protocol loaded: the island a RabbitMQ scenario hydrates. */
import '../../sim/protocols/rabbitmq/register';

export { default } from './Simulator';
