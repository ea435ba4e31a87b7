/**
 * Token colours of highlighted code, adopted by the highlighter the first time it runs in a
 * root (see markdown-styles.ts for the custom properties). `light-dark()` follows the page's or
 * the element's `color-scheme`.
 */
export const HIGHLIGHT_STYLES = `
.tool-agent-markdown :is(.hljs-keyword, .hljs-built_in, .hljs-selector-tag, .hljs-doctag, .hljs-meta .hljs-keyword) {
  color: var(--tool-agent-code-keyword, light-dark(#8839a8, #d2a8ff));
}
.tool-agent-markdown :is(.hljs-string, .hljs-regexp, .hljs-template-tag, .hljs-template-variable) {
  color: var(--tool-agent-code-string, light-dark(#116329, #7ee787));
}
.tool-agent-markdown :is(.hljs-number, .hljs-literal, .hljs-symbol, .hljs-bullet) {
  color: var(--tool-agent-code-number, light-dark(#953800, #ffa657));
}
.tool-agent-markdown :is(.hljs-comment, .hljs-quote, .hljs-meta) {
  color: var(--tool-agent-code-comment, light-dark(#57606a, #9da5ae));
  font-style: italic;
}
.tool-agent-markdown :is(.hljs-title, .hljs-section, .hljs-name, .hljs-selector-id, .hljs-selector-class) {
  color: var(--tool-agent-code-title, light-dark(#0550ae, #79c0ff));
}
.tool-agent-markdown :is(.hljs-attr, .hljs-attribute, .hljs-property, .hljs-variable, .hljs-params, .hljs-type) {
  color: var(--tool-agent-code-attr, light-dark(#6f4e00, #e3b341));
}
.tool-agent-markdown .hljs-deletion {
  color: var(--tool-agent-code-deletion, light-dark(#b31d28, #ffa198));
}
.tool-agent-markdown .hljs-addition {
  color: var(--tool-agent-code-addition, light-dark(#116329, #7ee787));
}
.tool-agent-markdown :is(.hljs-emphasis) {
  font-style: italic;
}
.tool-agent-markdown :is(.hljs-strong) {
  font-weight: 600;
}
`;
