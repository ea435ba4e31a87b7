import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { defaultChatStrings, type ChatStrings } from './chat-strings.js';
import { revealInvisible } from './reveal-invisible.js';
import { createHiddenRunElement, updateHiddenRunElement } from './revealed-text.js';

/**
 * Past this length a text node is no longer extended and the next text starts a new one:
 * Chromium's `appendData` costs time in proportion to the node's length.
 */
const TEXT_NODE_LIMIT = 2048;

/**
 * Most characters shown while the text streams: only the newest are kept on screen. Every frame
 * lays out the whole growing block, so 300 KB shown in full took a long task per frame; the
 * complete text is shown once it has arrived.
 */
const SHOWN_LIMIT = 8192;

/** The hidden-character marker most recently appended, grown when the same character follows. */
interface LastMarker {
  readonly element: HTMLSpanElement;
  readonly codePoint: number;
  count: number;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Shows a text that streams in as pieces by appending only the new pieces, so streaming n
 * characters costs O(n) work: the growing text itself is never read (in V8, reading a string
 * built with `+=` copies it whole, on every delta). Hidden characters are shown as markers (see
 * reveal-invisible.ts).
 *
 * The pieces array is only ever appended to; a different array (the provider resent the whole
 * text) or a shorter one replaces the content.
 */
class StreamedTextDirective extends Directive {
  #pieces: readonly string[] | undefined;
  /** How many pieces are shown. */
  #taken = 0;
  /** A high surrogate that ended the last piece, waiting for its pair. */
  #heldBack = '';
  #text: Text | undefined;
  #marker: LastMarker | undefined;
  /** The nodes on screen after the elision note, oldest first from `#first`, with the characters each holds. */
  #shown: { readonly node: ChildNode; length: number }[] = [];
  #first = 0;
  #shownChars = 0;
  #elidedChars = 0;
  #elisionNote: HTMLSpanElement | undefined;
  #elided: ChatStrings['elided'] = defaultChatStrings.elided;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('streamedText() goes on an element: <code ${streamedText(pieces)}>');
  }

  render(_pieces: readonly string[], _elided?: ChatStrings['elided']): typeof noChange {
    return noChange;
  }

  override update(
    part: ElementPart,
    [pieces, elided]: [readonly string[], ChatStrings['elided']?],
  ): typeof noChange {
    const element = part.element;
    this.#elided = elided ?? defaultChatStrings.elided;
    if (pieces !== this.#pieces || pieces.length < this.#taken) this.#clear(element);
    this.#pieces = pieces;
    if (pieces.length === this.#taken) return noChange;
    let added = this.#heldBack + pieces.slice(this.#taken).join('');
    this.#taken = pieces.length;
    this.#heldBack = '';
    if (isHighSurrogate(added.charCodeAt(added.length - 1))) {
      this.#heldBack = added.slice(-1);
      added = added.slice(0, -1);
    }
    if (added) {
      this.#append(element, added);
      this.#dropOldest(element);
    }
    return noChange;
  }

  #clear(element: Element): void {
    element.replaceChildren();
    this.#shown = [];
    this.#first = 0;
    this.#shownChars = 0;
    this.#elidedChars = 0;
    this.#elisionNote = undefined;
    this.#taken = 0;
    this.#heldBack = '';
    this.#text = undefined;
    this.#marker = undefined;
  }

  #append(element: Element, added: string): void {
    const document = element.ownerDocument;
    for (const piece of revealInvisible(added)) {
      if (typeof piece === 'string') {
        // Filled node by node, none past the limit, so the oldest can be dropped a node at a time.
        for (let at = 0; at < piece.length;) {
          const last = this.#shown.at(-1);
          if (!this.#text || last?.node !== this.#text || this.#text.length >= TEXT_NODE_LIMIT) {
            this.#text = document.createTextNode('');
            element.append(this.#text);
            this.#shown.push({ node: this.#text, length: 0 });
          }
          const room = TEXT_NODE_LIMIT - this.#text.length;
          const part = piece.slice(at, at + room);
          this.#text.appendData(part);
          this.#shown.at(-1)!.length += part.length;
          at += part.length;
        }
        this.#shownChars += piece.length;
        this.#marker = undefined;
      } else if (this.#marker && this.#marker.codePoint === piece.codePoint) {
        // The same hidden character split across deltas stays one marker, as in the settled view.
        this.#marker.count += piece.count;
        updateHiddenRunElement(this.#marker.element, this.#marker);
      } else {
        const marker = createHiddenRunElement(document, piece);
        element.append(marker);
        this.#shown.push({ node: marker, length: piece.count });
        this.#shownChars += piece.count;
        this.#marker = { element: marker, codePoint: piece.codePoint, count: piece.count };
        this.#text = undefined;
      }
    }
  }

  /** Keeps the newest {@link SHOWN_LIMIT} characters on screen, behind a note saying how many came before. */
  #dropOldest(element: Element): void {
    let dropped = false;
    while (
      this.#shown.length - this.#first > 1 &&
      this.#shownChars - this.#shown[this.#first]!.length >= SHOWN_LIMIT
    ) {
      const oldest = this.#shown[this.#first++]!;
      oldest.node.remove();
      this.#shownChars -= oldest.length;
      this.#elidedChars += oldest.length;
      dropped = true;
    }
    if (!dropped) return;
    // Compact now and then, so the queue does not keep every node ever shown.
    if (this.#first > 64) {
      this.#shown = this.#shown.slice(this.#first);
      this.#first = 0;
    }
    if (!this.#elisionNote) {
      this.#elisionNote = element.ownerDocument.createElement('span');
      this.#elisionNote.className = 'streamed-elided';
      this.#elisionNote.setAttribute('part', 'tool-arguments-elided');
      element.prepend(this.#elisionNote);
    }
    this.#elisionNote.textContent = `${this.#elided(this.#elidedChars)}\n`;
  }
}

/**
 * Element directive: `<code ${streamedText(pieces)}></code>` shows the pieces' text, appending on
 * each render only the pieces added since the last one.
 */
export const streamedText = directive(StreamedTextDirective);
