/** The simulator with RabbitMQ loaded: the island its scenarios hydrate. */
import '../../../sim/protocols/rabbitmq/register';

export { default } from '../Simulator';
