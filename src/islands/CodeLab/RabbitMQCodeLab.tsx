/** The code lab with the RabbitMQ protocol loaded: the island a RabbitMQ lab hydrates. */
import '../../sim/protocols/rabbitmq/register';

export { default } from './CodeLab';
