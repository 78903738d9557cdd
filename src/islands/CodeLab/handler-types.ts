/**
 * The handler API as the editor sees it in one lab: only that broker's message type exists, so
 * `msg: KafkaRecord` in a RabbitMQ lab, or a field its broker does not deliver, is a type error
 * before Check runs. Pure (text in, text out), so the unit tests type-check every lab with it.
 */

/** Each broker's message type in handler-api.d.ts. */
export const MESSAGE_TYPE: Record<string, string> = {
  ack: 'QueueMessage',
  kafka: 'KafkaRecord',
  rabbitmq: 'RabbitMessage',
  rocketmq: 'RocketMessage',
  jetstream: 'JetStreamMessage',
};

/** handler-api.d.ts (`api`) with the other brokers' `//#region broker:<id>` blocks removed, and HandlerMessage narrowed. */
export function handlerApiFor(api: string, protocol: string): string {
  const own = MESSAGE_TYPE[protocol] ?? 'QueueMessage';
  return api
    .replace(/\/\/#region broker:(\w+)\n([\s\S]*?)\/\/#endregion\n/g, (_all, broker: string, body: string) => (broker === protocol ? body : ''))
    .replace(/^type HandlerMessage = [^;]+;/m, `type HandlerMessage = ${own};`);
}
