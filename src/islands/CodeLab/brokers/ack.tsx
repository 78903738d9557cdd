/** The code lab with the generic queue loaded: the island its labs hydrate. */
import '../../../sim/protocols/ack/register';

export { default } from '../CodeLab';
