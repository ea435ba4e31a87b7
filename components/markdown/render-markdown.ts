import { MarkdownStream, type MarkdownStreamOptions } from './markdown-stream.js';

/**
 * Renders a whole markdown message into `container` (a restored history entry, say), exactly as
 * streaming the same text through {@link MarkdownStream} would.
 */
export function renderMarkdown(container: HTMLElement, text: string, options?: MarkdownStreamOptions): void {
  const stream = new MarkdownStream(container, options);
  stream.append(text);
  stream.end();
}
