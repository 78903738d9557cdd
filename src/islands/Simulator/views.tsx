/**
 * The simulator's views: pure functions of (scenario, timeline, cursor) → markup. They read state and
 * never change it; the widget passes callbacks for the few links they contain.
 */
import type { AnyStateMachine } from 'xstate';
import {
  brokerMachine,
  consumerMachine,
  deliveryTag,
  producerMachine,
  type ActorState,
  type Payload,
  type Scenario,
  type TraceEvent,
  type World,
} from '../../sim';
import { actorName, describeEvent, fmt, formatDuration, ledgerRows, messageName, type Lang, type SimLabels } from './describe';

interface ViewProps {
  scenario: Scenario;
  world: World;
  labels: SimLabels;
  lang: Lang;
}

/** A message token: name, delivery count, redelivered mark. */
function Token({ name, count, redelivered, kind, labels }: { name: string; count?: number | undefined; redelivered?: boolean | undefined; kind: string; labels: SimLabels }) {
  return (
    <span class={`sim-token sim-token--${kind}${redelivered ? ' is-redelivered' : ''}`}>
      {name}
      {count !== undefined && count > 0 && <span class="sim-token__count">×{count}</span>}
      {redelivered && (
        <span class="sim-token__redelivered" title={labels['sim.redelivered']}>
          ↻ <span class="sim-visually-hidden">{labels['sim.redelivered']}</span>
        </span>
      )}
    </span>
  );
}

function payloadToken(p: Payload, scenario: Scenario, labels: SimLabels, lang: Lang, i: number) {
  const word = labels[`payload.${p.kind}`];
  const msgId = p.kind === 'publish' ? p.msg.id : p.kind === 'confirm' ? p.msgId : p.kind === 'deliver' ? p.delivery.msgId : p.kind === 'ack' ? p.tag.split('/')[0] : undefined;
  const name = msgId ? `${word} · ${messageName(msgId, scenario, lang)}` : word;
  const count = p.kind === 'deliver' ? p.delivery.count : undefined;
  const redelivered = p.kind === 'deliver' ? p.delivery.redelivered : undefined;
  return <Token key={`${p.kind}-${i}`} name={name} count={count} redelivered={redelivered} kind={p.kind} labels={labels} />;
}

/** Envelopes in flight between two actors, both directions. */
function Link({ a, b, world, scenario, labels, lang }: ViewProps & { a: string; b: string }) {
  const forward = world.net[`${a}>${b}`] ?? [];
  const backward = world.net[`${b}>${a}`] ?? [];
  const delayed = world.timers.filter((t) => t.owner === 'net' && t.envelope && ((t.envelope.from === a && t.envelope.to === b) || (t.envelope.from === b && t.envelope.to === a)));
  const all = [...forward, ...backward, ...delayed.map((t) => t.envelope!.payload)];
  return (
    <div class="sim-link" aria-label={`${labels['sim.inflight']}: ${actorName(a, labels)} ↔ ${actorName(b, labels)}`}>
      {all.length === 0 ? <span class="sim-link__line" aria-hidden="true" /> : all.map((p, i) => payloadToken(p, scenario, labels, lang, i))}
    </div>
  );
}

/** Producer, broker and consumers side by side, with what is on the network between them. */
export function Lanes(props: ViewProps) {
  const { world, scenario, labels, lang } = props;
  const b = world.broker.context;
  const p = world.producer;
  const consumers = Object.entries(world.consumers);
  return (
    <div class="sim-lanes" role="group" aria-label={labels['sim.lanes']}>
      <div class="sim-lane sim-lane--producer">
        <h4>{labels['actor.producer']}</h4>
        <p class="sim-state">{p.value}</p>
        {p.context.attempt > 1 && <p class="sim-note">#{p.context.attempt}</p>}
      </div>
      <Link {...props} a="producer" b="broker" />
      <div class="sim-lane sim-lane--broker">
        <h4>{labels['actor.broker']}</h4>
        <p class="sim-sub">{labels['sim.queue']}</p>
        <div class="sim-tokens">
          {b.ready.length === 0 ? <span class="sim-empty">{labels['sim.empty']}</span> : b.ready.map((m) => <Token key={`${m.msgId}/${m.copy}`} name={`${messageName(m.msgId, scenario, lang)}${m.copy > 1 ? ` (${m.copy})` : ''}`} count={m.count} redelivered={m.count > 0} kind="stored" labels={labels} />)}
        </div>
        {!scenario.autoAck && (
          <>
            <p class="sim-sub">{labels['sim.unacked']}</p>
            <div class="sim-tokens">
              {b.unacked.length === 0 ? <span class="sim-empty">{labels['sim.empty']}</span> : b.unacked.map((u) => <Token key={deliveryTag(u)} name={`${messageName(u.msgId, scenario, lang)} → ${actorName(u.consumer, labels)}`} count={u.count} redelivered={u.count > 1} kind="unacked" labels={labels} />)}
            </div>
          </>
        )}
      </div>
      <div class="sim-consumers">
        {consumers.map(([id, c]) => (
          <div class="sim-consumer-row" key={id}>
            <Link {...props} a="broker" b={id} />
            <ConsumerCard id={id} c={c} {...props} />
          </div>
        ))}
      </div>
      <Stores {...props} />
    </div>
  );
}

function ConsumerCard({ id, c, scenario, labels, lang }: ViewProps & { id: string; c: World['consumers'][string] }) {
  const d = c.context.current;
  return (
    <div class={`sim-lane sim-lane--consumer is-${c.value}`}>
      <h4>{actorName(id, labels)}</h4>
      <p class="sim-state">{c.value}</p>
      {d && <Token name={messageName(d.msgId, scenario, lang)} count={d.count} redelivered={d.redelivered} kind="current" labels={labels} />}
      {scenario.strategy === 'processedSet' && <p class="sim-note">{`{${c.context.memo.map((k) => messageName(k, scenario, lang)).join(', ')}}`}</p>}
    </div>
  );
}

function Stores({ world, scenario, labels, lang }: ViewProps) {
  const usesDb = ['checkThenInsert', 'inboxInTransaction'].includes(scenario.strategy);
  const usesCache = scenario.strategy.startsWith('setnx');
  if (!usesDb && !usesCache) return null;
  return (
    <div class="sim-stores">
      {usesDb && (
        <p>
          <strong>DB</strong> {world.stores.db.length === 0 ? labels['sim.empty'] : world.stores.db.map((r) => { const [table, key] = r.split(':'); return `${table}: ${messageName(key, scenario, lang)}`; }).join(', ')}
        </p>
      )}
      {usesCache && (
        <p>
          <strong>{labels['actor.cache']}</strong>{' '}
          {Object.keys(world.stores.cache).length === 0
            ? labels['sim.empty']
            : Object.entries(world.stores.cache)
                .map(([k, exp]) => `${messageName(k, scenario, lang)} (TTL → ${formatDuration(exp, lang)})`)
                .join(', ')}
        </p>
      )}
    </div>
  );
}

/** Expected vs actual business effects, with the sentence that explains a duplicate or a loss. */
export function Ledger({ world, trace, quiescent, scenario, labels, lang }: ViewProps & { trace: TraceEvent[]; quiescent: boolean }) {
  const rows = ledgerRows(world, trace, quiescent, scenario, labels, lang);
  return (
    <div class="sim-ledger">
      <h4>{labels['sim.ledger']}</h4>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{labels['sim.ledger.expected']}</th>
            <th scope="col">{labels['sim.ledger.actual']}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} class={`is-${r.status}`} data-status={r.status}>
              <th scope="row">{r.label}</th>
              <td>{fmt(labels['sim.ledger.times'], { n: 1 })}</td>
              <td class="sim-ledger__actual">{fmt(labels['sim.ledger.times'], { n: r.times })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.map((r) => r.sentence && <p key={r.key} class={`sim-ledger__why is-${r.status}`}>{r.sentence}</p>)}
    </div>
  );
}

/** The two invariant badges; a broken one links to the step where it broke. */
export function Invariants({ duplicateAt, lossAt, quiescent, labels, onSeek }: { duplicateAt: number | null; lossAt: number | null; quiescent: boolean; labels: SimLabels; onSeek: (n: number) => void }) {
  const badge = (name: string, at: number | null, pending: boolean) => (
    <li class={`sim-badge ${at !== null ? 'is-violated' : pending ? 'is-pending' : 'is-holding'}`}>
      <span aria-hidden="true">{at !== null ? '✗' : pending ? '…' : '✓'}</span> {name}:{' '}
      {at !== null ? (
        <>
          {labels['sim.violated']}{' '}
          <button type="button" class="sim-linkbutton" onClick={() => onSeek(at)}>
            {fmt(labels['sim.brokeAt'], { n: at })}
          </button>
        </>
      ) : pending ? (
        labels['sim.pending']
      ) : (
        labels['sim.holds']
      )}
    </li>
  );
  return (
    <ul class="sim-badges" aria-label={labels['sim.invariants']}>
      {badge(labels['sim.noDuplicate'], duplicateAt, false)}
      {badge(labels['sim.noLoss'], lossAt, lossAt === null && !quiescent)}
    </ul>
  );
}

const machines: [string, AnyStateMachine, (w: World) => ActorState[]][] = [
  ['producer', producerMachine, (w) => [w.producer]],
  ['broker', brokerMachine, (w) => [w.broker]],
  ['consumer', consumerMachine, (w) => Object.values(w.consumers)],
];

/** Each machine's states and the events each handles, read from the machine definitions; active states highlighted. */
export function StateView({ world, labels }: { world: World; labels: SimLabels }) {
  return (
    <div class="sim-statecharts">
      {machines.map(([name, machine, actors]) => {
        const active = new Set(actors(world).map((a) => a.value));
        const states = Object.entries(machine.root.states);
        return (
          <div class="sim-chart" key={name}>
            <h5>{name === 'consumer' ? fmt(labels['actor.consumer'], { n: '' }).trim() : actorName(name, labels)}</h5>
            <ol>
              {states.map(([key, node]) => (
                <li key={key} class={active.has(key) ? 'is-active' : ''} aria-current={active.has(key) ? 'true' : undefined}>
                  <strong>{key}</strong>
                  <span class="sim-chart__events">{Object.keys(node.on ?? {}).join(' · ')}</span>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </div>
  );
}

/** The event log, newest last, each event one sentence; the current step's events are highlighted. */
export function EventLog({ frames, cursor, scenario, labels, lang }: { frames: { events: TraceEvent[] }[]; cursor: number; scenario: Scenario; labels: SimLabels; lang: Lang }) {
  const items = frames.slice(1, cursor + 1).flatMap((f, i) => f.events.map((e, j) => ({ e, step: i + 1, key: `${i}-${j}` })));
  if (items.length === 0) return <p class="sim-empty">{labels['sim.logEmpty']}</p>;
  return (
    <ol class="sim-log">
      {items.map(({ e, step, key }) => (
        <li key={key} class={`${step === cursor ? 'is-current' : ''} sim-log--${e.type.replace('.', '-')}`}>
          <span class="sim-log__when">
            {step} · {formatDuration(e.time, lang)}
          </span>{' '}
          {describeEvent(e, scenario, labels, lang)}
        </li>
      ))}
    </ol>
  );
}
