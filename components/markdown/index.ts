/**
 * The streaming markdown renderer of `<tool-agent-chat>`.
 * @packageDocumentation
 */
export { MarkdownStream, type MarkdownStreamOptions } from './markdown-stream.js';
export { renderMarkdown } from './render-markdown.js';
export { sanitizeUrl } from './sanitize-url.js';
export { markdownStyles } from './markdown-styles.js';
