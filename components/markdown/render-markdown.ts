import { MarkdownStream, type MarkdownStreamOptions } from './markdown-stream.js';

/**
 * Renders a whole markdown message into `container` (a restored history entry, say), exactly as
 * streaming the same text through {@link MarkdownStream} would.
 *
 * @returns a promise that resolves when the lazily loaded spec-complete pass, highlighting and
 *   math have settled the rendering (the text is shown at once either way)
 */
export function renderMarkdown(
  container: HTMLElement,
  text: string,
  options?: MarkdownStreamOptions,
): Promise<void> {
  const stream = new MarkdownStream(container, options);
  stream.append(text);
  stream.end();
  return stream.settled();
}
