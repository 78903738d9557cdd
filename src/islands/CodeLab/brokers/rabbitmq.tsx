/** The code lab with RabbitMQ loaded: the island its labs hydrate. */
import '../../../sim/protocols/rabbitmq/register';

export { default } from '../CodeLab';
