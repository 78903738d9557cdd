/**
 * The timers pending on the simulated clock, as the stage draws them: where each belongs (the actor
 * that waits, or the link a delayed envelope travels), what it is in words, and how much of it is
 * left. Pure: a function of (timeline, cursor), like every other view.
 */
import type { Timeline } from '../../sim/base';
import { actorName, fmt, formatDuration, messageName, timerWord, type Lang, type SimLabels } from './describe';

/** One pending timer, ready to draw. */
export interface TimerView {
  /** Stable across steps while the timer runs (owner, name and deadline). */
  id: string;
  /** Where it is drawn: an actor (`producer`, `broker`, `c1`), `cache`, or a link `a>b` for a delayed envelope. */
  place: string;
  /** "Ack timeout · order #42", "会话超时". */
  name: string;
  /** Left on the simulated clock, and the whole, in ms. */
  left: number;
  total: number;
  /** The sentence a screen reader hears and a reader sees: "Ack timeout · order #42: 20 s of 30 s left". */
  text: string;
  /** The same, short, for a projected screen where the bar says the rest: "Ack timeout: 20 s left". */
  short: string;
}

/** Where a timer has been running since: the time of the first frame (back from the cursor) that holds it, unchanged. */
function startOf(tl: Timeline, same: (t: { owner: string; name: string; deadline: number }) => boolean): number {
  let start = tl.frames[tl.cursor]!.world.time;
  for (let i = tl.cursor; i >= 0; i--) {
    const w = tl.frames[i]!.world;
    if (!w.timers.some(same)) break;
    start = w.time;
  }
  return start;
}

/**
 * The timer's kind from its name (`ack:order-42/1#1` → `ack`), as a UI string key; a cache key's TTL
 * is its own kind, since a broker may also call a timer `ttl` (RabbitMQ's message TTL).
 */
const kindOf = (owner: string, name: string) => (owner === 'cache' ? 'cacheTtl' : name.split(':')[0]!);

/** The consumer a broker's timer is about (Kafka's session timeout of member `c1#2` belongs to Consumer 1's lane). */
const memberOf = (subject: string) => (/^c\d+(#\d+)?$/.test(subject) ? subject.split('#')[0]! : null);

/** Every pending timer that has a duration, for the views; timers the scenario's horizon will never reach are left out. */
export function timerViews(tl: Timeline, labels: SimLabels, lang: Lang): TimerView[] {
  const world = tl.frames[tl.cursor]!.world;
  const { scenario } = tl;
  return world.timers.flatMap((t) => {
    if (world.horizon !== undefined && t.deadline > world.horizon) return [];
    const start = startOf(tl, (x) => x.owner === t.owner && x.name === t.name && x.deadline === t.deadline);
    const total = t.deadline - start;
    if (total <= 0) return []; // a zero-length timer (Kafka's `start`) is an instant, not a wait
    const kind = kindOf(t.owner, t.name);
    const subject = t.name.slice(t.name.indexOf(':') + 1);
    const member = t.owner === 'broker' ? memberOf(subject) : null;
    const place =
      t.owner === 'net' && t.envelope
        ? `${t.envelope.from}>${t.envelope.to}`
        : (member ?? (t.owner.startsWith('c') && t.owner !== 'cache' ? t.owner.split('#')[0]! : t.owner));
    // The message it is about, when its name says (a delivery tag `order-42/1#2`, a message id, a business key).
    const msgId = t.name.includes(':') ? subject.split(/[/#]/)[0] : undefined;
    const msg =
      msgId && scenario.messages.some((m) => m.id === msgId.split('@')[0] || m.key === msgId.split('@')[0]) ? messageName(msgId, scenario, lang) : null;
    const word = timerWord(kind, scenario.protocol, labels, lang);
    const name = [word, msg ?? (member && subject.includes('#') && !subject.endsWith('#1') ? actorName(subject, labels) : null)].filter(Boolean).join(' · ');
    const left = Math.max(0, t.deadline - world.time);
    return [
      {
        id: `${t.owner}|${t.name}|${t.deadline}`,
        place,
        name,
        left,
        total,
        text: fmt(labels['sim.timer'], { name, left: formatDuration(left, lang), total: formatDuration(total, lang) }),
        short: fmt(labels['sim.timerShort'], { name: word, left: formatDuration(left, lang) }),
      },
    ];
  });
}
