/**
 * The widgets get each protocol's own sentences (log lines, state names, causes) from their page, in
 * its language (src/islands/Simulator/describe.ts). Tests that word the simulator's events outside a
 * page hand them over the same way, for both languages.
 */
import { setProtocolWords } from '../../src/islands/Simulator/describe';
import { protocolText, protocolWords, type ProtocolId } from '../../src/sim';

for (const id of Object.keys(protocolText) as ProtocolId[]) {
  for (const lang of ['en', 'zh-cn'] as const) setProtocolWords({ [id]: protocolWords(id, lang) }, lang);
}
