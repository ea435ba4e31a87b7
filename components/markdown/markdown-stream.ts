import { BlockParser } from './block-parser.js';
import { defaultCodeBlockLabels, type CodeBlockLabels } from './code-block-labels.js';
import { GroupSplitter } from './group-splitter.js';
import type { ImageMode } from './inline-parser.js';
import { loadHighlighter } from './lazy-modules.js';
import { SpecSettler } from './spec-settler.js';

/** The class {@link MarkdownStream} adds to its container; {@link markdownStyles} is scoped to it. */
/** The class the renderer puts on its container (its styles are scoped to it). */
export const MARKDOWN_CLASS = 'tool-agent-markdown';

/** Options of {@link MarkdownStream} and {@link renderMarkdown}. */
export interface MarkdownStreamOptions {
  /**
   * How `![alt](src)` is shown. No image is ever loaded: `'link'` (default) renders the alt text
   * as a link to the image (http(s) only), `'text'` renders the alt text alone.
   */
  readonly images?: ImageMode;
  /** Syntax-highlight fenced code with a language (default `true`; the highlighter loads lazily). */
  readonly highlight?: boolean;
  /** Typeset `$…$`, `$$…$$`, `\(…\)` and `\[…\]` as math (default `true`; KaTeX loads lazily). */
  readonly math?: boolean;
  /** The words on code blocks' copy buttons (English by default), for a page in another language. */
  readonly labels?: CodeBlockLabels;
}

/**
 * Renders markdown into `container` as it streams in. Text shows at once: a fast append-only
 * parser streams each block into the DOM, holding back only the start of the current line and
 * the inside of unfinished links, autolinks and entities. When a group of top-level blocks is
 * finished (a blank line, then an unindented line that cannot continue them), a spec-complete
 * pass (CommonMark 0.31.2 + GFM, loaded lazily) settles that group once, changing only the nodes
 * that differ: a paragraph that was a setext heading, a task list item's checkbox, emphasis
 * the rule of 3 decides. Finished groups are never touched again, so selections in them
 * survive; every character is parsed a bounded number of times, so the cost stays linear; and
 * the settled DOM is a function of the text alone, however it was chunked.
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
  readonly #container: HTMLElement;
  readonly #images: ImageMode;
  readonly #highlight: boolean;
  readonly #labels: CodeBlockLabels;
  readonly #splitter: GroupSplitter;
  readonly #settler: SpecSettler;
  #parser: BlockParser;
  /** The last node before the current group (`null`: the group starts the container). */
  #groupStart: Node | null = null;
  #source: string[] = [];
  #carriageReturn = false;
  #ended = false;

  /**
   * @param container - the element the rendered blocks are appended to; it gets the class
   *   {@link MARKDOWN_CLASS} and should start empty
   */
  constructor(container: HTMLElement, options: MarkdownStreamOptions = {}) {
    container.classList.add(MARKDOWN_CLASS);
    this.#container = container;
    this.#images = options.images ?? 'link';
    this.#highlight = options.highlight ?? true;
    this.#labels = options.labels ?? defaultCodeBlockLabels;
    this.#settler = new SpecSettler({
      images: this.#images,
      highlight: this.#highlight,
      math: options.math ?? true,
      labels: this.#labels,
    });
    this.#parser = this.#newParser();
    this.#splitter = new GroupSplitter({
      text: (piece) => {
        this.#source.push(piece);
        this.#parser.write(piece);
      },
      cut: () => {
        this.#endGroup();
        this.#parser = this.#newParser();
      },
    });
  }

  /** Whether {@link end} was called. */
  get ended(): boolean {
    return this.#ended;
  }

  /**
   * Resolves when everything appended so far is settled by the spec-complete pass, highlighted
   * and typeset (those load lazily, so the first message may settle a moment after it ends).
   */
  settled(): Promise<void> {
    return this.#settler.settled();
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
    this.#splitter.write(chunk);
  }

  /** Ends the message: held-back text is shown and unclosed syntax is settled. Idempotent. */
  end(): void {
    if (this.#ended) return;
    if (this.#carriageReturn) this.#splitter.write('\n');
    this.#carriageReturn = false;
    this.#splitter.end();
    this.#endGroup();
    this.#settler.finish(this.#container);
    this.#ended = true;
  }

  #newParser(): BlockParser {
    return new BlockParser(
      this.#container,
      this.#images,
      this.#labels,
      this.#highlight ? preloadHighlighter : undefined,
    );
  }

  /** Closes the current group's blocks and hands the group to the settle pass. */
  #endGroup(): void {
    this.#parser.end();
    const nodes: Node[] = [];
    const container = this.#container;
    for (
      let node =
        this.#groupStart?.nextSibling ?? (this.#groupStart === null ? container.firstChild : null);
      node;
      node = node.nextSibling
    ) {
      nodes.push(node);
    }
    const source = this.#source.join('');
    this.#source = [];
    if (nodes.length > 0 || source.trim() !== '') this.#settler.settle(container, nodes, source);
    this.#groupStart = container.lastChild;
  }
}

/** Starts loading the highlighter when the first code block appears, so it is ready when the block ends. */
function preloadHighlighter(): void {
  void loadHighlighter().catch(() => undefined);
}
