/** Reader code per lab in localStorage. Never throws: a full or blocked storage is reported, not fatal. */
const keyOf = (labId: string) => `redelivery-lab:lab:${labId}`;

/** The saved code for a lab, or null. */
export function loadCode(labId: string): string | null {
  try {
    return window.localStorage.getItem(keyOf(labId));
  } catch {
    return null;
  }
}

/** Saves the code; false when the browser refused (quota exceeded, storage disabled). */
export function saveCode(labId: string, code: string): boolean {
  try {
    window.localStorage.setItem(keyOf(labId), code);
    return true;
  } catch {
    return false;
  }
}

/** Forgets the saved code. */
export function clearCode(labId: string): void {
  try {
    window.localStorage.removeItem(keyOf(labId));
  } catch {
    /* nothing to clear */
  }
}

/**
 * A short fingerprint of a text (FNV-1a over its UTF-16 code units). A page carries the lab's code in
 * its own language only; the fingerprints of the other language's starter and solution let it tell a
 * saved copy of those apart from the reader's own code without shipping the text.
 */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(36)}:${text.length}`;
}
