/** The simulator with Apache Pulsar loaded: the island its scenarios hydrate. */
import '../../../sim/protocols/pulsar/register';

export { default } from '../Simulator';
