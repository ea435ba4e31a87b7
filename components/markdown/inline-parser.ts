import { autolinkHref } from './autolink.js';
import { nextSpecial } from './char-class.js';
import { runFlanking } from './delimiter-run.js';
import { appendElement, appendText } from './dom.js';
import { decodeEntity, decodeLinkText, isAsciiPunctuation, MAX_ENTITY_LENGTH } from './entities.js';
import { makeLink } from './link-attributes.js';
import { LinkDestination } from './link-destination.js';
import { sanitizeUrl } from './sanitize-url.js';

/** How images (`![alt](src)`) are shown; none is ever loaded. */
export type ImageMode = 'link' | 'text';

type InlineKind = 'em' | 'strong' | 'del' | 'code' | 'link' | 'image';

interface OpenInline {
  readonly kind: InlineKind;
  readonly element: HTMLElement;
  /** The element again when it is a link (compared by identity: it may come from another realm). */
  readonly anchor: HTMLAnchorElement | undefined;
  /** The source text that opened it, put back as text if it never closes. */
  readonly opener: string;
  /** `*`, `_` or `~` for emphasis, `''` otherwise. */
  readonly marker: string;
  /** Unmatched `[` inside a link's text. */
  depth: number;
}

type Mode =
  | 'text'
  | 'delimiter'
  | 'ticks'
  | 'code'
  | 'code-ticks'
  | 'escape'
  | 'bang'
  | 'bracket-close'
  | 'destination'
  | 'angle'
  | 'entity';

/** Longest link destination or autolink held back before it is given up as text. */
const MAX_HELD = 2048;

/** Openers nested deeper than this are text: DOM insertion costs time in proportion to depth. */
const MAX_DEPTH = 16;

/**
 * Streams the inline content of one block (a paragraph, heading or table cell) into `root`,
 * append-only: text goes into text nodes with `appendData`, and an element is opened the moment
 * its syntax is certain enough (emphasis and links optimistically). An opener that never closes
 * is unwrapped at the end, which moves, never re-creates, the nodes already shown.
 */
export class InlineParser {
  readonly #root: HTMLElement;
  readonly #images: ImageMode;
  readonly #stack: OpenInline[] = [];
  #current: HTMLElement;
  #text: Text | undefined;
  #out = '';
  #mode: Mode = 'text';
  #held = '';
  #runChar = '';
  #runLength = 0;
  #prev = '';
  #spaces = 0;
  #lineBreak: 'none' | 'soft' | 'hard' = 'none';
  #codeLength = 0;
  #codeSpaces = 0;
  #destination = new LinkDestination();
  /** Set while held-back text is read again, so it cannot start another hold (no quadratic replays). */
  #replaying = false;

  /** @param root - the block element the inline content is appended to */
  constructor(root: HTMLElement, images: ImageMode) {
    this.#root = root;
    this.#current = root;
    this.#images = images;
  }

  /** Appends a piece of one line (no `\n`). */
  write(text: string): void {
    this.#feed(text);
    this.#flush();
  }

  /** Ends the current line; the break is emitted only if the block goes on. */
  lineEnd(): void {
    this.#settle('\n');
    if (this.#mode === 'code') {
      this.#codeSpaces++;
    } else {
      this.#lineBreak = this.#spaces >= 2 || this.#lineBreak === 'hard' ? 'hard' : 'soft';
      this.#spaces = 0;
      this.#prev = '';
    }
    this.#flush();
  }

  /** Ends the block: pending syntax becomes text and unclosed elements are unwrapped. */
  finish(): void {
    this.#settle('');
    this.#spaces = 0;
    this.#lineBreak = 'none';
    while (this.#stack.length > 0) this.#unwrap(this.#stack.length - 1, true);
    this.#flush();
  }

  #feed(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.#mode === 'text') {
        const end = nextSpecial(text, i);
        if (end > i) {
          this.#emitPending();
          this.#out += text.slice(i, end);
          this.#prev = text.charAt(end - 1);
          i = end;
          continue;
        }
      }
      this.#step(text.charAt(i));
      i++;
    }
  }

  /** Resolves whatever is held back as if `next` followed, until plain text or code remains. */
  #settle(next: string): void {
    for (;;) {
      switch (this.#mode) {
        case 'text':
        case 'code':
          return;
        case 'delimiter':
          this.#mode = 'text';
          this.#resolveDelimiter(next);
          break;
        case 'ticks':
          this.#openCode();
          break;
        case 'code-ticks':
          this.#endCodeTicks();
          break;
        case 'escape':
          this.#mode = 'text';
          if (next === '\n') this.#lineBreak = 'hard';
          else this.#literal('\\');
          break;
        case 'bang':
          this.#mode = 'text';
          this.#literal('!');
          break;
        case 'bracket-close':
          this.#mode = 'text';
          this.#failLink();
          break;
        case 'destination':
          this.#failDestination();
          break;
        case 'angle':
        case 'entity':
          this.#failHeld(this.#mode === 'angle' ? '<' : '&');
          break;
      }
    }
  }

  #step(ch: string): void {
    switch (this.#mode) {
      case 'text':
        return this.#stepText(ch);
      case 'delimiter':
        if (ch === this.#runChar) {
          this.#runLength++;
          return;
        }
        this.#mode = 'text';
        this.#resolveDelimiter(ch);
        return this.#step(ch);
      case 'ticks':
        if (ch === '`') {
          this.#runLength++;
          return;
        }
        this.#openCode();
        return this.#step(ch);
      case 'code':
        return this.#stepCode(ch);
      case 'code-ticks':
        if (ch === '`') {
          this.#runLength++;
          return;
        }
        this.#endCodeTicks();
        return this.#step(ch);
      case 'escape':
        this.#mode = 'text';
        if (isAsciiPunctuation(ch)) return this.#literal(ch);
        this.#literal('\\');
        return this.#step(ch);
      case 'bang':
        this.#mode = 'text';
        if (ch === '[') return this.#openBracket(true);
        this.#literal('!');
        return this.#step(ch);
      case 'bracket-close':
        if (ch === '(') {
          this.#mode = 'destination';
          this.#held = '';
          this.#destination = new LinkDestination();
          return;
        }
        this.#mode = 'text';
        this.#failLink();
        return this.#step(ch);
      case 'destination':
        return this.#stepDestination(ch);
      case 'angle':
        return this.#stepAngle(ch);
      case 'entity':
        return this.#stepEntity(ch);
    }
  }

  #stepText(ch: string): void {
    if (ch === ' ') {
      this.#spaces++;
      this.#prev = ' ';
      return;
    }
    this.#emitPending();
    switch (ch) {
      case '\\':
        this.#mode = 'escape';
        return;
      case '*':
      case '_':
      case '~':
        this.#mode = 'delimiter';
        this.#runChar = ch;
        this.#runLength = 1;
        return;
      case '`':
        this.#mode = 'ticks';
        this.#runLength = 1;
        return;
      case '!':
        this.#mode = 'bang';
        return;
      case '[':
        return this.#openBracket(false);
      case ']':
        return this.#closeBracket();
      case '<':
      case '&':
        if (this.#replaying) return this.#literal(ch);
        this.#mode = ch === '<' ? 'angle' : 'entity';
        this.#held = '';
        return;
      default:
        this.#literal(ch);
    }
  }

  /** Emits `text` as plain text. */
  #literal(text: string): void {
    this.#out += text;
    this.#prev = text.charAt(text.length - 1);
  }

  /** Emits the line break and spaces held back until it was clear they are not trailing. */
  #emitPending(): void {
    if (this.#lineBreak === 'hard') {
      this.#flush();
      appendElement(this.#current, 'br');
      this.#text = undefined;
    }
    if (this.#lineBreak !== 'none') this.#out += '\n';
    this.#lineBreak = 'none';
    if (this.#spaces > 0) this.#out += ' '.repeat(this.#spaces);
    this.#spaces = 0;
  }

  #flush(): void {
    if (this.#out === '') return;
    if (this.#text === undefined) this.#text = appendText(this.#current, this.#out);
    else this.#text.appendData(this.#out);
    this.#out = '';
  }

  #open(
    kind: InlineKind,
    tag: 'span' | 'em' | 'strong' | 'del' | 'code' | 'a',
    opener: string,
    marker = '',
  ): void {
    this.#flush();
    const anchor = tag === 'a' ? appendElement(this.#current, 'a') : undefined;
    const element = anchor ?? appendElement(this.#current, tag === 'a' ? 'span' : tag);
    this.#stack.push({ kind, element, anchor, opener, marker, depth: 0 });
    this.#current = element;
    this.#text = undefined;
  }

  #closeTop(): void {
    this.#flush();
    this.#stack.pop();
    this.#current = this.#stack.at(-1)?.element ?? this.#root;
    this.#text = undefined;
  }

  /** Replaces an open element by its children (and its opener as text, if `literal`). */
  #unwrap(index: number, literal: boolean): void {
    this.#flush();
    const [entry] = this.#stack.splice(index, 1);
    if (entry === undefined) return;
    const nodes: Node[] = Array.from(entry.element.childNodes);
    if (literal && entry.opener !== '')
      nodes.unshift(entry.element.ownerDocument.createTextNode(entry.opener));
    entry.element.replaceWith(...nodes);
    this.#current = this.#stack.at(-1)?.element ?? this.#root;
    this.#text = undefined;
  }

  #resolveDelimiter(next: string): void {
    const marker = this.#runChar;
    const count = this.#runLength;
    const { canOpen, canClose } = runFlanking(marker, this.#prev, next);
    const valid = marker === '~' ? count === 2 : count <= 3;
    let remaining = valid && canClose ? this.#closeEmphasis(marker, count) : count;
    if (valid && canOpen && remaining > 0 && this.#stack.length < MAX_DEPTH - 1) {
      if (marker === '~') this.#open('del', 'del', '~~', marker);
      else {
        if (remaining !== 2) this.#open('em', 'em', marker, marker);
        if (remaining >= 2) this.#open('strong', 'strong', marker + marker, marker);
      }
      remaining = 0;
    }
    if (remaining > 0) this.#out += marker.repeat(remaining);
    this.#prev = marker;
  }

  /** Closes open emphasis of `marker` with up to `count` delimiters; returns those left over. */
  #closeEmphasis(marker: string, count: number): number {
    let left = count;
    while (left > 0) {
      let index = this.#stack.length - 1;
      // Emphasis never closes across a link boundary.
      while (index >= 0 && this.#stack[index]!.marker !== marker) {
        if (this.#stack[index]!.kind === 'link' || this.#stack[index]!.kind === 'image')
          return left;
        index--;
      }
      const entry = this.#stack[index];
      if (entry === undefined) return left;
      const needed = entry.kind === 'em' ? 1 : 2;
      if (left < needed) return left;
      while (this.#stack.length - 1 > index) this.#unwrap(this.#stack.length - 1, true);
      this.#closeTop();
      left -= needed;
    }
    return left;
  }

  #openCode(): void {
    this.#mode = 'code';
    this.#codeLength = this.#runLength;
    this.#codeSpaces = 0;
    this.#open('code', 'code', '`'.repeat(this.#runLength));
  }

  #stepCode(ch: string): void {
    if (ch === '`') {
      this.#mode = 'code-ticks';
      this.#runLength = 1;
    } else if (ch === ' ') {
      this.#codeSpaces++;
    } else {
      this.#out += ' '.repeat(this.#codeSpaces) + ch;
      this.#codeSpaces = 0;
    }
  }

  /** A backtick run inside code: closes the span if it is as long as the opener. */
  #endCodeTicks(): void {
    if (this.#runLength !== this.#codeLength) {
      this.#out += ' '.repeat(this.#codeSpaces) + '`'.repeat(this.#runLength);
      this.#codeSpaces = 0;
      this.#mode = 'code';
      return;
    }
    this.#flush();
    const content = this.#text;
    // CommonMark strips one space from each end of `` ` a ` `` unless it is all spaces.
    if (
      content !== undefined &&
      content.data.startsWith(' ') &&
      this.#codeSpaces > 0 &&
      /[^ ]/.test(content.data)
    ) {
      content.deleteData(0, 1);
      this.#codeSpaces--;
    }
    this.#out += ' '.repeat(this.#codeSpaces);
    this.#codeSpaces = 0;
    this.#closeTop();
    this.#mode = 'text';
    this.#prev = '`';
  }

  #linkIndex(): number {
    return this.#stack.findLastIndex((entry) => entry.kind === 'link' || entry.kind === 'image');
  }

  #openBracket(image: boolean): void {
    if (this.#replaying || this.#stack.length >= MAX_DEPTH)
      return this.#literal(image ? '![' : '[');
    const index = this.#linkIndex();
    if (index >= 0) {
      // Links cannot contain links: inner brackets are text that must balance.
      this.#stack[index]!.depth++;
      this.#literal(image ? '![' : '[');
      return;
    }
    if (image) this.#open('image', this.#images === 'link' ? 'a' : 'span', '![');
    else this.#open('link', 'a', '[');
    this.#prev = '[';
  }

  #closeBracket(): void {
    const entry = this.#stack[this.#linkIndex()];
    if (entry === undefined || entry.depth > 0) {
      if (entry !== undefined) entry.depth--;
      return this.#literal(']');
    }
    this.#mode = 'bracket-close';
  }

  #failLink(): void {
    const index = this.#linkIndex();
    if (index >= 0) this.#unwrap(index, true);
    this.#literal(']');
  }

  #failDestination(): void {
    const held = this.#held;
    this.#mode = 'text';
    this.#failLink();
    this.#literal('(');
    this.#replay(held);
  }

  /** Reads held-back text again as inline content that opens no further hold. */
  #replay(held: string): void {
    const replaying = this.#replaying;
    this.#replaying = true;
    this.#feed(held);
    this.#replaying = replaying;
  }

  #stepDestination(ch: string): void {
    this.#held += ch;
    const step = this.#destination.push(ch);
    if (step === 'done') return this.#completeLink();
    if (step === 'fail' || this.#held.length > MAX_HELD) this.#failDestination();
  }

  #completeLink(): void {
    this.#mode = 'text';
    const index = this.#linkIndex();
    while (this.#stack.length - 1 > index) this.#unwrap(this.#stack.length - 1, true);
    const entry = this.#stack[index];
    if (entry === undefined) return;
    const href = sanitizeUrl(decodeLinkText(this.#destination.url));
    const { anchor } = entry;
    if (href === undefined || anchor === undefined) {
      this.#unwrap(index, false);
    } else {
      makeLink(anchor, href);
      const title = decodeLinkText(this.#destination.title);
      if (title !== '') anchor.title = title;
      if (entry.kind === 'image') {
        anchor.className = 'image-link';
        this.#flush();
        // An image with no alt text would otherwise be an invisible link.
        if (!anchor.hasChildNodes()) this.#out = 'image';
      }
      this.#closeTop();
    }
    this.#prev = ')';
  }

  /** Gives up held-back syntax: its first character becomes text and the rest is read again. */
  #failHeld(first: string): void {
    const held = this.#held;
    this.#mode = 'text';
    this.#literal(first);
    this.#replay(held);
  }

  #stepAngle(ch: string): void {
    if (ch === '>') return this.#completeAngle();
    if (ch === ' ' || ch === '<' || this.#held.length >= MAX_HELD) {
      this.#failHeld('<');
      return this.#step(ch);
    }
    this.#held += ch;
  }

  #completeAngle(): void {
    const body = this.#held;
    this.#mode = 'text';
    const href = autolinkHref(body);
    if (href === undefined) {
      // Not an autolink (raw HTML, say): it is shown as the text it is. The `>` goes through the
      // parser too, so syntax the replay left pending (`<__>`) is resolved before it, in order.
      this.#failHeld('<');
      return this.#step('>');
    }
    if (href === '' || this.#linkIndex() >= 0) return this.#literal(`<${body}>`);
    this.#flush();
    const anchor = appendElement(this.#current, 'a');
    makeLink(anchor, href);
    appendText(anchor, body);
    this.#text = undefined;
    this.#prev = '>';
  }

  #stepEntity(ch: string): void {
    if (ch === ';') {
      const decoded = decodeEntity(this.#held);
      if (decoded !== undefined) {
        this.#mode = 'text';
        return this.#literal(decoded);
      }
    } else if (/^[#A-Za-z0-9]$/.test(ch) && this.#held.length < MAX_ENTITY_LENGTH) {
      this.#held += ch;
      return;
    }
    this.#failHeld('&');
    this.#step(ch);
  }
}
