import { describe } from 'vitest';
import { useBrowser } from './browser';
import { everyPage, everyPageOnAPhone, isChinese, pages } from './pages-suite';

/** The Chinese pages' share of the every-page checks, on a phone, and every other page on a phone (see pages-suite.ts). */
const browserOf = useBrowser();

describe('every built page in Chinese, on a phone', () => {
  everyPage(pages.filter(isChinese), ['light'], browserOf, { onAPhone: true });
});

describe('every other page on a phone', () => {
  everyPageOnAPhone(
    pages.filter((p) => p !== '' && p !== '404.html' && !isChinese(p)),
    browserOf,
  );
});
