import { describe } from 'vitest';
import { useBrowser } from './browser';
import { everyPage, everyPageOnAPhone, isChinese, pages } from './pages-suite';

/** The Chinese pages' share of the every-page checks, and every page on a phone (see pages-suite.ts). */
const browserOf = useBrowser();

describe('every built page in Chinese', () => {
  everyPage(pages.filter(isChinese), ['light'], browserOf);
});

describe('every page on a phone', () => {
  everyPageOnAPhone(
    pages.filter((p) => p !== '' && p !== '404.html'),
    browserOf,
  );
});
