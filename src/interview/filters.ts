import { brokerOrder, topicOrder, type Broker, type Question, type Topic } from './types';

/**
 * The question bank's filters and practice mode as a URL query, so a reload or a shared link shows the
 * same view: `?topic=acks&broker=kafka&marked=review&mode=practice`. Decoding never throws: a value it
 * does not know is dropped and reported, so the page can say what it ignored and show the rest.
 */

/** What a reader marked a question as, in practice mode. */
export type Mark = 'known' | 'review';

/** The "marked" facet: questions not marked yet, marked for review, or marked known. */
export type MarkFilter = 'unmarked' | Mark;

/** Every mark filter value, in the order the page lists them. */
export const markFilters: readonly MarkFilter[] = ['unmarked', 'review', 'known'];

/** The bank's view state. `null` means "any". */
export interface BankFilters {
  topic: Topic | null;
  broker: Broker | null;
  marked: MarkFilter | null;
  /** Practice mode: answers hidden until the reader reveals them one at a time. */
  practice: boolean;
}

/** No filter, answers shown. */
export const noFilters: BankFilters = Object.freeze({ topic: null, broker: null, marked: null, practice: false });

/** A query parameter the decoder could not use, and the value it had. */
export interface Rejected {
  param: string;
  value: string;
}

/** A decoded value with what was ignored on the way. */
export interface Decoded<T> {
  value: T;
  rejected: Rejected[];
}

/** The query parameters the bank owns; any other parameter is left alone. */
export const bankParams = ['topic', 'broker', 'marked', 'mode'] as const;

const longest = 64; // a value longer than any real one is garbage, and is not echoed back in full

/** Reads one parameter against its allowed values; a repeated parameter keeps its first valid value. */
function pick<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], rejected: Rejected[]): T | null {
  let found: T | null = null;
  for (const raw of params.getAll(name)) {
    const value = raw.trim();
    if (found === null && (allowed as readonly string[]).includes(value)) found = value as T;
    else rejected.push({ param: name, value: value.length > longest ? `${value.slice(0, longest)}…` : value });
  }
  return found;
}

/** Decodes a location's query string (with or without the leading '?'). Unknown values are rejected, not fatal. */
export function parseBankQuery(search: string): Decoded<BankFilters> {
  const params = new URLSearchParams(search);
  const rejected: Rejected[] = [];
  const topic = pick(params, 'topic', topicOrder, rejected);
  const broker = pick(params, 'broker', brokerOrder, rejected);
  const marked = pick(params, 'marked', markFilters, rejected);
  const mode = pick(params, 'mode', ['practice'] as const, rejected);
  return { value: { topic, broker, marked, practice: mode === 'practice' }, rejected };
}

/**
 * Encodes filters as a query string in a fixed order ('' when nothing is set), keeping any parameter
 * of `keep` that the bank does not own (another tool's, or a tracking tag).
 */
export function bankQuery(filters: BankFilters, keep = ''): string {
  const params = new URLSearchParams(keep);
  for (const name of bankParams) params.delete(name);
  if (filters.topic) params.append('topic', filters.topic);
  if (filters.broker) params.append('broker', filters.broker);
  if (filters.marked) params.append('marked', filters.marked);
  if (filters.practice) params.append('mode', 'practice');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether any filter narrows the list (practice mode is a way of reading, not a filter). */
export const isFiltered = (f: BankFilters): boolean => f.topic !== null || f.broker !== null || f.marked !== null;

/** The same view with every filter cleared and the reading mode kept. */
export const clearFilters = (f: BankFilters): BankFilters => ({ ...noFilters, practice: f.practice });

/** Whether a question shows under these filters, given the reader's mark for it. */
export function matchesFilters(q: Pick<Question, 'topics' | 'brokers'>, f: BankFilters, mark: Mark | undefined): boolean {
  if (f.topic && !q.topics.includes(f.topic)) return false;
  if (f.broker && !q.brokers.includes(f.broker)) return false;
  if (f.marked === 'unmarked' && mark) return false;
  if ((f.marked === 'known' || f.marked === 'review') && mark !== f.marked) return false;
  return true;
}
