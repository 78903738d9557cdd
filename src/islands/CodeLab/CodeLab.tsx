import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { labKeys, Labels } from '../../i18n/ui-keys';
import { labScenario } from '../../sandbox/lab';
import { labDefinitions } from '../../sandbox/lab-definitions';
import { SandboxHost, type SandboxOutcome } from '../../sandbox/host';
import type { SourceProblem } from '../../sandbox/protocol';
import { isQuiescent, type Frame, type InvariantId } from '../../sim/base';
import { fmt, simLabels, type Lang, type SimLabels } from '../Simulator/describe';
import { boundsText, type FaultWords } from '../bounds';
import { EventLog, Lanes, Ledger } from '../Simulator/views';
import type { LabEditor } from './monaco';
import { clearCode, fingerprint, loadCode, saveCode } from './storage';
import '../Simulator/Simulator.css';
import './CodeLab.css';

type LabKey = (typeof labKeys)[number];

/** Props from the `.astro` wrapper; `children` is the server-rendered, highlighted starter. */
export interface CodeLabProps {
  labId: string;
  lang: Lang;
  /** The lab's own strings (the simulator's come from the page: simLabels). */
  labels: Labels<LabKey>;
  /** The names of the lab's faults, in the page's language (for the bounds line). */
  faults: FaultWords;
  /**
   * The starter and solution in the page's language, and fingerprints of the other language's (the
   * same code, other comments), so a copy of those saved on the other language's page is recognised.
   */
  code: { starter: string; solution: string; other: { starter: string; solution: string } };
  children?: ComponentChildren;
  /** The real database and cache versions the store rules were checked against, and where the results are. */
  checked?: { servers: string; href: string } | undefined;
}

type Status = { kind: 'idle' } | { kind: 'busy'; states: number } | { kind: 'message'; tone: 'good' | 'bad' | 'info'; text: string; steps?: string[] };

/**
 * A code lab: the reader edits `handle(msg, ctx)`; Run plays the scenario with it, Check runs it
 * through every fault schedule in the sandbox worker. The editor (Monaco) loads only on request.
 */
export default function CodeLab({ labId, lang, labels: own, faults, code: { starter, solution, other }, children, checked }: CodeLabProps) {
  const labels: SimLabels & Labels<LabKey> = useMemo(() => ({ ...simLabels(lang), ...own }), [lang, own]);
  const lab = labDefinitions[labId]!;
  const scenario = useMemo(() => labScenario(lab, () => undefined), [labId]);
  const [code, setCode] = useState(starter);
  const [notice, setNotice] = useState<string | null>(null);
  const [editorState, setEditorState] = useState<'preview' | 'loading' | 'monaco' | 'textarea'>('preview');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [frames, setFrames] = useState<Frame[] | null>(null);
  const [cursor, setCursor] = useState(0);
  const editor = useRef<LabEditor | null>(null);
  const mount = useRef<HTMLDivElement>(null);
  const host = useRef<SandboxHost | null>(null);
  const codeRef = useRef(code);
  codeRef.current = code;

  useEffect(() => {
    // The reader's code is kept per lab, whichever language it was written on. An untouched starter
    // is not theirs (either language's: show this page's); the other language's solution becomes this one's.
    const saved = loadCode(labId);
    const known = saved === null ? null : fingerprint(saved);
    if (saved === null) {
      /* nothing saved */
    } else if (saved === starter || known === other.starter) {
      clearCode(labId);
    } else {
      const restored = known === other.solution ? solution : saved;
      if (restored !== saved) saveCode(labId, restored);
      setCode(restored);
      setNotice(labels['lab.restored']);
    }
    return () => {
      host.current?.dispose();
      editor.current?.dispose();
    };
  }, []);

  const update = (value: string) => {
    setCode(value);
    if (value === starter) {
      // Edited back to the starter: nothing of the reader's to keep.
      clearCode(labId);
      setNotice(null);
      return;
    }
    setNotice(saveCode(labId, value) ? null : labels['lab.storageFull']);
  };

  const isDark = () => document.documentElement.dataset.theme === 'dark';
  const narrow = () => window.matchMedia('(max-width: 40rem), (pointer: coarse)').matches;

  const openEditor = async (force = false) => {
    if (!force && narrow()) {
      setEditorState('textarea');
      return;
    }
    setEditorState('loading');
    try {
      const { createLabEditor } = await import('./monaco');
      setEditorState('monaco');
      await new Promise((r) => requestAnimationFrame(r));
      editor.current = createLabEditor(mount.current!, {
        value: codeRef.current,
        dark: isDark(),
        label: fmt(labels['lab.editorLabel'], { title: lab.title[lang] }),
        protocol: lab.protocol ?? 'ack',
        onChange: update,
      });
      editor.current.focus();
      const observer = new MutationObserver(() => editor.current?.setTheme(isDark()));
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    } catch (error) {
      setEditorState('textarea');
      setNotice(fmt(labels['lab.loadFailed'], { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const replaceCode = (value: string, question: string) => {
    if (value === codeRef.current || !window.confirm(question)) return;
    setCode(value);
    editor.current?.setValue(value);
    if (value === starter) clearCode(labId);
    else saveCode(labId, value);
    setStatus({ kind: 'idle' });
  };

  const sandbox = () => (host.current ??= new SandboxHost(() => new Worker(new URL('../../sandbox/sandbox.worker.ts', import.meta.url), { type: 'module' })));

  const where = (p: SourceProblem) => (p.line !== null ? fmt(labels['lab.at'], { line: p.line, column: p.column ?? 1 }) : '');
  const explainFailure = (outcome: SandboxOutcome): string | null => {
    if (outcome.kind === 'compileError' || outcome.kind === 'runtimeError') {
      editor.current?.setMarkers(
        outcome.problem.line !== null ? [{ message: outcome.problem.message, line: outcome.problem.line, column: outcome.problem.column ?? 1 }] : [],
      );
      return fmt(labels[outcome.kind === 'compileError' ? 'lab.compileError' : 'lab.runtimeError'], {
        message: outcome.problem.message,
        where: where(outcome.problem),
      });
    }
    if (outcome.kind === 'timeout') return fmt(labels['lab.timeout'], { seconds: outcome.limitMs / 1000 });
    if (outcome.kind === 'crashed') return fmt(labels['lab.crashed'], { message: outcome.message });
    if (outcome.kind === 'cancelled') return labels['lab.cancelled'];
    return null;
  };

  const run = async (steps?: string[]) => {
    setStatus({ kind: 'busy', states: 0 });
    editor.current?.setMarkers([]);
    const outcome = await sandbox().request({ type: 'run', labId, source: codeRef.current, steps });
    if (outcome.kind === 'ran') {
      setFrames(outcome.frames);
      setCursor(steps ? 0 : outcome.frames.length - 1);
      setStatus(steps ? { kind: 'message', tone: 'info', text: labels['lab.runTitle'] } : { kind: 'idle' });
      return;
    }
    setStatus({ kind: 'message', tone: 'bad', text: explainFailure(outcome) ?? '' });
  };

  const checkAll = async () => {
    const typeErrors = editor.current?.diagnostics() ?? [];
    if (typeErrors.length > 0) {
      setStatus({ kind: 'message', tone: 'bad', text: fmt(labels['lab.typeErrors'], { n: typeErrors.length }) });
      return;
    }
    setStatus({ kind: 'busy', states: 0 });
    editor.current?.setMarkers([]);
    const outcome = await sandbox().request({ type: 'check', labId, source: codeRef.current }, (states) => setStatus({ kind: 'busy', states }));
    if (outcome.kind !== 'checked') {
      setStatus({ kind: 'message', tone: 'bad', text: explainFailure(outcome) ?? '' });
      return;
    }
    const { grade, ms } = outcome;
    if (grade.problem) {
      setStatus({
        kind: 'message',
        tone: 'bad',
        text: fmt(labels[grade.problem.stage === 'moduleState' ? 'lab.moduleState' : 'lab.runtimeError'], {
          message: grade.problem.message,
          where: where(grade.problem),
        }),
      });
      return;
    }
    const thrown = grade.thrown ?? null;
    const threw = thrown ? ` ${fmt(labels['lab.threw'], { message: thrown.message, where: where(thrown) })}` : '';
    if (thrown?.line != null) editor.current?.setMarkers([{ message: thrown.message, line: thrown.line, column: thrown.column ?? 1 }]);
    if (grade.verdict === 'passed') {
      setStatus({ kind: 'message', tone: 'good', text: fmt(labels['lab.passed'], { states: grade.states, ms: Math.round(ms) }) + threw });
      return;
    }
    if (grade.verdict === 'unknown' || !grade.invariant || !grade.steps) {
      // The search stopped before it saw every schedule: say so, never "passed".
      setStatus({ kind: 'message', tone: 'info', text: fmt(labels['lab.unknown'], { states: grade.states }) + threw });
      return;
    }
    setStatus({
      kind: 'message',
      tone: 'bad',
      text: fmt(labels['lab.failed'], { invariant: invariantName(grade.invariant), steps: grade.steps.length, states: grade.states }) + threw,
      steps: grade.steps,
    });
  };

  const invariantName = (id: InvariantId) => labels[`sim.inv.${id}`];

  const world = frames?.[cursor]?.world;
  const trace = frames ? frames.slice(1, cursor + 1).flatMap((f) => f.events) : [];
  const busy = status.kind === 'busy';

  return (
    <section class="lab not-content" aria-label={lab.title[lang]}>
      <h3 class="lab-title">{lab.title[lang]}</h3>
      <p class="lab-goal">{lab.goal[lang]}</p>
      <p class="sim-note">{boundsText(scenario, lang, labels, faults)}</p>
      {checked && (
        <p class="sim-note">
          <a href={checked.href}>✓ {fmt(labels['lab.storeChecked'], { servers: checked.servers })}</a>
        </p>
      )}
      {notice && (
        <p class="sim-notice" role="alert">
          {notice}
        </p>
      )}

      <div class="lab-editor">
        {editorState === 'preview' &&
          (code === starter ? (
            children
          ) : (
            <pre class="lab-plain">
              <code>{code}</code>
            </pre>
          ))}
        {editorState === 'loading' && (
          <p class="sim-note" role="status">
            {labels['lab.loading']}
          </p>
        )}
        {editorState === 'monaco' && <div class="lab-monaco" ref={mount} />}
        {editorState === 'textarea' && (
          <>
            <textarea
              class="lab-textarea"
              aria-label={labels['lab.textareaLabel']}
              spellcheck={false}
              value={code}
              onInput={(e) => update((e.currentTarget as HTMLTextAreaElement).value)}
              rows={Math.max(10, code.split('\n').length + 1)}
            />
            <button type="button" onClick={() => openEditor(true)}>
              {labels['lab.fullEditor']}
            </button>
          </>
        )}
      </div>
      {editorState === 'monaco' && <p class="sim-keys">{labels['lab.leaveEditor']}</p>}

      <div class="sim-controls lab-actions" role="group" aria-label={lab.title[lang]}>
        {editorState === 'preview' && (
          <button type="button" class="sim-primary" onClick={() => openEditor()}>
            {labels['lab.open']}
          </button>
        )}
        <button type="button" onClick={() => run()} disabled={busy}>
          ▶ {labels['lab.run']}
        </button>
        <button type="button" onClick={checkAll} disabled={busy} class={editorState !== 'preview' ? 'sim-primary' : ''}>
          ✓ {labels['lab.check']}
        </button>
        {busy && (
          <button type="button" onClick={() => host.current?.cancel()}>
            {labels['sim.cancel']}
          </button>
        )}
        <button type="button" onClick={() => replaceCode(starter, labels['lab.resetConfirm'])}>
          ↺ {labels['lab.reset']}
        </button>
        <button type="button" onClick={() => replaceCode(solution, labels['lab.solutionConfirm'])}>
          {labels['lab.solution']}
        </button>
      </div>

      <div class={`lab-status${status.kind === 'message' ? ` is-${status.tone}` : ''}`} role="status" aria-live="polite">
        {status.kind === 'busy' && fmt(labels['lab.checking'], { states: status.states })}
        {status.kind === 'message' && status.text}
      </div>
      {status.kind === 'message' && status.steps && (
        <button type="button" class="sim-primary" onClick={() => run(status.steps)}>
          {labels['lab.replay']}
        </button>
      )}

      {frames && world && (
        <div class="lab-run sim">
          <div class="sim-controls" role="group" aria-label={labels['lab.runTitle']}>
            <button type="button" onClick={() => setCursor(Math.max(0, cursor - 1))} disabled={cursor === 0}>
              ← {labels['sim.back']}
            </button>
            <button type="button" onClick={() => setCursor(Math.min(frames.length - 1, cursor + 1))} disabled={cursor >= frames.length - 1}>
              {labels['sim.step']} →
            </button>
            <span class="sim-position">
              {fmt(labels['sim.position'], { n: cursor })} / {frames.length - 1}
            </span>
          </div>
          <div class="sim-main">
            <Lanes scenario={scenario} world={world} labels={labels} lang={lang} />
            <Ledger scenario={scenario} world={world} trace={trace} quiescent={isQuiescent(world)} labels={labels} lang={lang} />
          </div>
          <EventLog frames={frames} cursor={cursor} scenario={scenario} labels={labels} lang={lang} />
        </div>
      )}
    </section>
  );
}
