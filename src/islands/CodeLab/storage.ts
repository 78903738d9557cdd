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
