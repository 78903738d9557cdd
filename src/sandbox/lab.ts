/**
 * Code labs as data (in the manner of the svelte.dev tutorial): each lab is a folder in
 * content/labs/<id>/ with `lab.ts` (the scenario and what the starter gets wrong), `starter.ts`
 * and `solution.ts` (a `handle(msg, ctx)` function each), and `starter.zh-cn.ts` and
 * `solution.zh-cn.ts` (the same code, commented in Chinese; see labs.ts).
 */
import { defaultSettings, type FaultKind, type Handler, type HandlerModule, type InvariantId, type Message, type ProtocolId, type Scenario } from '../sim/base';

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
  /** The broker the handler runs on (default: the generic queue), with its settings (the protocol's own type). */
  protocol?: ProtocolId;
  broker?: unknown;
  /** The messages the producer sends (default: `labMessages`). */
  messages?: Message[];
}

/** An order to charge: its broker message id (not the order's), its business key and amount. */
const labOrder = (id: string, n: number, amount: number): Message => ({
  id,
  key: `order-${n}`,
  amount,
  label: { en: `charge order #${n} ¥${amount}`, 'zh-cn': `订单 #${n} 扣款 ¥${amount}` },
  name: { en: `order #${n}`, 'zh-cn': `订单 #${n}` },
});

/** Order #42, ¥100: the message every lab starts with. */
export const labOrder42 = labOrder('m-1001', 42, 100);
/** Order #7, ¥35: a second order, so a handler that mixes orders up or charges a fixed amount is caught. */
export const labOrder7 = labOrder('m-1002', 7, 35);

/**
 * What most labs' producers send: two orders with different amounts. The re-send under a new id
 * comes from each lab's producer fault (a lost confirm, a lost send result, a producer crash).
 */
export const labMessages: Message[] = [labOrder42, labOrder7];

/** The bounds a verdict holds under, as the lab shows them: messages, consumers, each fault × n, horizon. */
export interface Bounds {
  messages: number;
  consumers: number;
  faults: Partial<Record<FaultKind, number>>;
  /** Simulated ms after which no timer fires, or null for none. */
  horizon: number | null;
}

/** The bounds of a scenario. */
export const boundsOf = (scenario: Scenario): Bounds => ({
  messages: scenario.messages.length,
  consumers: scenario.consumers,
  faults: { ...scenario.faults },
  horizon: scenario.settings.horizon ?? null,
});

/** The scenario a lab's handler is checked in. A correct handler keeps every invariant. */
export function labScenario(lab: LabDefinition, handler: Handler | HandlerModule): Scenario {
  return {
    id: `lab-${lab.id}`,
    ...(lab.protocol ? { protocol: lab.protocol } : {}),
    ...(lab.broker !== undefined ? { broker: lab.broker } : {}),
    title: lab.title,
    lesson: lab.goal,
    messages: lab.messages ?? labMessages,
    consumers: lab.consumers,
    autoAck: false,
    strategy: 'custom',
    settings: { ...defaultSettings, ...lab.settings },
    faults: lab.faults,
    expected: { noDuplicateSideEffect: 'holds', noMessageLost: 'holds' },
    ...(typeof handler === 'function' ? { handler } : { handlerModule: handler }),
  };
}
