import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { revealInvisible } from './reveal-invisible.js';
import { createHiddenRunElement, updateHiddenRunElement } from './revealed-text.js';

/**
 * Past this length a text node is no longer extended and the next text starts a new one:
 * Chromium's `appendData` costs time in proportion to the node's length.
 */
const TEXT_NODE_LIMIT = 2048;

/** How many characters at each end of the shown text are compared to tell an extension from a new text. */
const CHECK_WINDOW = 256;

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
 * Shows a growing text in its element by appending only what is new, so streaming n characters
 * costs O(n) DOM work instead of re-setting the whole text on every delta. Hidden characters are
 * shown as markers (see reveal-invisible.ts).
 *
 * A text counts as an extension when it is at least as long as what is shown and agrees with it
 * in the first and last {@link CHECK_WINDOW} characters shown (so texts up to twice that long are
 * compared whole); anything else replaces the content. Streamed tool arguments only ever grow, and
 * the card swaps this view for one built from the complete arguments once streaming ends.
 */
class StreamedTextDirective extends Directive {
  /** How many characters of the text are shown (a trailing high surrogate waits for its pair). */
  #shownLength = 0;
  #head = '';
  #tail = '';
  #text: Text | undefined;
  #marker: LastMarker | undefined;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('streamedText() goes on an element: <code ${streamedText(text)}>');
  }

  render(_text: string): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [text]: [string]): typeof noChange {
    const element = part.element;
    if (!this.#extends(text)) this.#clear(element);
    const end = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.length - 1 : text.length;
    if (end > this.#shownLength) {
      const added = text.slice(this.#shownLength, end);
      this.#append(element, added);
      this.#remember(added);
      this.#shownLength = end;
    }
    return noChange;
  }

  #extends(text: string): boolean {
    if (this.#shownLength === 0) return true;
    return text.length >= this.#shownLength && text.startsWith(this.#head) && text.startsWith(this.#tail, this.#shownLength - this.#tail.length);
  }

  #clear(element: Element): void {
    element.replaceChildren();
    this.#shownLength = 0;
    this.#head = '';
    this.#tail = '';
    this.#text = undefined;
    this.#marker = undefined;
  }

  #remember(added: string): void {
    if (this.#head.length < CHECK_WINDOW) this.#head = (this.#head + added).slice(0, CHECK_WINDOW);
    this.#tail = (this.#tail + added.slice(-CHECK_WINDOW)).slice(-CHECK_WINDOW);
  }

  #append(element: Element, added: string): void {
    const document = element.ownerDocument;
    for (const piece of revealInvisible(added)) {
      if (typeof piece === 'string') {
        if (this.#text && this.#text.length < TEXT_NODE_LIMIT) {
          this.#text.appendData(piece);
        } else {
          this.#text = document.createTextNode(piece);
          element.append(this.#text);
        }
        this.#marker = undefined;
      } else if (this.#marker && this.#marker.codePoint === piece.codePoint) {
        // The same hidden character split across deltas stays one marker, as in the settled view.
        this.#marker.count += piece.count;
        updateHiddenRunElement(this.#marker.element, this.#marker);
      } else {
        const marker = createHiddenRunElement(document, piece);
        element.append(marker);
        this.#marker = { element: marker, codePoint: piece.codePoint, count: piece.count };
        this.#text = undefined;
      }
    }
  }
}

/**
 * Element directive: `<code ${streamedText(text)}></code>` shows `text`, appending on each render
 * only what was added since the last one.
 */
export const streamedText = directive(StreamedTextDirective);
