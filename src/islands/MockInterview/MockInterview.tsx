import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Labels, mockKeys, questionBankKeys } from '../../i18n/ui-keys';
import type { Rejected } from '../../interview/filters';
import { defaultCount, isSeed, mockCounts, mockPool, mockQuery, parseMockQuery, pickRun, seedFromBytes, type MockSetup } from '../../interview/mock';
import {
  browserStore,
  loadMarks,
  loadMockProgress,
  ratings,
  saveMarks,
  saveMockProgress,
  type MockAnswer,
  type MockProgress,
  type Rating,
} from '../../interview/storage';
import { topicOrder, type Topic } from '../../interview/types';
import './MockInterview.css';

/** One question as the island gets it: already in the page's language, with its links. */
export interface MockQuestion {
  id: string;
  topics: Topic[];
  question: string;
  answer: string[];
  wrong: string;
  why: string;
  /** The chapter (and anchor) that shows the answer. */
  see: string;
  seeLabel: string;
  /** The chapter's address and title, for the "reread" list. */
  chapter: string;
  chapterTitle: string;
  /** The question in the question bank. */
  inBank: string;
}

type MockKey = (typeof mockKeys)[number] | (typeof questionBankKeys)[number];

/** Props from the `.astro` wrapper. */
export interface MockInterviewProps {
  questions: MockQuestion[];
  topicLabels: Record<Topic, string>;
  labels: Labels<MockKey>;
  /** The page's language tag, for joining lists ('en', 'zh-CN'). */
  locale: string;
}

/** The setup form's fields (as typed, before they are checked). */
interface Draft {
  topics: Topic[];
  count: number;
  seed: string;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));

const newSeed = () => seedFromBytes(crypto.getRandomValues(new Uint8Array(8)));
const blank: MockAnswer = { text: '', revealed: false, rating: null };

/** Where focus goes after the next render: set by the action that changed the view, never on load. */
type FocusTarget = 'question' | 'answer' | 'summary' | 'setup' | null;

/**
 * A mock interview: the candidate picks topics and a length, gets a run drawn by a seed shown in the
 * URL, answers each question (typed or aloud), reveals the model answer and the common wrong one, and
 * rates themself; the summary lists the chapters to reread. Progress is kept in this browser, so a reload
 * resumes the run; a failed save is reported and nothing on the page is lost.
 */
export default function MockInterview({ questions, topicLabels, labels, locale }: MockInterviewProps) {
  const [setup, setSetup] = useState<MockSetup | null>(null);
  const [draft, setDraft] = useState<Draft>({ topics: [...topicOrder], count: defaultCount, seed: '' });
  const [formError, setFormError] = useState('');
  const [ignored, setIgnored] = useState<Rejected[]>([]);
  const [progress, setProgress] = useState<MockProgress | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [addedToReview, setAddedToReview] = useState<number | null>(null);
  const focus = useRef<FocusTarget>(null);
  const root = useRef<HTMLDivElement>(null);

  const run = useMemo(() => {
    if (!setup) return [];
    return pickRun(questions, setup);
  }, [setup, questions]);
  const runKey = setup ? mockQuery(setup) : '';

  /** Reads the run from the address bar: the same link always gives the same run. */
  const readUrl = () => {
    const { value, rejected } = parseMockQuery(location.search);
    setIgnored(rejected);
    setSetup(value);
    setAddedToReview(null);
    if (value) {
      setDraft({ topics: value.topics, count: value.count, seed: value.seed });
      setProgress(loadMockProgress(browserStore(), mockQuery(value)));
    } else {
      setDraft((d) => ({ ...d, seed: d.seed || newSeed() }));
      setProgress(null);
    }
  };

  useEffect(() => {
    readUrl();
    window.addEventListener('popstate', readUrl);
    return () => window.removeEventListener('popstate', readUrl);
  }, []);

  // Focus moves in the same task as the render that shows its target (a layout effect), and the target is
  // kept until it is on the page: a plain effect ran after paint, so a fast second key press (Enter on
  // "Next" then at once on "Finish") could land before it, and the effect then pulled focus back to the
  // old question or dropped the summary's focus.
  useLayoutEffect(() => {
    const target = focus.current;
    if (!target) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-focus="${target}"]`);
    if (!el) return;
    focus.current = null;
    el.focus();
  });

  /** Changes the run's progress and saves it; on failure the page keeps it and says so. */
  const update = (change: (p: MockProgress) => MockProgress) => {
    if (!progress) return;
    const next = change(progress);
    setProgress(next);
    setSaveFailed(!saveMockProgress(browserStore(), next));
  };

  const startRun = (next: MockSetup, fresh: boolean) => {
    const query = mockQuery(next, location.search);
    if (query !== location.search) history.pushState(null, '', `${location.pathname}${query}`);
    const loaded = loadMockProgress(browserStore(), mockQuery(next));
    const p = fresh ? { run: mockQuery(next), step: 0, answers: {} } : loaded;
    if (fresh) setSaveFailed(!saveMockProgress(browserStore(), p));
    setIgnored([]);
    setAddedToReview(null);
    setSetup(next);
    setProgress(p);
    focus.current = p.step >= pickRun(questions, next).length ? 'summary' : 'question';
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const seed = draft.seed.trim().toLowerCase();
    if (draft.topics.length === 0) return setFormError(labels['mock.noTopic']);
    if (!isSeed(seed)) return setFormError(labels['mock.badSeed']);
    setFormError('');
    startRun({ topics: topicOrder.filter((t) => draft.topics.includes(t)), count: draft.count, seed }, false);
  };

  const toSetup = () => {
    history.pushState(null, '', location.pathname);
    setDraft((d) => ({ ...d, seed: newSeed() })); // the same settings should not reopen the finished run
    setSetup(null);
    setProgress(null);
    setIgnored([]);
    focus.current = 'setup';
  };

  const notices = (
    <>
      {ignored.length > 0 && (
        <p class="mock-notice" role="status">
          {fill(labels['mock.ignored'], { values: ignored.map((r) => `“${r.param}=${r.value}”`).join(', ') })}
        </p>
      )}
      <p class="mock-alert" role="alert">
        {saveFailed ? labels['mock.storageFailed'] : ''}
      </p>
    </>
  );

  // ── Setup ──────────────────────────────────────────────────────────────────────────────────────
  if (!setup || !progress) {
    const pool = mockPool(questions, draft.topics).length;
    const toggle = (t: Topic) => setDraft((d) => ({ ...d, topics: d.topics.includes(t) ? d.topics.filter((x) => x !== t) : [...d.topics, t] }));
    return (
      <div class="mock not-content" ref={root}>
        {notices}
        <form class="mock-setup" onSubmit={onSubmit} aria-labelledby="mock-setup-title" noValidate>
          <h2 id="mock-setup-title" tabIndex={-1} data-focus="setup">
            {labels['mock.setup']}
          </h2>
          <fieldset class="mock-topics">
            <legend>{labels['mock.topics']}</legend>
            {topicOrder.map((t) => (
              <label key={t}>
                <input type="checkbox" name="topics" value={t} checked={draft.topics.includes(t)} onChange={() => toggle(t)} /> {topicLabels[t]}
              </label>
            ))}
          </fieldset>
          <p class="mock-pool" aria-live="polite">
            {draft.topics.length ? fill(labels['mock.pool'], { n: pool }) : labels['mock.noTopic']}
          </p>
          <div class="mock-fields">
            <label>
              <span>{labels['mock.count']}</span>
              <select name="n" value={String(draft.count)} onChange={(e) => setDraft((d) => ({ ...d, count: Number((e.target as HTMLSelectElement).value) }))}>
                {[...new Set([...mockCounts, draft.count])]
                  .sort((a, b) => a - b)
                  .map((n) => (
                    <option key={n} value={String(n)}>
                      {n}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              <span>{labels['mock.seed']}</span>
              <input
                name="seed"
                class="mock-seed"
                value={draft.seed}
                maxLength={16}
                pattern="[a-z0-9]{1,16}"
                spellcheck={false}
                autoComplete="off"
                aria-describedby="mock-seed-help"
                onInput={(e) => setDraft((d) => ({ ...d, seed: (e.target as HTMLInputElement).value }))}
              />
            </label>
            <button type="button" class="rl-button mock-button" onClick={() => setDraft((d) => ({ ...d, seed: newSeed() }))}>
              {labels['mock.newSeed']}
            </button>
          </div>
          <p id="mock-seed-help" class="mock-help">
            {labels['mock.seedHelp']}
          </p>
          <p class="mock-error" role="alert">
            {formError}
          </p>
          <button type="submit" class="rl-button mock-button mock-primary">
            {labels['mock.start']}
          </button>
        </form>
      </div>
    );
  }

  const step = Math.min(progress.step, run.length);
  const answerOf = (id: string): MockAnswer => progress.answers[id] ?? blank;
  const setAnswer = (id: string, change: Partial<MockAnswer>) =>
    update((p) => ({ ...p, answers: { ...p.answers, [id]: { ...(p.answers[id] ?? blank), ...change } } }));
  const runInfo = (
    <p class="mock-meta">
      {fill(labels['mock.runInfo'], {
        seed: setup.seed,
        total: run.length,
        topics: new Intl.ListFormat(locale, { type: 'conjunction' }).format(setup.topics.map((t) => topicLabels[t])),
      })}{' '}
      <a href={`${location.pathname}${runKey}`}>{labels['mock.shareRun']}</a>
    </p>
  );

  // ── Summary ────────────────────────────────────────────────────────────────────────────────────
  if (step >= run.length) {
    const rated = (r: Rating | null) => run.filter((q) => answerOf(q.id).rating === r).length;
    const notNailed = run.filter((q) => answerOf(q.id).rating !== 'nailed');
    const chapters = new Map<string, { title: string; questions: MockQuestion[] }>();
    for (const q of notNailed) {
      const entry = chapters.get(q.chapter) ?? { title: q.chapterTitle, questions: [] };
      entry.questions.push(q);
      chapters.set(q.chapter, entry);
    }
    const markForReview = () => {
      const store = browserStore();
      const marks = loadMarks(store);
      for (const q of notNailed) marks[q.id] = 'review';
      setSaveFailed(!saveMarks(store, marks));
      setAddedToReview(notNailed.length);
    };
    return (
      <div class="mock not-content" ref={root}>
        {notices}
        {runInfo}
        <section class="mock-summary" aria-labelledby="mock-summary-title">
          <h2 id="mock-summary-title" tabIndex={-1} data-focus="summary">
            {labels['mock.summary']}
          </h2>
          <p class="mock-score">
            {fill(labels['mock.score'], { nailed: rated('nailed'), partly: rated('partly'), missed: rated('missed'), unrated: rated(null) })}
          </p>
          <ol class="mock-results">
            {run.map((q) => {
              const rating = answerOf(q.id).rating;
              return (
                <li key={q.id}>
                  <a href={q.inBank}>{q.question}</a>{' '}
                  <span class={`mock-rating mock-rating--${rating ?? 'none'}`}>{rating ? labels[`mock.rating.${rating}`] : labels['mock.unrated']}</span>
                </li>
              );
            })}
          </ol>
          <h3>{labels['mock.reread']}</h3>
          {chapters.size === 0 ? (
            <p>{labels['mock.rereadNone']}</p>
          ) : (
            <ul class="mock-reread">
              {[...chapters].map(([href, c]) => (
                <li key={href}>
                  <a href={href}>{c.title}</a>
                  <ul>
                    {c.questions.map((q) => (
                      <li key={q.id}>
                        <a href={q.see}>{q.question}</a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {notNailed.length > 0 && (
            <p class="mock-review">
              <button type="button" class="rl-button mock-button" onClick={markForReview}>
                {labels['mock.toReview']}
              </button>{' '}
              <span role="status">{addedToReview !== null ? fill(labels['mock.addedToReview'], { n: addedToReview }) : ''}</span>
            </p>
          )}
          <div class="mock-actions">
            <button type="button" class="rl-button mock-button mock-primary" onClick={() => startRun(setup, true)}>
              {labels['mock.again']}
            </button>
            <button type="button" class="rl-button mock-button" onClick={() => startRun({ ...setup, seed: newSeed() }, true)}>
              {labels['mock.newRun']}
            </button>
            <button type="button" class="rl-button mock-button" onClick={toSetup}>
              {labels['mock.changeSetup']}
            </button>
          </div>
        </section>
      </div>
    );
  }

  // ── One question ───────────────────────────────────────────────────────────────────────────────
  const q = run[step]!;
  const a = answerOf(q.id);
  const goTo = (next: number) => {
    update((p) => ({ ...p, step: next }));
    focus.current = next >= run.length ? 'summary' : 'question';
  };
  const last = step === run.length - 1;
  return (
    <div class="mock not-content" ref={root}>
      {notices}
      {runInfo}
      <section class="mock-question" aria-labelledby="mock-q-title">
        <p class="mock-progress" aria-live="polite">
          {fill(labels['mock.progress'], { n: step + 1, total: run.length })}
        </p>
        <div class="mock-bar" aria-hidden="true">
          {run.map((x, i) => (
            <span key={x.id} class={i < step ? 'is-done' : i === step ? 'is-current' : ''} />
          ))}
        </div>
        <h2 id="mock-q-title" tabIndex={-1} data-focus="question">
          {q.question}
        </h2>
        <p class="mock-tags">
          {q.topics.map((t) => (
            <span key={t} class="mock-tag">
              {topicLabels[t]}
            </span>
          ))}
        </p>
        <label class="mock-answer-label" for="mock-answer">
          {labels['mock.yourAnswer']}
        </label>
        <textarea
          id="mock-answer"
          class="mock-answer"
          rows={5}
          value={a.text}
          onInput={(e) => setAnswer(q.id, { text: (e.target as HTMLTextAreaElement).value })}
        />
        {!a.revealed ? (
          <p>
            <button
              type="button"
              class="rl-button mock-button mock-primary"
              onClick={() => {
                setAnswer(q.id, { revealed: true });
                focus.current = 'answer';
              }}
            >
              {labels['mock.reveal']}
            </button>
          </p>
        ) : (
          <div class="mock-reveal">
            <p class="mock-label" id="mock-model" tabIndex={-1} data-focus="answer">
              {labels['qb.answer']}
            </p>
            <ul aria-labelledby="mock-model">
              {q.answer.map((point, i) => (
                <li key={i}>{point}</li>
              ))}
            </ul>
            <p class="mock-label" id="mock-wrong">
              {labels['qb.wrong']}
            </p>
            <blockquote class="mock-wrong" aria-labelledby="mock-wrong">
              <p>{q.wrong}</p>
            </blockquote>
            <p>
              <strong>{labels['qb.why']}</strong> {q.why}
            </p>
            <p>
              <a href={q.see}>{q.seeLabel} →</a>
            </p>
            <fieldset class="mock-rate">
              <legend>{labels['mock.rate']}</legend>
              {ratings.map((r) => (
                <label key={r} class={`mock-rate-option mock-rating--${r}`}>
                  <input type="radio" name={`mock-rate-${q.id}`} value={r} checked={a.rating === r} onChange={() => setAnswer(q.id, { rating: r })} />{' '}
                  {labels[`mock.rating.${r}`]}
                </label>
              ))}
            </fieldset>
          </div>
        )}
        <div class="mock-nav">
          <button type="button" class="rl-button mock-button" disabled={step === 0} onClick={() => goTo(step - 1)}>
            ← {labels['mock.back']}
          </button>
          <button type="button" class={`rl-button mock-button${a.revealed ? ' mock-primary' : ''}`} onClick={() => goTo(step + 1)}>
            {last ? labels['mock.finish'] : labels['mock.next']} →
          </button>
        </div>
      </section>
    </div>
  );
}
