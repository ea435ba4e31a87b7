/**
 * `tool-agents/markdown`: the streaming markdown renderer of `<tool-agent-chat>`, for pages that
 * render model output themselves. It builds DOM with `createElement` and text nodes only (never
 * an HTML string, so Trusted Types hold), shows raw HTML as text, allows only absolute
 * `http:`/`https:`/`mailto:` links and never loads an image. Highlighting (highlight.js) and math
 * (KaTeX, MathML output) load lazily, the first time a code block or math appears.
 *
 * @example
 * ```ts
 * import { MarkdownStream, adoptMarkdownStyles } from 'tool-agents/markdown';
 * const bubble = document.querySelector('#answer')!;
 * adoptMarkdownStyles(bubble);
 * const stream = new MarkdownStream(bubble);
 * for await (const chunk of agent.getStreamingResponse(request)) stream.append(chunk.chunk);
 * stream.end();
 * ```
 * @packageDocumentation
 */
export { MarkdownStream, MARKDOWN_CLASS, type MarkdownStreamOptions } from './markdown-stream.js';
export type { ImageMode } from './inline-parser.js';
export type { CodeBlockLabels } from './code-block-labels.js';
export { renderMarkdown } from './render-markdown.js';
export { sanitizeUrl } from './sanitize-url.js';
export { markdownStyles } from './markdown-styles.js';
export { adoptMarkdownStyles } from './adopt-markdown-styles.js';
