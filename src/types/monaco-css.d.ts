/** Monaco's aggregate stylesheet, aliased in astro.config.mjs, imported as a URL. */
declare module 'monaco-editor-css?url' {
  const url: string;
  export default url;
}
