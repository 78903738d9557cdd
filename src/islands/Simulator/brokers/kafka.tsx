/** The simulator with Kafka loaded: the island its scenarios hydrate. */
import '../../../sim/protocols/kafka/register';

export { default } from '../Simulator';
