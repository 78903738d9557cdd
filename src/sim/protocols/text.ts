import type { Text } from '../engine/protocol';
import type { ProtocolId } from './registry';

// Found by path, so a new broker's `<id>/<id>.text.ts` is picked up without touching this file: each
// exports one record of sentences, and its folder's name is the protocol's id.
const modules = import.meta.glob<Record<string, Record<string, Text>>>(['./*/*.text.ts', '!./*/*.scenarios.text.ts'], { eager: true });

/**
 * Each protocol's own sentences (log lines of its events by `explain` key, its state names as
 * `state:<name>`, its causes as `cause:…` and `lost:…`), in both languages. They are kept out of the
 * protocols themselves, so a widget's bundle carries none of them: the page's `.astro` wrapper reads
 * them here and hands its island the sentences of its own language (`protocolWords`), as it does with
 * the UI strings and the scenario's words.
 */
export const protocolText: Record<ProtocolId, Record<string, Text>> = Object.fromEntries(
  Object.entries(modules).map(([path, m]) => {
    const records = Object.values(m);
    if (records.length !== 1) throw new Error(`${path} must export exactly one record of sentences`);
    return [path.split('/')[1]!, records[0]!];
  }),
);

/** A protocol's own sentences in one language, by key. */
export function protocolWords(id: ProtocolId, lang: keyof Text): Record<string, string> {
  return Object.fromEntries(Object.entries(protocolText[id] ?? {}).map(([key, text]) => [key, text[lang]]));
}
