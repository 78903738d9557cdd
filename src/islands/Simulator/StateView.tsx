/**
 * The state-machine view, in its own module: the page renders it on the server (the first frame), and
 * the island loads it when a reader opens the fold, so the page does not carry it before.
 */
import type { AnyStateMachine } from 'xstate';
import { protocolOf, type World } from '../../sim/base';
import { actorName, fmt, stateName, type Lang, type SimLabels } from './describe';

type StateNode = AnyStateMachine['root'];

/**
 * The events a state reacts to: its own, and the machine's root-level ones it does not override (a
 * crash, handled once at the root). A handler that does nothing (an override that ignores the event)
 * is not shown; nor are root events on a state that is always left at once (an unguarded `always`).
 */
function eventsOf(machine: AnyStateMachine, node: StateNode): string[] {
  const own = node.on ?? {};
  const passing = node.always?.some((t) => !t.guard) ?? false;
  const inherited = passing ? [] : Object.entries(machine.root.on ?? {}).filter(([event]) => !(event in own));
  return [...Object.entries(own), ...inherited]
    .filter(([, transitions]) => transitions.some((t) => (t.target?.length ?? 0) > 0 || t.actions.length > 0))
    .map(([event]) => event);
}

/**
 * Each machine's states and the events each reacts to, read from the machine definitions; active states
 * highlighted. States are named in the reader's language, with the machine's own id beside them for
 * readers who want to find it in the source.
 */
export function StateView({ world, labels, lang }: { world: World; labels: SimLabels; lang: Lang }) {
  return (
    <div class="sim-statecharts">
      {protocolOf(world.protocol).machines.map(({ name, machine, actors }) => {
        const active = new Set(actors(world).map((a) => a.value));
        const states = Object.entries(machine.root.states);
        return (
          <div class="sim-chart" key={name}>
            <h5>{name === 'consumer' ? fmt(labels['actor.consumer'], { n: '' }).trim() : actorName(name, labels)}</h5>
            <ol>
              {states.map(([key, node]) => (
                <li key={key} class={active.has(key) ? 'is-active' : ''} aria-current={active.has(key) ? 'true' : undefined}>
                  <strong>{stateName(key, world.protocol, labels, lang)}</strong> <code class="sim-chart__id">{key}</code>
                  <span class="sim-chart__events">{eventsOf(machine, node).join(' · ')}</span>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}
