/** The code lab with Kafka loaded: the island its labs hydrate. */
import '../../../sim/protocols/kafka/register';

export { default } from '../CodeLab';
