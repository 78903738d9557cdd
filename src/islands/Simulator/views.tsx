/**
 * The simulator's views: pure functions of (scenario, timeline, cursor) → markup. They read state and
 * never change it; the widget passes callbacks for the few links they contain.
 */
import { protocolOf, type Columns, type Tx, type LaneView, type Payload, type Scenario, type SettingView, type Text, type TokenView, type TraceEvent, type World } from '../../sim/base';
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

/** Words for the brokers' own requests on the wire (the generic ones are UI strings). */
const payloadWords: Partial<Record<Payload['kind'], Text>> = {
  nack: { en: 'nack', 'zh-cn': 'nack' },
  produce: { en: 'produce', 'zh-cn': '发送' },
  produceResponse: { en: 'response', 'zh-cn': '响应' },
  join: { en: 'join', 'zh-cn': '加入' },
  assign: { en: 'assignment', 'zh-cn': '分配' },
  fetch: { en: 'fetch', 'zh-cn': '拉取' },
  records: { en: 'records', 'zh-cn': '消息' },
  commit: { en: 'commit', 'zh-cn': '提交位点' },
  commitResponse: { en: 'commit result', 'zh-cn': '提交结果' },
  leave: { en: 'leave', 'zh-cn': '离开' },
  rebalance: { en: 'rebalance', 'zh-cn': '再均衡' },
  send: { en: 'send', 'zh-cn': '发送' },
  sendResult: { en: 'SEND_OK', 'zh-cn': 'SEND_OK' },
  pull: { en: 'pull', 'zh-cn': '拉取' },
  pulled: { en: 'messages', 'zh-cn': '消息' },
  persist: { en: 'offsets', 'zh-cn': '上报位点' },
  sendBack: { en: 'send back', 'zh-cn': '回传重试' },
  allocate: { en: 'queues', 'zh-cn': '队列分配' },
};

/** Which message a payload is about, if any. */
function payloadMsgId(p: Payload): string | undefined {
  switch (p.kind) {
    case 'publish':
    case 'produce':
    case 'send':
      return p.msg.id;
    case 'confirm':
    case 'produceResponse':
    case 'sendResult':
      return p.msgId;
    case 'deliver':
      return p.delivery.msgId;
    case 'ack':
    case 'nack':
      return p.tag.split('/')[0];
    case 'records':
    case 'pulled':
      return p.records[0]?.msgId;
    case 'sendBack':
      return p.record.msgId;
    default:
      return undefined;
  }
}

function payloadToken(p: Payload, scenario: Scenario, labels: SimLabels, lang: Lang, i: number) {
  const word = protocolOf(scenario.protocol ?? 'ack').payloadWords?.[p.kind]?.[lang] ?? (labels[`payload.${p.kind}` as keyof SimLabels] as string | undefined) ?? payloadWords[p.kind]?.[lang] ?? p.kind;
  const msgId = payloadMsgId(p);
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
    <div class="sim-link" role="group" aria-label={`${labels['sim.inflight']}: ${actorName(a, labels)} ↔ ${actorName(b, labels)}`}>
      {all.length === 0 ? <span class="sim-link__line" aria-hidden="true" /> : all.map((p, i) => payloadToken(p, scenario, labels, lang, i))}
    </div>
  );
}

/** Text in the reader's language. */
const say = (t: Text | string | undefined, lang: Lang) => (t === undefined ? '' : typeof t === 'string' ? t : t[lang]);

function TokenOf({ t, scenario, labels, lang }: { t: TokenView; scenario: Scenario; labels: SimLabels; lang: Lang }) {
  const name = [t.msg ? messageName(t.msg, scenario, lang) : '', say(t.text, lang)].filter(Boolean).join(' ');
  return <Token name={name} count={t.count} redelivered={t.redelivered} kind={t.kind} labels={labels} />;
}

/** One actor's lane, as its protocol describes it. */
function LaneBody({ lane, scenario, labels, lang }: { lane: LaneView; scenario: Scenario; labels: SimLabels; lang: Lang }) {
  return (
    <>
      <p class="sim-state">{lane.state}</p>
      {lane.sections.map((sec, i) => (
        <div key={i}>
          {say(sec.label, lang) && <p class="sim-sub">{say(sec.label, lang)}</p>}
          <div class="sim-tokens">
            {sec.tokens.length === 0 ? <span class="sim-empty">{labels['sim.empty']}</span> : sec.tokens.map((t, j) => <TokenOf key={j} t={t} scenario={scenario} labels={labels} lang={lang} />)}
          </div>
          {say(sec.note, lang) && <p class="sim-note">{say(sec.note, lang)}</p>}
        </div>
      ))}
      {lane.notes.map((n, i) => (
        <p class="sim-note" key={`n${i}`}>
          {say(n, lang)}
        </p>
      ))}
    </>
  );
}

/** Producer, broker and consumers side by side, with what is on the network between them. */
export function Lanes(props: ViewProps) {
  const { world, scenario, labels, lang } = props;
  const protocol = protocolOf(world.protocol);
  const view = protocol.view(world, scenario);
  const brokerName = world.protocol === 'ack' ? labels['actor.broker'] : protocol.title;
  return (
    <div class="sim-lanes" role="group" aria-label={labels['sim.lanes']}>
      <div class="sim-lane sim-lane--producer">
        <h4>{labels['actor.producer']}</h4>
        <LaneBody lane={view.producer} scenario={scenario} labels={labels} lang={lang} />
      </div>
      <Link {...props} a="producer" b="broker" />
      <div class="sim-lane sim-lane--broker">
        <h4>{brokerName}</h4>
        <LaneBody lane={view.broker} scenario={scenario} labels={labels} lang={lang} />
      </div>
      <div class="sim-consumers">
        {Object.entries(view.consumers).map(([id, lane]) => (
          <div class="sim-consumer-row" key={id}>
            <Link {...props} a="broker" b={id} />
            <div class={`sim-lane sim-lane--consumer is-${lane.state}`}>
              <h4>{actorName(id, labels)}</h4>
              <LaneBody lane={lane} scenario={scenario} labels={labels} lang={lang} />
            </div>
          </div>
        ))}
      </div>
      <Stores {...props} />
    </div>
  );
}

/** The broker settings the scenario runs with; values changed for the demo are marked. */
export function Settings({ rows, labels }: { rows: SettingView[]; labels: SimLabels }) {
  if (rows.length === 0) return null;
  const changed = rows.filter((r) => r.changed).length;
  return (
    <details class="sim-details sim-settings" open={changed > 0}>
      <summary>{fmt(labels['sim.settings'], { n: changed })}</summary>
      <dl>
        {rows.map((r) => (
          <div key={r.name} class={r.changed ? 'is-changed' : ''}>
            <dt>
              <code>{r.name}</code>
            </dt>
            <dd>
              {r.value}
              {r.changed && <span class="sim-note"> ({fmt(labels['sim.settings.changed'], { default: r.default })})</span>}
            </dd>
          </div>
        ))}
      </dl>
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
    .map((w) => (w.kind === 'charge' ? `${messageName(w.key, scenario, lang)} ¥${w.amount}` : w.kind === 'insert' ? `+ ${rowText(w.id, w.cols, scenario, lang)}` : `${rowText(w.id, w.cols, scenario, lang)}`))
    .join(', ');
}

function Stores({ world, scenario, labels, lang }: ViewProps) {
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
                .map(([k, e]) => `${custom ? `${k} = ${e.value}` : messageName(k, scenario, lang)}${e.expires === null ? '' : ` (TTL → ${formatDuration(e.expires, lang)})`}`)
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
              <td>{r.expected === 0 ? labels['sim.ledger.dlq'] : fmt(labels['sim.ledger.times'], { n: 1 })}</td>
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

/** Each machine's states and the events each handles, read from the machine definitions; active states highlighted. */
export function StateView({ world, labels }: { world: World; labels: SimLabels }) {
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
