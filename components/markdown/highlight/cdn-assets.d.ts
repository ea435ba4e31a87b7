// Types for the ES module builds of highlight.js in @highlightjs/cdn-assets (which ships none):
// they are highlight.js's own core and grammars, so highlight.js's types describe them.
declare module '@highlightjs/cdn-assets/es/core.min.js' {
  import type { HLJSApi } from 'highlight.js';
  const hljs: HLJSApi;
  export default hljs;
}

declare module '@highlightjs/cdn-assets/es/languages/*.min.js' {
  import type { LanguageFn } from 'highlight.js';
  const grammar: LanguageFn;
  export default grammar;
}
