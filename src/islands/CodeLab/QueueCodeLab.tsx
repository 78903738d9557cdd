/** The code lab with the generic queue loaded: the island a queue lab hydrates. */
import '../../sim/protocols/ack/register';

export { default } from './CodeLab';
