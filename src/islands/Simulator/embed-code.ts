/**
 * The code the "Copy embed code" button puts on the clipboard: an iframe of the embed route, in the
 * copier's language and theme, allowed to go full screen (presenter mode), plus a one-line script
 * that sizes the iframe to its content. The embed page reports its height with `postMessage`
 * (`{ type: 'redelivery-lab:height', height }`); the script accepts it only from our origin and only
 * for the iframe that sent it. Where a host strips scripts, the iframe keeps its fixed height and scrolls.
 */

/** The message the embed page sends its parent. */
export const heightMessage = 'redelivery-lab:height';

/** Options for {@link embedCode}. */
export interface EmbedOptions {
  /** The site's origin, `https://example.org`. */
  origin: string;
  /** The site's base path (`import.meta.env.BASE_URL`), `/` or `/lab/`. */
  base?: string;
  lang: 'en' | 'zh-cn';
  scenarioId: string;
  title: string;
  theme: 'light' | 'dark';
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The iframe and its resize script, as one paste. */
export function embedCode({ origin, base = '/', lang, scenarioId, title, theme }: EmbedOptions): string {
  const root = base.replace(/\/?$/, '/');
  const src = new URL(`${root}${lang}/embed/${scenarioId}/?theme=${theme}`, origin).toString();
  const iframe =
    `<iframe data-redelivery-lab src="${attr(src)}" title="${attr(title)}" width="100%" height="900" ` +
    'style="border:0;width:100%" loading="lazy" allow="fullscreen"></iframe>';
  // Minified by hand; readable form: on a height message from our origin, find the iframe whose window sent it and set its height.
  const script =
    `<script>addEventListener("message",function(e){var h=e.data&&e.data.type==="${heightMessage}"&&+e.data.height;` +
    `if(e.origin!==${JSON.stringify(new URL(origin).origin)}||!(h>0&&h<1e5))return;` +
    `document.querySelectorAll("iframe[data-redelivery-lab]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(h)+"px"})})</script>`;
  // One line: the share box is a text input, which drops line breaks.
  return `${iframe}${script}`;
}
