import type { Text } from '../engine/protocol';
import { ackText } from './ack/ack.text';
import { jetstreamText } from './jetstream/jetstream.text';
import { kafkaText } from './kafka/kafka.text';
import { rabbitText } from './rabbitmq/rabbitmq.text';
import { rocketText } from './rocketmq/rocketmq.text';
import type { ProtocolId } from './registry';

/**
 * Each protocol's own sentences (log lines of its events by `explain` key, its state names as
 * `state:<name>`, its causes as `cause:…` and `lost:…`), in both languages. They are kept out of the
 * protocols themselves, so a widget's bundle carries none of them: the page's `.astro` wrapper reads
 * them here and hands its island the sentences of its own language (`protocolWords`), as it does with
 * the UI strings and the scenario's words.
 */
export const protocolText: Record<ProtocolId, Record<string, Text>> = {
  ack: ackText,
  kafka: kafkaText,
  rabbitmq: rabbitText,
  rocketmq: rocketText,
  jetstream: jetstreamText,
};

/** A protocol's own sentences in one language, by key. */
export function protocolWords(id: ProtocolId, lang: keyof Text): Record<string, string> {
  return Object.fromEntries(Object.entries(protocolText[id] ?? {}).map(([key, text]) => [key, text[lang]]));
}
