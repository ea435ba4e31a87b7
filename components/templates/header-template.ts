import { html, nothing, type TemplateResult } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
import { newChatIcon } from '../icons.js';

/** What the header shows and calls back. */
export interface HeaderOptions {
  readonly heading: string;
  /** Shows the New conversation button (there is a conversation, and the button is not turned off). */
  readonly newConversation: boolean;
  readonly onNewConversation: () => void;
  readonly strings: ChatStrings;
}

/** The bar above the conversation: the heading and New conversation; nothing when it has neither. */
export function headerTemplate(options: HeaderOptions): TemplateResult | typeof nothing {
  if (!options.heading && !options.newConversation) return nothing;
  const s = options.strings;
  return html`<div class="header" part="header">
    ${options.heading ? html`<h2 class="heading" part="heading">${options.heading}</h2>` : nothing}
    ${
      options.newConversation
        ? html`<button type="button" class="button new-conversation" part="new-conversation-button" @click=${options.onNewConversation}>${newChatIcon}<span>${s.newConversation}</span></button>`
        : nothing
    }
  </div>`;
}

/** After a new conversation: says the old one was cleared, with Undo for a few seconds. */
export function undoNoticeTemplate(onUndo: () => void, s: ChatStrings): TemplateResult {
  return html`<div class="undo-notice" part="undo-notice">
    <span>${s.conversationCleared}</span>
    <button type="button" class="link-button" part="undo-button" @click=${onUndo}>${s.undo}</button>
  </div>`;
}
