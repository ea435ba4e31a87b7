import { BlockParser } from './block-parser.js';
import type { ImageMode } from './inline-parser.js';

/** The class {@link MarkdownStream} adds to its container; {@link markdownStyles} is scoped to it. */
export const MARKDOWN_CLASS = 'tool-agent-markdown';

/** Options of {@link MarkdownStream} and {@link renderMarkdown}. */
export interface MarkdownStreamOptions {
  /**
   * How `![alt](src)` is shown. No image is ever loaded: `'link'` (default) renders the alt text
   * as a link to the image (http(s) only), `'text'` renders the alt text alone.
   */
  readonly images?: ImageMode;
}

/**
 * Renders markdown into `container` as it streams in, append-only: text already on screen is
 * never re-parsed and its nodes are never re-created, so selections survive and the total cost
 * grows linearly with the answer. Only the start of the current line (until its block is known)
 * and the inside of unfinished link destinations, autolinks and entities are held back.
 *
 * Model output is untrusted: the DOM is built with `createElement` and text nodes only (no
 * `innerHTML`, so it works under Trusted Types), raw HTML shows as text, and links are limited
 * to absolute `http:`, `https:` and `mailto:` URLs opened in a new, unrelated tab.
 *
 * @example
 * ```ts
 * const stream = new MarkdownStream(bubble);
 * for await (const chunk of agent.getStreamingResponse(request)) stream.append(chunk.chunk);
 * stream.end();
 * ```
 */
export class MarkdownStream {
  readonly #parser: BlockParser;
  #carriageReturn = false;
  #ended = false;

  /**
   * @param container - the element the rendered blocks are appended to; it gets the class
   *   {@link MARKDOWN_CLASS} and should start empty
   */
  constructor(container: HTMLElement, options: MarkdownStreamOptions = {}) {
    container.classList.add(MARKDOWN_CLASS);
    this.#parser = new BlockParser(container, options.images ?? 'link');
  }

  /** Whether {@link end} was called. */
  get ended(): boolean {
    return this.#ended;
  }

  /**
   * Appends the next piece of markdown, split anywhere (even inside a word or a surrogate pair).
   * @throws Error after {@link end}
   */
  append(text: string): void {
    if (this.#ended) throw new Error('MarkdownStream: append() called after end()');
    let chunk = this.#carriageReturn ? `\r${text}` : text;
    this.#carriageReturn = false;
    if (/[\r\0]/.test(chunk)) {
      // A chunk may end between \r and \n: hold the \r so CRLF never becomes two line breaks.
      this.#carriageReturn = chunk.endsWith('\r');
      if (this.#carriageReturn) chunk = chunk.slice(0, -1);
      chunk = chunk.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd');
    }
    this.#parser.write(chunk);
  }

  /** Ends the message: held-back text is shown and unclosed syntax is settled. Idempotent. */
  end(): void {
    if (this.#ended) return;
    if (this.#carriageReturn) this.#parser.write('\n');
    this.#carriageReturn = false;
    this.#parser.end();
    this.#ended = true;
  }
}
