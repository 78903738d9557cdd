import type { Mark } from './filters';

/**
 * What practice mode and the mock interview keep in this browser. Reading never throws (blocked,
 * missing or corrupted storage reads as empty); writing reports failure, so the page can say that its
 * state lives only on the page until it is closed, instead of losing it.
 */

/** The part of `Storage` we use (a test passes a Map-backed fake). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The reader's marks, by question id. */
export type Marks = Record<string, Mark>;

/** Where practice marks live; one record for both languages, since question ids are shared. */
export const marksKey = 'redelivery-lab:practice-marks';

/** `localStorage`, or null where reading the property itself throws (some privacy modes, sandboxed frames). */
export function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Parses stored JSON, or returns null for anything missing or unreadable. */
function read(store: KeyValueStore | null, key: string): unknown {
  if (!store) return null;
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

/** Writes JSON; false when the store is missing, full or refuses. */
function write(store: KeyValueStore | null, key: string, value: unknown): boolean {
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The saved marks; entries that are not a known mark are dropped. */
export function loadMarks(store: KeyValueStore | null): Marks {
  const data = read(store, marksKey);
  const marks = isObject(data) && data.v === 1 && isObject(data.marks) ? data.marks : {};
  const out: Marks = {};
  for (const [id, mark] of Object.entries(marks)) if (mark === 'known' || mark === 'review') out[id] = mark;
  return out;
}

/** Saves the marks; false when they could not be saved. */
export const saveMarks = (store: KeyValueStore | null, marks: Marks): boolean => write(store, marksKey, { v: 1, marks });

/** How the candidate rated an answer in the mock interview. */
export type Rating = 'nailed' | 'partly' | 'missed';

/** Every rating, best first. */
export const ratings: readonly Rating[] = ['nailed', 'partly', 'missed'];

/** What the candidate did with one question of a mock run. */
export interface MockAnswer {
  /** What they typed (may be empty: answering aloud is fine). */
  text: string;
  revealed: boolean;
  rating: Rating | null;
}

/** A mock run in progress: which run (its query), where the candidate is, and their answers by question id. */
export interface MockProgress {
  run: string;
  /** The question shown, 0-based; equal to the run's length on the summary. */
  step: number;
  answers: Record<string, MockAnswer>;
}

/** Where the current mock run's progress lives (one run at a time). */
export const mockKey = 'redelivery-lab:mock-interview';

/** The saved progress of `run`, or a fresh start when the stored one belongs to another run or is unreadable. */
export function loadMockProgress(store: KeyValueStore | null, run: string): MockProgress {
  const fresh: MockProgress = { run, step: 0, answers: {} };
  const data = read(store, mockKey);
  if (!isObject(data) || data.v !== 1 || data.run !== run || !isObject(data.answers)) return fresh;
  const answers: Record<string, MockAnswer> = {};
  for (const [id, a] of Object.entries(data.answers)) {
    if (!isObject(a)) continue;
    answers[id] = {
      text: typeof a.text === 'string' ? a.text : '',
      revealed: a.revealed === true,
      rating: ratings.includes(a.rating as Rating) ? (a.rating as Rating) : null,
    };
  }
  const step = typeof data.step === 'number' && Number.isInteger(data.step) && data.step >= 0 ? data.step : 0;
  return { run, step, answers };
}

/** Saves a mock run's progress; false when it could not be saved. */
export const saveMockProgress = (store: KeyValueStore | null, progress: MockProgress): boolean => write(store, mockKey, { v: 1, ...progress });
