import type { Token } from 'markdown-it';
import type { CodeBlockLabels } from '../code-block-labels.js';
import { appendCodeBlock } from '../code-block.js';
import { appendElement, appendText } from '../dom.js';
import type { ImageMode } from '../inline-parser.js';
import { makeLink } from '../link-attributes.js';
import { sanitizeUrl } from '../sanitize-url.js';

/** What the builder needs besides the tokens. */
export interface BuildOptions {
  readonly images: ImageMode;
  /** The words on code blocks' copy buttons. */
  readonly labels: CodeBlockLabels;
  /** Resolves backslash escapes and entities in a fence's info string. */
  readonly unescape: (text: string) => string;
}

/** Element tags of block tokens that map one to one. */
const BLOCK_TAGS: Readonly<Record<string, keyof HTMLElementTagNameMap>> = {
  paragraph_open: 'p',
  blockquote_open: 'blockquote',
  bullet_list_open: 'ul',
  list_item_open: 'li',
  thead_open: 'thead',
  tbody_open: 'tbody',
  tr_open: 'tr',
  th_open: 'th',
  td_open: 'td',
  em_open: 'em',
  strong_open: 'strong',
  s_open: 'del',
};

const TASK_MARKER = /^\[([ xX])\](?=[ \t]|$)/;

/**
 * Builds DOM from markdown-it tokens with `createElement` and text nodes only (never an HTML
 * string), applying the safety rules: only absolute http(s)/mailto links (others keep their
 * text), images as links or text (never loaded), raw HTML as text. Adjacent text goes into one
 * text node, so the result is the same whatever the tokens' split.
 */
export class TokenDomBuilder {
  readonly #options: BuildOptions;
  readonly #parents: Node[] = [];
  /** Links being filled: an image inside one becomes text (anchors cannot nest). */
  #anchors = 0;
  #text = '';

  constructor(options: BuildOptions) {
    this.#options = options;
  }

  /** Builds `tokens` into `root`. */
  build(tokens: readonly Token[], root: Node): void {
    this.#parents.length = 0;
    this.#parents.push(root);
    this.#tokens(tokens);
    this.#flush();
  }

  get #parent(): Node {
    return this.#parents.at(-1)!;
  }

  #tokens(tokens: readonly Token[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'list_item_open') {
        this.#open(appendElement(this.#parentElement(), 'li'));
        this.#taskMarker(tokens[i + 2]);
        continue;
      }

      this.#token(token);
    }
  }

  #parentElement(): Element {
    this.#flush();
    return this.#parent as Element;
  }

  #open(node: Node): void {
    this.#flush();
    this.#parents.push(node);
  }

  #close(): void {
    this.#flush();
    this.#parents.pop();
  }

  #token(token: Token): void {
    if (token.hidden) return;
    const tag = BLOCK_TAGS[token.type];
    if (tag !== undefined) {
      const element = appendElement(this.#parentElement(), tag);
      if (tag === 'th' || tag === 'td') alignCell(element, token);
      return this.#open(element);
    }
    if (token.nesting === -1) return this.#closeToken(token);
    switch (token.type) {
      case 'inline':
        return this.#tokens(token.children ?? []);
      case 'text':
      case 'text_special':
      case 'html_inline':
      case 'html_block':
        this.#text += token.content;
        return;
      case 'softbreak':
        this.#text += '\n';
        return;
      case 'hardbreak':
        appendElement(this.#parentElement(), 'br');
        this.#text += '\n';
        return;
      case 'code_inline':
        appendText(appendElement(this.#parentElement(), 'code'), token.content);
        return;
      case 'heading_open':
        return this.#open(appendElement(this.#parentElement(), token.tag as 'h1'));
      case 'ordered_list_open': {
        const list = appendElement(this.#parentElement(), 'ol');
        const start = Number(token.attrGet('start') ?? 1);
        if (start !== 1) list.start = start;
        return this.#open(list);
      }
      case 'table_open': {
        const scroller = appendElement(this.#parentElement(), 'div');
        scroller.className = 'table-scroll';
        // Keyboard users must be able to scroll a wide table.
        scroller.tabIndex = 0;
        return this.#open(appendElement(scroller, 'table'));
      }
      case 'hr':
        appendElement(this.#parentElement(), 'hr');
        return;
      case 'fence':
      case 'code_block':
        appendCodeBlock(
          this.#parentElement(),
          this.#options.unescape(token.info),
          this.#options.labels,
        ).data = token.content;
        return;
      case 'link_open':
        return this.#link(token);
      case 'image':
        return this.#image(token);
      case 'math_inline':
      case 'math_display':
      case 'math_block':
        return this.#math(token);
      default:
        this.#text += token.content;
    }
  }

  #closeToken(token: Token): void {
    if (token.type === 'link_close') this.#anchors--;
    this.#close();
  }

  #link(token: Token): void {
    const href = this.#anchors === 0 ? sanitizeUrl(String(token.attrGet('href') ?? '')) : undefined;
    if (href === undefined) {
      // An unsafe link keeps its text: its children go where the link would have been.
      this.#open(this.#parent);
      this.#anchors++;
      return;
    }
    const anchor = appendElement(this.#parentElement(), 'a');
    makeLink(anchor, href);
    const title = token.attrGet('title');
    if (title) anchor.title = String(title);
    this.#anchors++;
    this.#open(anchor);
  }

  #image(token: Token): void {
    const alt = plainText(token.children ?? []);
    const src = sanitizeUrl(String(token.attrGet('src') ?? ''));
    if (this.#options.images === 'text' || this.#anchors > 0 || src === undefined) {
      this.#text += alt;
      return;
    }
    const anchor = appendElement(this.#parentElement(), 'a');
    makeLink(anchor, src);
    const title = token.attrGet('title');
    if (title) anchor.title = String(title);
    anchor.className = 'image-link';
    // An image with no alt text would otherwise be an invisible link.
    appendText(anchor, alt === '' ? 'image' : alt);
  }

  #math(token: Token): void {
    const display = token.type !== 'math_inline';
    const element = appendElement(
      this.#parentElement(),
      token.type === 'math_block' ? 'div' : 'span',
    );
    element.className = display ? 'math math-display' : 'math math-inline';
    // The source stays the element's text until (and as the copy text after) it is typeset.
    appendText(element, token.content);
  }

  /** A GFM task list item: `[ ]` or `[x]` at the start of its first paragraph becomes a checkbox. */
  #taskMarker(inline: Token | undefined): void {
    const first = inline?.type === 'inline' ? inline.children?.[0] : undefined;
    const match = first?.type === 'text' ? TASK_MARKER.exec(first.content) : null;
    if (first === undefined || match === null) return;
    first.content = first.content.slice(3);
    const box = appendElement(this.#parentElement(), 'input');
    box.type = 'checkbox';
    box.disabled = true;
    if (match[1] !== ' ') box.checked = true;
    // Reflect the state as attributes, so it is the same in a serialisation or a copy.
    box.toggleAttribute('checked', box.checked);
  }

  #flush(): void {
    if (this.#text === '') return;
    const parent = this.#parent;
    const last = parent.lastChild;
    if (last !== null && last.nodeType === Node.TEXT_NODE) (last as Text).appendData(this.#text);
    else appendText(parent, this.#text);
    this.#text = '';
  }
}

/** A table cell's alignment, as the streaming renderer sets it. */
function alignCell(cell: HTMLElement, token: Token): void {
  const align = /text-align:\s*(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
  if (align !== undefined) cell.style.textAlign = align;
}

/** The plain text of inline tokens (an image's alt text). */
function plainText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'softbreak' || token.type === 'hardbreak') text += '\n';
    else if (token.type === 'image') text += plainText(token.children ?? []);
    else if (token.nesting === 0) text += token.content;
  }
  return text;
}
