/**
 * How long the browser tests wait, in one place. Every wait is on a condition (an element, a text, a
 * URL, a load state), never on time: these are only the points at which a wait gives up and the test
 * fails. They are sized for a 2-core machine that is busy with other work (a second `npm test`, a
 * build, a CPU burner), where a long chapter can take many times as long as on a quiet machine. A
 * passing test never waits this long, so generous limits cost nothing on a quiet machine.
 */

/** Any condition in a page: an element appearing, a text changing, an island hydrating, a URL. */
export const WAIT = 90_000;

/** A painted frame after a scroll: far longer than any busy machine takes; past it, the page has stopped painting. */
export const FRAME_WAIT = 30_000;

/** A page load (`goto`, `reload`) until the network is idle. */
export const NAVIGATION_WAIT = 120_000;

/** A code lab's Check: the sandbox compiles the reader's code and explores every schedule in a worker. */
export const CHECK_WAIT = 240_000;

/** One test: a few loads and waits, each within the limits above. */
export const TEST_TIMEOUT = 300_000;

/** A test that runs several Checks or loads several pages in turn. */
export const LONG_TEST_TIMEOUT = 600_000;

/** A file's setup: launching Chromium; the base-path file also builds the whole site once. */
export const HOOK_TIMEOUT = 600_000;
