/**
 * Presenter mode and the simulator's keys. One key map: in the page, Space and the arrows work while
 * the simulator itself has focus; in presenter mode the whole screen is the simulator, so the same
 * keys plus PageUp/PageDown, F (faults), N (speaker notes) and Esc work anywhere.
 */
import { useLayoutEffect, useRef, useState, type MutableRef } from 'preact/hooks';

/** What the keys do. */
export interface KeyActions {
  forward(): void;
  back(): void;
  togglePlay(): void;
}

/** The key map: the action for a key, or undefined. `presenting` adds the presenter-only keys. */
function actionFor(key: string, presenting: boolean, act: KeyActions & { notes(): void; faults(): void; exit(): void }): (() => void) | undefined {
  if (key === 'ArrowRight' || (presenting && key === 'PageDown')) return act.forward;
  if (key === 'ArrowLeft' || (presenting && key === 'PageUp')) return act.back;
  if (key === ' ' || key === 'Spacebar') return act.togglePlay;
  if (!presenting) return undefined;
  if (key === 'n' || key === 'N') return act.notes;
  if (key === 'f' || key === 'F') return act.faults;
  if (key === 'Escape') return act.exit;
  return undefined;
}

/** Presenter mode and the page's keys, as {@link usePresenter} returns them. */
export type Presenter = ReturnType<typeof usePresenter>;

/** Presenter mode for the simulator in `root`, and its keyboard handler for the page. */
export function usePresenter(root: MutableRef<HTMLElement | null>, actions: KeyActions, stop: () => void) {
  const [presenting, setPresenting] = useState(false);
  // Speaker notes hold the answer: hidden in presenter mode until the presenter asks for them (N).
  const [notesShown, setNotesShown] = useState(false);
  const act = {
    ...actions,
    notes: () => setNotesShown((shown) => !shown),
    faults: () => {
      const fault = root.current?.querySelector<HTMLButtonElement>('.sim-fault__button:not(:disabled)');
      (fault ?? root.current?.querySelector<HTMLElement>('.sim-faults'))?.focus();
    },
    exit: () => setPresenting(false),
  };
  // The window-wide listener is added once per presenter session: it reads this render's actions.
  const live = useRef(act);
  live.current = act;
  /**
   * One handler for both: in the page, keys typed in a control (and arrows in the log, a scroll box)
   * are the control's; in presenter mode only text fields keep theirs, and Space on a button presses it.
   */
  const onKey = (event: KeyboardEvent, present: boolean) => {
    const target = event.target as HTMLElement;
    if (target.closest(present ? 'input, select, textarea' : 'button, input, select, textarea, a, summary, .sim-log')) return;
    if (event.key === ' ' && target.closest('button, a, summary')) return;
    const action = actionFor(event.key, present, live.current);
    if (!action) return;
    if (event.key !== 'Escape') event.preventDefault();
    action();
  };

  // The page-wide part of presenter mode (top layer, keys anywhere, full-screen exit) loads with the
  // first presentation; a layout effect, so the keys work from the moment the presenter view is drawn.
  const [mode, setMode] = useState<typeof import('./on-demand') | null>(null);
  useLayoutEffect(() => {
    if (!presenting || !mode) return;
    const leave = mode.presenterMode(root.current, (event) => onKey(event, true), act.exit);
    return () => {
      leave();
      setNotesShown(false);
    };
  }, [presenting]);

  return {
    presenting,
    notesShown,
    toggleNotes: act.notes,
    exit: act.exit,
    /** Presenter mode; full screen too when a click asked for it (browsers refuse it on page load), else the overlay covers the page. */
    present(fullscreen = true) {
      stop();
      // Asked while the click still counts as the reader's gesture; browsers refuse it on page load.
      if (fullscreen) void root.current?.requestFullscreen?.().catch(() => undefined);
      void import('./on-demand').then((m) => {
        setMode(() => m);
        setPresenting(true);
        root.current?.focus();
      });
    },
    /** The page's keys, while the simulator itself has focus (presenter mode listens on the window). */
    onKeyDown(event: KeyboardEvent) {
      if (!presenting) onKey(event, false);
    },
  };
}
