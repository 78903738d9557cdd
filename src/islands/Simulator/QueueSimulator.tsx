/** The simulator with the generic queue loaded: the island a concept chapter's scenario hydrates. */
import '../../sim/protocols/ack/register';

export { default } from './Simulator';
