/**
 * The handler API as the editor sees it in one lab: the common API (`src/sim/consumers/handler-api.d.ts`)
 * and the lab's own broker's message (`src/sim/protocols/<id>/<id>.handler-api.d.ts`) and no other,
 * so `msg: KafkaRecord` in a RabbitMQ lab, or a field its broker does not deliver, is a type error
 * before Check runs. Pure (text in, text out), so the unit tests type-check every lab with it.
 */

/** The editor's API for a lab: the common declarations, then its broker's message type. */
export function handlerApiFor(api: string, brokerApi: string): string {
  return `${api}\n${brokerApi}`;
}

/** The message type a broker's `<id>.handler-api.d.ts` adds to `HandlerMessages` (`KafkaRecord` …), or null. */
export function messageTypeOf(brokerApi: string): string | null {
  return /interface HandlerMessages \{\s*[\w-]+: (\w+);/.exec(brokerApi)?.[1] ?? null;
}
