/**
 * The simulator's views: pure functions of (scenario, timeline, cursor) → markup. They read state and
 * never change it; the widget passes callbacks for the few links they contain.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import {
  invariantsOf,
  isQuiescent,
  payloadMsgId,
  protocolOf,
  type Timeline,
  type Columns,
  type Tx,
  type LaneView,
  type Payload,
  type Scenario,
  type SettingView,
  type Text,
  type TokenView,
  type TraceEvent,
  type World,
} from '../../sim/base';
import {
  actorName,
  actorRefs,
  describeEvent,
  fmt,
  formatDuration,
  ledgerRows,
  messageName,
  paren,
  payloadWord,
  stateName,
  type Lang,
  type SimLabels,
} from './describe';
import type { TimerView } from './timers';

interface ViewProps {
  scenario: Scenario;
  world: World;
  labels: SimLabels;
  lang: Lang;
}

/** A message token: name, delivery count, redelivered mark. */
function Token({
  name,
  count,
  redelivered,
  kind,
  back = false,
  labels,
}: {
  name: string;
  count?: number | undefined;
  redelivered?: boolean | undefined;
  kind: string;
  /** On its way back towards the producer's side (an ack, a confirm, a pull): it travels the other way. */
  back?: boolean;
  labels: SimLabels;
}) {
  return (
    <span class={`sim-token sim-token--${kind}${back ? ' sim-token--back' : ''}${redelivered ? ' is-redelivered' : ''}`}>
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

function payloadToken(p: Payload, back: boolean, scenario: Scenario, labels: SimLabels, lang: Lang, i: number) {
  const word = payloadWord(p.kind, scenario.protocol, labels, lang);
  const msgId = payloadMsgId(p);
  const name = msgId ? `${word} · ${messageName(msgId, scenario, lang)}` : word;
  const count = p.kind === 'deliver' ? p.delivery.count : undefined;
  const redelivered = p.kind === 'deliver' ? p.delivery.redelivered : undefined;
  return <Token key={`${p.kind}-${i}`} name={name} count={count} redelivered={redelivered} kind={p.kind} back={back} labels={labels} />;
}

/**
 * The timers running on an actor or a link, each a bar that empties as the simulated clock runs
 * towards its deadline, with the same facts in words beside it ("Ack timeout · order #42: 20 s of
 * 30 s left"), so a reader who cannot see the bar, or asked for no motion, loses nothing.
 */
function Timers({ timers, labels }: { timers: TimerView[] | undefined; labels: SimLabels }) {
  if (!timers || timers.length === 0) return null;
  return (
    <ul class="sim-timers" aria-label={labels['sim.timers']}>
      {timers.map((t) => (
        <li key={t.id} class="sim-timer">
          <span class="sim-timer__bar" aria-hidden="true">
            <span class="sim-timer__left" style={{ inlineSize: `${(100 * t.left) / t.total}%` }} />
          </span>
          <span class="sim-timer__text">{t.text}</span>
          <span class="sim-timer__short" aria-hidden="true">
            {t.short}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Envelopes in flight between two actors, both directions. */
function Link({ a, b, world, scenario, labels, lang, timers, faultsAt }: LanesProps & { a: string; b: string }) {
  const forward = world.net[`${a}>${b}`] ?? [];
  const backward = world.net[`${b}>${a}`] ?? [];
  const delayed = world.timers.filter(
    (t) => t.owner === 'net' && t.envelope && ((t.envelope.from === a && t.envelope.to === b) || (t.envelope.from === b && t.envelope.to === a)),
  );
  // Links are drawn from a (the producer's side) to b: what goes from b to a travels back.
  const all = [
    ...forward.map((p) => ({ p, back: false })),
    ...backward.map((p) => ({ p, back: true })),
    ...delayed.map((t) => ({ p: t.envelope!.payload, back: t.envelope!.from === b })),
  ];
  return (
    <div class="sim-link" role="group" aria-label={`${labels['sim.inflight']}: ${actorName(a, labels)} ↔ ${actorName(b, labels)}`}>
      {all.length === 0 ? <span class="sim-link__line" aria-hidden="true" /> : all.map(({ p, back }, i) => payloadToken(p, back, scenario, labels, lang, i))}
      <Timers timers={timers?.filter((t) => t.place === `${a}>${b}` || t.place === `${b}>${a}`)} labels={labels} />
      {faultsAt?.(`${a}>${b}`, `${actorName(a, labels)} → ${actorName(b, labels)}`)}
      {faultsAt?.(`${b}>${a}`, `${actorName(b, labels)} → ${actorName(a, labels)}`)}
    </div>
  );
}

/** A protocol's view text in the reader's language, actors named ("→ Consumer 1", not "→ c1"). */
const say = (t: Text | string | undefined, lang: Lang, labels: SimLabels) => actorRefs(t === undefined ? '' : typeof t === 'string' ? t : t[lang], labels);

function TokenOf({ t, scenario, labels, lang }: { t: TokenView; scenario: Scenario; labels: SimLabels; lang: Lang }) {
  const name = [t.msg ? messageName(t.msg, scenario, lang) : '', say(t.text, lang, labels)].filter(Boolean).join(' ');
  return <Token name={name} count={t.count} redelivered={t.redelivered} kind={t.kind} labels={labels} />;
}

/** One actor's lane, as its protocol describes it. */
function LaneBody({
  lane,
  scenario,
  labels,
  lang,
  timers,
}: {
  lane: LaneView;
  scenario: Scenario;
  labels: SimLabels;
  lang: Lang;
  timers?: TimerView[] | undefined;
}) {
  return (
    <>
      <p class="sim-state">{stateName(lane.state, scenario.protocol, labels, lang)}</p>
      <Timers timers={timers} labels={labels} />
      {lane.sections.map((sec, i) => (
        <div key={i}>
          {say(sec.label, lang, labels) && <p class="sim-sub">{say(sec.label, lang, labels)}</p>}
          <div class="sim-tokens">
            {sec.tokens.length === 0 ? (
              <span class="sim-empty">{labels['sim.empty']}</span>
            ) : (
              sec.tokens.map((t, j) => <TokenOf key={j} t={t} scenario={scenario} labels={labels} lang={lang} />)
            )}
          </div>
          {say(sec.note, lang, labels) && <p class="sim-note">{say(sec.note, lang, labels)}</p>}
        </div>
      ))}
      {lane.notes.map((n, i) => (
        <p class="sim-note" key={`n${i}`}>
          {say(n, lang, labels)}
        </p>
      ))}
    </>
  );
}

/** What the lanes draw besides the world: timers, and (in the simulator) the faults that can hit each actor or link. */
type LanesProps = ViewProps & {
  timers?: TimerView[] | undefined;
  /** The fault menu for an actor (`c1`) or a link (`c1>broker`), named for the reader. */
  faultsAt?: ((place: string, name: string) => ComponentChildren) | undefined;
};

/** A lane's heading: the actor's name, and the faults that can hit it now. */
const LaneHead = ({ id, name, faultsAt }: { id: string; name: string; faultsAt: LanesProps['faultsAt'] }) => (
  <div class="sim-lane__head">
    <h4>{name}</h4>
    {faultsAt?.(id, name)}
  </div>
);

/** Producer, broker and consumers side by side, with what is on the network between them, and the timers each waits on. */
export function Lanes(props: LanesProps) {
  const { world, scenario, labels, lang, timers, faultsAt } = props;
  const at = (place: string) => timers?.filter((t) => t.place === place);
  const protocol = protocolOf(world.protocol);
  const view = protocol.view(world, scenario);
  const brokerName = world.protocol === 'ack' ? labels['actor.broker'] : protocol.title;
  return (
    <div class="sim-lanes" role="group" aria-label={labels['sim.lanes']}>
      <div class="sim-lane sim-lane--producer">
        <LaneHead id="producer" name={labels['actor.producer']} faultsAt={faultsAt} />
        <LaneBody lane={view.producer} scenario={scenario} labels={labels} lang={lang} timers={at('producer')} />
      </div>
      <Link {...props} a="producer" b="broker" />
      <div class="sim-lane sim-lane--broker">
        <LaneHead id="broker" name={brokerName} faultsAt={faultsAt} />
        <LaneBody lane={view.broker} scenario={scenario} labels={labels} lang={lang} timers={at('broker')} />
      </div>
      <div class="sim-consumers">
        {Object.entries(view.consumers).map(([id, lane]) => (
          <div class="sim-consumer-row" key={id}>
            <Link {...props} a="broker" b={id} />
            <div class={`sim-lane sim-lane--consumer is-${lane.state}`}>
              <LaneHead id={id} name={actorName(id, labels)} faultsAt={faultsAt} />
              <LaneBody lane={lane} scenario={scenario} labels={labels} lang={lang} timers={at(id)} />
            </div>
          </div>
        ))}
      </div>
      <Stores {...props} timers={at('cache')} />
    </div>
  );
}

/**
 * The settings the scenario runs with; values changed for the demo are marked. The strip is titled by
 * what it lists: client settings (Kafka's are all client-side), broker settings, or both, grouped.
 */
export function Settings({ rows, labels, lang }: { rows: SettingView[]; labels: SimLabels; lang: Lang }) {
  if (rows.length === 0) return null;
  const changed = rows.filter((r) => r.changed).length;
  const sides = (['server', 'client'] as const).filter((side) => rows.some((r) => r.side === side));
  const title = sides.length === 2 ? labels['sim.settings'] : sides[0] === 'client' ? labels['sim.settings.client'] : labels['sim.settings.server'];
  const list = (items: SettingView[]) => (
    <dl>
      {items.map((r) => (
        <div key={say(r.name, 'en', labels)} class={r.changed ? 'is-changed' : ''}>
          <dt>{typeof r.name === 'string' ? <code>{r.name}</code> : say(r.name, lang, labels)}</dt>
          <dd>
            {say(r.value, lang, labels)}
            {r.changed && (
              <span class="sim-note">
                {lang === 'zh-cn'
                  ? `（${fmt(labels['sim.settings.changed'], { default: say(r.default, lang, labels) })}）`
                  : ` (${fmt(labels['sim.settings.changed'], { default: say(r.default, lang, labels) })})`}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
  return (
    <details class="sim-details sim-settings" open={changed > 0}>
      <summary>{fmt(title, { n: changed })}</summary>
      {sides.length === 2
        ? sides.map((side) => (
            <div key={side} class="sim-settings__group">
              <p class="sim-sub">{labels[side === 'client' ? 'sim.settings.group.client' : 'sim.settings.group.server']}</p>
              {list(rows.filter((r) => r.side === side))}
            </div>
          ))
        : list(rows)}
    </details>
  );
}

/** A database row as the stores line shows it: `inbox: order #42`, with its status when it has one. */
function rowText(id: string, cols: Columns | undefined, scenario: Scenario, lang: Lang): string {
  const [table, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  return `${table}: ${messageName(key, scenario, lang)}${cols?.status ? ` (${cols.status})` : ''}`;
}

/** What an open transaction has written so far, invisible to everyone else until it commits. */
function writesText(tx: Tx, scenario: Scenario, lang: Lang): string {
  return tx.writes
    .map((w) =>
      w.kind === 'charge'
        ? `${messageName(w.key, scenario, lang)} ¥${w.amount}`
        : w.kind === 'insert'
          ? `+ ${rowText(w.id, w.cols, scenario, lang)}`
          : `${rowText(w.id, w.cols, scenario, lang)}`,
    )
    .join(', ');
}

function Stores({ world, scenario, labels, lang, timers }: ViewProps & { timers?: TimerView[] | undefined }) {
  // A reader's handler (code labs) may use either store: show both.
  const custom = scenario.strategy === 'custom';
  const usesDb = custom || ['checkThenInsert', 'inboxInTransaction', 'inboxByMsgId'].includes(scenario.strategy);
  const usesCache = (custom && Object.keys(world.stores.cache).length > 0) || scenario.strategy.startsWith('setnx');
  if (!usesDb && !usesCache) return null;
  const db = world.stores.db;
  return (
    <div class="sim-stores">
      {usesDb && (
        <p>
          <strong>DB</strong> {db.rows.length === 0 ? labels['sim.empty'] : db.rows.map((r) => rowText(r, db.cols[r], scenario, lang)).join(', ')}
        </p>
      )}
      {db.txs.map((tx) => (
        <p key={tx.id}>
          <strong>{fmt(labels['sim.openTx'], { actor: actorName(tx.id.slice(0, tx.id.indexOf('/')), labels) })}</strong>{' '}
          {tx.aborted ? `${labels['sim.txAborted']} ` : ''}
          {tx.writes.length === 0 ? labels['sim.empty'] : writesText(tx, scenario, lang)}
        </p>
      ))}
      {usesCache && (
        <p>
          <strong>{labels['actor.cache']}</strong>{' '}
          {Object.keys(world.stores.cache).length === 0
            ? labels['sim.empty']
            : Object.entries(world.stores.cache)
                .map(
                  ([k, e]) =>
                    `${custom ? `${k} = ${e.value}` : messageName(k, scenario, lang)}` +
                    `${e.expires === null ? '' : paren('', `TTL → ${formatDuration(e.expires, lang)}`, lang)}`,
                )
                .join(', ')}
        </p>
      )}
      {usesCache && <Timers timers={timers} labels={labels} />}
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
              <td>{r.expected === 0 ? labels['sim.ledger.dlq'] : fmt(labels['sim.ledger.times'], { n: 1 })}</td>
              <td class="sim-ledger__actual">{fmt(labels['sim.ledger.times'], { n: r.times })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.map(
        (r) =>
          r.sentence && (
            <p key={r.key} class={`sim-ledger__why is-${r.status}`}>
              {r.sentence}
            </p>
          ),
      )}
    </div>
  );
}

/**
 * One badge per invariant that judges the scenario, read from the engine's list, so a new invariant
 * shows up here by itself. Status first, so a broken one never reads as a double negative ("✗ Broken:
 * No duplicate", not "✗ No duplicate: broken"); a broken one links to the step where it broke. An
 * invariant judged at quiescence is pending until the run settles.
 */
export function Invariants({ tl, labels, lang, onSeek }: { tl: Timeline; labels: SimLabels; lang: Lang; onSeek: (n: number) => void }) {
  const { frames, cursor, scenario } = tl;
  return (
    <ul class="sim-badges" aria-label={labels['sim.invariants']}>
      {invariantsOf(scenario).map((inv) => {
        // The first step at which it broke; one judged at quiescence is judged at the cursor, once the run has settled.
        const from = inv.atQuiescence ? cursor : 0;
        const i = frames
          .slice(from, cursor + 1)
          .findIndex(({ world }) => (!inv.atQuiescence || isQuiescent(world)) && inv.check(world, scenario, isQuiescent(world)));
        const at = i < 0 ? null : from + i;
        const [mark, status] = at !== null ? ['✗', 'violated'] : inv.atQuiescence && !isQuiescent(frames[cursor]!.world) ? ['…', 'pending'] : ['✓', 'holds'];
        return (
          <li key={inv.id} class={`sim-badge is-${status}`}>
            <span aria-hidden="true">{mark}</span>{' '}
            {fmt(labels['sim.badge'], { status: labels[`sim.${status as 'violated' | 'pending' | 'holds'}`], name: labels[`sim.inv.${inv.id}`] })}
            {at !== null ? (
              <>
                {' · '}
                <button type="button" class="sim-linkbutton" onClick={() => onSeek(at)}>
                  {fmt(labels['sim.brokeAt'], { n: at })}
                </button>
              </>
            ) : status === 'pending' ? (
              <span class="sim-badge__why">{paren('', labels['sim.pendingWhy'], lang)}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The event log, newest last, each event one sentence; the current step's events are highlighted. The
 * scroll box follows the newest line unless the reader has scrolled it up to read (then it stays put
 * until they scroll back to the bottom).
 */
export function EventLog({
  frames,
  cursor,
  scenario,
  labels,
  lang,
}: {
  frames: { events: TraceEvent[] }[];
  cursor: number;
  scenario: Scenario;
  labels: SimLabels;
  lang: Lang;
}) {
  const items = frames.slice(1, cursor + 1).flatMap((f, i) => f.events.map((e, j) => ({ e, step: i + 1, key: `${i}-${j}` })));
  const box = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  useLayoutEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [items.length, cursor]);
  const onScroll = () => {
    const el = box.current;
    if (el) following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
  };
  if (items.length === 0) return <p class="sim-empty">{labels['sim.logEmpty']}</p>;
  return (
    <ol class="sim-log" ref={box} onScroll={onScroll} tabIndex={0} aria-label={labels['sim.log']}>
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
