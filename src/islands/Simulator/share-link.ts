/**
 * Share and embed links, loaded when a reader asks for one (so the page does not carry them before):
 * the link to this run on this page, the embed code, and the clipboard.
 */
import { embedCode } from './embed-code';

/** The embed code for a scenario, in this page's language and the reader's theme. */
export const embedHere = (scenarioId: string, title: string, lang: 'en' | 'zh-cn'): string =>
  embedCode({
    origin: window.location.origin,
    base: import.meta.env.BASE_URL,
    lang,
    scenarioId,
    title,
    theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
  });

/** This page's address, naming the simulator and carrying the encoded run. */
export function shareUrl(id: string, run: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set('sim', id);
  url.searchParams.set('run', run);
  url.hash = id;
  return url.toString();
}

/** Puts text on the clipboard; false when the browser refused (the reader then copies it by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
