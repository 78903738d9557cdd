/** The simulator with the Kafka protocol loaded: the island a Kafka scenario hydrates. */
import '../../sim/protocols/kafka/register';

export { default } from './Simulator';
