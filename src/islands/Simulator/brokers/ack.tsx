/** The simulator with the generic queue loaded: the island its scenarios hydrate. */
import '../../../sim/protocols/ack/register';

export { default } from '../Simulator';
