import { html, nothing, type TemplateResult } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
import { arrowDownIcon } from '../icons.js';

/** What the scroll-to-bottom button shows and calls. */
export interface ScrollButtonOptions {
  /** The reader is away from the bottom while it matters (a turn runs, or something arrived below). */
  readonly shown: boolean;
  /** Something arrived below since the reader scrolled away. */
  readonly newBelow: boolean;
  readonly onClick: () => void;
  readonly strings: ChatStrings;
}

/**
 * The button that takes the reader back to the bottom. Its region is always there and polite, so
 * the button is announced once when it appears or when it starts saying that new content arrived.
 */
export function scrollButtonTemplate(o: ScrollButtonOptions): TemplateResult {
  return html`<div class="scroll-latest" aria-live="polite">${
    o.shown
      ? html`<button type="button" class="button scroll-button" part="scroll-button" data-state=${o.newBelow ? 'new' : 'away'} @click=${o.onClick}>${arrowDownIcon}<span>${o.newBelow ? o.strings.newMessagesBelow : o.strings.scrollToLatest}</span></button>`
      : nothing
  }</div>`;
}
