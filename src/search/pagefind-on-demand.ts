/**
 * Starlight's search, loaded when a reader reaches for it instead of at idle time on every page.
 *
 * Starlight's search button (`@astrojs/starlight/components/Search.astro`) imports Pagefind's UI
 * (`@pagefind/default-ui`, about 26 KB gz) in a `requestIdleCallback` after every page load, whether
 * or not the reader ever searches. The build (astro.config.mjs, `searchOnDemand`) points that one
 * import at this module instead. It keeps Starlight's button, dialog, translations and shortcuts
 * (the button, Ctrl+K / ⌘K) exactly as they are, and builds the real UI with the same options:
 * - as soon as the dialog opens, however it was opened (a click, the keyboard shortcut), then moves
 *   focus into the search field Starlight could not focus yet;
 * - earlier, when the pointer or the keyboard focus reaches the search button, so that the UI is
 *   usually there by the time the reader clicks.
 * Everything it loads comes from this site, so search works offline as before.
 */

/** The options Starlight passes to Pagefind's UI; only `element` is read here. */
interface PagefindOptions {
  element: string;
  [option: string]: unknown;
}

/** Stands in for Pagefind's `PagefindUI` until a reader reaches for search. */
export class PagefindUI {
  constructor(options: PagefindOptions) {
    const container = document.querySelector<HTMLElement>(options.element);
    const dialog = container?.closest('dialog');
    let loading: Promise<void> | undefined;
    const load = () =>
      (loading ??= import(
        // @ts-expect-error Pagefind's UI ships no types (Starlight imports it the same way).
        '@pagefind/default-ui'
      ).then(({ PagefindUI: Real }: { PagefindUI: new (o: PagefindOptions) => unknown }) => {
        new Real(options);
      }));
    const focusField = () => {
      if (dialog?.open) container?.querySelector<HTMLInputElement>('input')?.focus();
    };
    if (dialog) {
      new MutationObserver(() => {
        if (dialog.open) void load().then(focusField);
      }).observe(dialog, { attributes: true, attributeFilter: ['open'] });
      // Starlight makes this at idle time: a reader who opened search before then finds the dialog
      // already open, and no change of it is left to observe.
      if (dialog.open) void load().then(focusField);
    }
    const button = container?.closest('site-search')?.querySelector('button[data-open-modal]');
    for (const type of ['pointerenter', 'focus', 'touchstart']) {
      button?.addEventListener(type, () => void load(), { once: true, passive: true });
    }
  }
}
