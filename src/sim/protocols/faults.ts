/**
 * Every fault's words, joined from each protocol's own `*.faults.ts` (an export named `…FaultInfo` or
 * `faultInfo`), so a step key `f:<fault>:<target>` reads the same everywhere and a new broker adds its
 * faults without touching this file.
 */
import type { FaultKind } from '../engine/step';

export type { FaultKind };

/** A fault's menu label and tooltip, in both languages. */
export interface FaultInfo {
  en: string;
  'zh-cn': string;
  tip: { en: string; 'zh-cn': string };
}

const modules = import.meta.glob<Record<string, unknown>>('./*/*.faults.ts', { eager: true });

/** Descriptions for menus and tooltips. */
// A pure call, so bundles that never read the words (the islands get them as props) drop them all.
export const faultInfo: Record<FaultKind, FaultInfo> = /* @__PURE__ */ (() =>
  Object.assign(
    {},
    ...Object.values(modules).flatMap((m) =>
      Object.entries(m)
        .filter(([name]) => /^(\w+F|f)aultInfo$/.test(name))
        .map(([, words]) => words as Record<FaultKind, FaultInfo>),
    ),
  ))();
