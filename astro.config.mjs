// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { fileURLToPath } from 'node:url';

/**
 * Deployment settings come from the environment so one build can live at a domain root or under a
 * sub-path (a project page): `SITE=https://example.org BASE_PATH=/lab npm run build`.
 */
const site = process.env.SITE || undefined;
const base = normaliseBase(process.env.BASE_PATH);

/**
 * Turns '', 'lab', '/lab/' into undefined, '/lab', '/lab' (Astro wants a leading slash).
 * @param {string | undefined} value
 */
function normaliseBase(value) {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : undefined;
}

/** Routes outside Starlight: `/` picks the reader's language; the embed pages show one simulator. */
/** @type {import('astro').AstroIntegration} */
const languageRoot = {
  name: 'redelivery-lab:language-root',
  hooks: {
    'astro:config:setup': ({ injectRoute }) => {
      injectRoute({ pattern: '/', entrypoint: './src/routes/language-root.astro', prerender: true });
      // A scenario's simulator alone, for slides and LMS iframes: /embed/<scenario>/ (English),
      // /en/embed/<scenario>/ and /zh-cn/embed/<scenario>/.
      injectRoute({ pattern: '/[lang]/embed/[scenario]', entrypoint: './src/routes/embed.astro', prerender: true });
      injectRoute({ pattern: '/embed/[scenario]', entrypoint: './src/routes/embed-default.astro', prerender: true });
    },
  },
};

/**
 * Monaco's stylesheet. Its per-module CSS imports are dropped from dynamically imported chunks in
 * this build, so the editor loads Monaco's own aggregate stylesheet (codicons inlined) by URL when a
 * reader opens it. The package's export map rewrites every subpath to `.js`, hence the file alias.
 */
const monacoCss = fileURLToPath(new URL('./node_modules/monaco-editor/min/vs/editor/editor.main.css', import.meta.url));
/** Starlight's colour and type variables (not exported by the package), for pages outside Starlight: the embed route. */
const starlightProps = fileURLToPath(new URL('./node_modules/@astrojs/starlight/dist/style/props.css', import.meta.url));

/**
 * Starlight's search button imports Pagefind's UI at idle time on every page (about 26 KB gz that most
 * readers never use). This points that one import, and only when Starlight's component makes it, at
 * src/search/pagefind-on-demand.ts, which loads the real UI when a reader reaches for the search
 * button or opens the dialog (see that file). `npm run test:size` measures what the browser loads.
 * @type {import('vite').Plugin}
 */
const searchOnDemand = {
  name: 'redelivery-lab:search-on-demand',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === '@pagefind/default-ui' && importer?.includes('/@astrojs/starlight/')) {
      return fileURLToPath(new URL('./src/search/pagefind-on-demand.ts', import.meta.url));
    }
    return null;
  },
};

export default defineConfig({
  ...(site ? { site } : {}),
  ...(base ? { base } : {}),
  // Content lives at the top level (content/docs, content/i18n), so Starlight reads it natively.
  srcDir: '.',
  trailingSlash: 'always',
  vite: {
    plugins: [searchOnDemand],
    resolve: {
      alias: [
        { find: /^monaco-editor-css(\?.*)?$/, replacement: `${monacoCss}$1` },
        { find: /^starlight-props-css$/, replacement: starlightProps },
      ],
    },
  },
  integrations: [
    starlight({
      title: { en: 'Redelivery Lab', 'zh-CN': '重投实验室' },
      description: 'Break delivery protocols, watch the duplicate land, then prove your fix.',
      defaultLocale: 'en',
      locales: {
        en: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      logo: { src: './src/assets/logo.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/custom.css'],
      components: { Search: './src/components/overrides/Search.astro' },
      // Gives the question bank's table of contents the headings its component renders from data.
      routeMiddleware: './src/route-middleware.ts',
      sidebar: [
        {
          label: 'Start',
          translations: { 'zh-CN': '开始' },
          items: [{ slug: 'index', label: 'Home', translations: { 'zh-CN': '首页' } }],
        },
        {
          label: 'Concepts',
          translations: { 'zh-CN': '核心概念' },
          items: [
            { slug: 'concepts/delivery-guarantees' },
            { slug: 'concepts/why-duplicates-happen' },
            { slug: 'concepts/acknowledgements' },
            { slug: 'concepts/deduplication' },
            { slug: 'concepts/idempotent-consumers' },
            { slug: 'concepts/not-losing-messages' },
            { slug: 'concepts/ordering-backlog-retries' },
          ],
        },
        {
          label: 'Brokers',
          translations: { 'zh-CN': '消息中间件' },
          items: [
            { slug: 'brokers/kafka' },
            { slug: 'brokers/rabbitmq' },
            { slug: 'brokers/rocketmq' },
            { slug: 'brokers/jetstream' },
            { slug: 'brokers/pulsar' },
            { slug: 'brokers/compared' },
            { slug: 'conformance' },
          ],
        },
        {
          label: 'In production',
          translations: { 'zh-CN': '生产实践' },
          items: [{ slug: 'production/frameworks' }, { slug: 'production/at-scale' }],
        },
        {
          label: 'Myths',
          translations: { 'zh-CN': '常见误区' },
          items: [{ slug: 'myths' }],
        },
        {
          label: 'Interview',
          translations: { 'zh-CN': '面试' },
          items: [{ slug: 'interview/questions' }, { slug: 'interview/mock-interview' }, { slug: 'interview/cheat-sheet' }, { slug: 'glossary' }],
        },
        {
          label: 'Teach',
          translations: { 'zh-CN': '教学' },
          items: [{ slug: 'teach/lesson-plan' }],
        },
      ],
      // Keep the site self-contained: no edit links or social links to other hosts at run time.
      lastUpdated: false,
      pagination: true,
    }),
    mdx(),
    preact(),
    languageRoot,
  ],
});
