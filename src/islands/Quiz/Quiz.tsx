import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Labels, quizKeys } from '../../i18n/ui-keys';
import { playPrediction } from '../../quiz/play';
import type { Quiz as QuizData, QuizQuestion } from '../../quiz/types';
import { isQuiescent, traceOf, type Timeline } from '../../sim/base';
import { fmt, simLabels, type Lang, type SimLabels } from '../Simulator/describe';
import { EventLog, Ledger } from '../Simulator/views';
import '../Simulator/Simulator.css';
import './Quiz.css';

type QuizKey = (typeof quizKeys)[number];

/** Props from the `.astro` wrapper. */
export interface QuizProps {
  quiz: QuizData;
  lang: Lang;
  /** The quiz's own strings (the simulator's come from the page: simLabels). */
  labels: Labels<QuizKey>;
}

/** What the reader did with one question. */
interface Answer {
  choice: number;
  checked: boolean;
}

const storageKey = (chapter: string) => `redelivery-lab:quiz:${chapter}`;

function load(chapter: string): Record<string, Answer> {
  try {
    const raw = window.localStorage.getItem(storageKey(chapter));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, Answer>) : {};
  } catch {
    return {}; // unreadable or corrupted progress: start fresh rather than fail
  }
}

/** Quiz text with `backticks` shown as code (setting names, flags), as the chapters show them. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/**
 * An end-of-chapter quiz: native radio groups (keyboard and screen readers for free), immediate
 * feedback with the reason, progress kept in this browser. "Predict" questions then play the run.
 */
export default function Quiz({ quiz, lang, labels: own }: QuizProps) {
  const labels: SimLabels & Labels<QuizKey> = useMemo(() => ({ ...simLabels(lang), ...own }), [lang, own]);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [played, setPlayed] = useState<Record<string, Timeline>>({});
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => setAnswers(load(quiz.chapter)), []);

  const save = (next: Record<string, Answer>) => {
    setAnswers(next);
    try {
      window.localStorage.setItem(storageKey(quiz.chapter), JSON.stringify(next));
      setSaveFailed(false);
    } catch {
      setSaveFailed(true);
    }
  };

  const correct = useMemo(() => quiz.questions.filter((q) => answers[q.id]?.checked && answers[q.id]?.choice === q.answer).length, [answers]);

  const optionLabel = (q: QuizQuestion, i: number) => (q.kind === 'choice' ? q.options[i]![lang] : q.options[i]!.label[lang]);

  return (
    <section class="quiz not-content" aria-label={labels['quiz.label']}>
      <p class="quiz-progress" role="status" aria-live="polite">
        {fmt(labels['quiz.progress'], { n: correct, total: quiz.questions.length })}
      </p>
      {saveFailed && <p class="sim-notice">{labels['quiz.storageFull']}</p>}
      <ol class="quiz-list">
        {quiz.questions.map((q) => {
          const a = answers[q.id];
          const name = `quiz-${q.id}`;
          const right = a?.checked && a.choice === q.answer;
          const run = played[q.id];
          return (
            <li key={q.id} class="quiz-item">
              <fieldset>
                <legend>
                  {q.kind === 'predict' && (
                    <span class="quiz-kind">
                      {labels['quiz.predict']}
                      {lang === 'zh-cn' ? '：' : ': '}
                    </span>
                  )}
                  {withCode(q.prompt[lang])}
                </legend>
                {q.options.map((_, i) => (
                  <label key={i}>
                    <input type="radio" name={name} checked={a?.choice === i} onChange={() => save({ ...answers, [q.id]: { choice: i, checked: false } })} />
                    <span>{withCode(optionLabel(q, i))}</span>
                  </label>
                ))}
              </fieldset>
              <button type="button" onClick={() => a && save({ ...answers, [q.id]: { ...a, checked: true } })} aria-describedby={`${name}-feedback`}>
                {labels['quiz.check']}
              </button>
              <p id={`${name}-feedback`} class={`quiz-feedback${a?.checked ? (right ? ' is-right' : ' is-wrong') : ''}`} role="status" aria-live="polite">
                {a?.checked ? (
                  <>
                    {right ? labels['quiz.correct'] : labels['quiz.wrong']} {withCode(q.why[lang])}
                  </>
                ) : (
                  ''
                )}
              </p>
              {q.kind === 'predict' && a?.checked && !run && (
                <button type="button" class="sim-primary" onClick={() => setPlayed({ ...played, [q.id]: playPrediction(q) })}>
                  ▶ {labels['quiz.play']}
                </button>
              )}
              {run && (
                <div class="quiz-run sim">
                  <h4>{labels['quiz.played']}</h4>
                  <Ledger
                    scenario={run.scenario}
                    world={run.frames[run.cursor]!.world}
                    trace={traceOf(run)}
                    quiescent={isQuiescent(run.frames[run.cursor]!.world)}
                    labels={labels}
                    lang={lang}
                  />
                  <EventLog frames={run.frames} cursor={run.cursor} scenario={run.scenario} labels={labels} lang={lang} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => {
          save({});
          setPlayed({});
        }}
      >
        ↺ {labels['quiz.reset']}
      </button>
    </section>
  );
}
