/**
 * Code labs as data (in the manner of the svelte.dev tutorial): each lab is a folder in
 * content/labs/<id>/ with `lab.ts` (the scenario and what the starter gets wrong), `starter.ts`
 * and `solution.ts` (a `handle(msg, ctx)` function each).
 */
import { defaultSettings, order42, type Handler, type InvariantId, type KafkaSettings, type ProtocolId, type RabbitSettings, type RocketSettings, type Scenario } from '../sim/base';

/** A lab's definition. */
export interface LabDefinition {
  id: string;
  title: { en: string; 'zh-cn': string };
  /** What the reader must achieve, in one or two sentences. */
  goal: { en: string; 'zh-cn': string };
  /** The world the handler runs in: consumers, faults allowed, settings. */
  consumers: number;
  faults: Scenario['faults'];
  settings?: Partial<Scenario['settings']>;
  /** The invariant the starter breaks (the checker must report it violated). */
  intended: InvariantId;
  /** The broker the handler runs on (default: the generic queue), with its settings. */
  protocol?: ProtocolId;
  kafka?: KafkaSettings;
  rabbitmq?: RabbitSettings;
  rocketmq?: RocketSettings;
}

/** The scenario a lab's handler is checked in. A correct handler keeps both invariants. */
export function labScenario(lab: LabDefinition, handler: Handler): Scenario {
  return {
    id: `lab-${lab.id}`,
    ...(lab.protocol ? { protocol: lab.protocol } : {}),
    ...(lab.kafka ? { kafka: lab.kafka } : {}),
    ...(lab.rabbitmq ? { rabbitmq: lab.rabbitmq } : {}),
    ...(lab.rocketmq ? { rocketmq: lab.rocketmq } : {}),
    title: lab.title,
    lesson: lab.goal,
    messages: [order42],
    consumers: lab.consumers,
    autoAck: false,
    strategy: 'custom',
    settings: { ...defaultSettings, ...lab.settings },
    faults: lab.faults,
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
    handler,
    amount: 100,
  };
}
