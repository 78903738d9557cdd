/** The code lab with the Kafka protocol loaded: the island a Kafka lab hydrates. */
import '../../sim/protocols/kafka/register';

export { default } from './CodeLab';
