import { describe } from 'vitest';
import { useBrowser } from './browser';
import { everyPageIn } from './pages-suite';

/** The dark theme's half of the every-page checks (see pages-suite.ts). */
const browserOf = useBrowser();

describe('every built page, dark theme', () => {
  everyPageIn('dark', browserOf);
});
