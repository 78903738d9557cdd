/** The simulator with NATS JetStream loaded: the island its scenarios hydrate. */
import '../../../sim/protocols/jetstream/register';

export { default } from '../Simulator';
