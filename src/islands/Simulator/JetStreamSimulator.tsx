/** The simulator with the NATS JetStream protocol loaded: the island a JetStream scenario hydrates. */
import '../../sim/protocols/jetstream/register';

export { default } from './Simulator';
