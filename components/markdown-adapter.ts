import type { CSSResult } from 'lit';
import {
  MarkdownStream,
  markdownStyles,
  renderMarkdown,
  type CodeBlockLabels,
} from './markdown/index.js';
import { PacedWriter } from './paced-writer.js';

/**
 * The one place the element meets the markdown renderer, so swapping renderers is a one-line
 * change here. The renderer builds DOM nodes only (no `innerHTML`) and allows safe links only.
 */

/** Appends streamed text to a container without ever re-creating what is already shown. */
export interface MarkdownWriter {
  append(text: string): void;
  end(): void;
}

/** What the element passes the renderer: two switches (on by default; each loads its code lazily) and its words. */
export interface MarkdownRenderOptions {
  /** Syntax-highlight fenced code with a language. */
  readonly highlight?: boolean;
  /** Typeset `$…$`, `$$…$$`, `\(…\)` and `\[…\]` as math. */
  readonly math?: boolean;
  /** The copy buttons' words (the element's strings). */
  readonly labels?: CodeBlockLabels;
  /** Streamed text reaches the DOM at most this often, in ms (0 or unset: every piece as it comes). */
  readonly renderInterval?: number;
}

/** Streams markdown into `container`, paced to `options.renderInterval`. */
export function createMarkdownWriter(
  container: HTMLElement,
  options: MarkdownRenderOptions = {},
): MarkdownWriter {
  const stream = new MarkdownStream(container, options);
  const interval = options.renderInterval ?? 0;
  return interval > 0 ? new PacedWriter(stream, interval, container.ownerDocument) : stream;
}

/** Renders finished markdown (a restored message) into `container`; the spec pass settles it moments later. */
export function renderMarkdownInto(
  container: HTMLElement,
  text: string,
  options: MarkdownRenderOptions = {},
): void {
  void renderMarkdown(container, text, options);
}

/** Styles the renderer's output needs inside the element's shadow root. */
export const markdownCss: CSSResult = markdownStyles;
