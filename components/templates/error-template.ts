import { html, nothing, type TemplateResult } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
import { alertIcon, retryIcon } from '../icons.js';
import type { ErrorNotice, RetryTurn } from '../transcript-entry.js';

/**
 * A failed turn: what happened, what the server said, and Retry when it can run again now (with
 * "Continue with a shorter context" first when the conversation outgrew the model's context).
 */
export function errorTemplate(
  notice: ErrorNotice,
  retry: RetryTurn | undefined,
  s: ChatStrings,
): TemplateResult {
  const [title, detail] = notice.text(s);
  const shorter = retry !== undefined && notice.contextExceeded === true;
  return html`
    <div class="error" part="error" data-actions=${retry ? (shorter ? 2 : 1) : 0}>
      <span class="error-icon">${alertIcon}</span>
      <div class="error-text">
        <strong class="error-title" part="error-title">${title}</strong>
        <span class="error-detail" part="error-detail">${detail}</span>
      </div>
      ${
        retry
          ? html`<div class="error-actions">
              ${shorter ? html`<button type="button" class="button" part="continue-shorter-button" @click=${() => retry({ shorterContext: true })}>${s.continueShorter}</button>` : nothing}
              <button type="button" class="button" part="retry-button" @click=${() => retry()}>${retryIcon}<span>${s.retry}</span></button>
            </div>`
          : nothing
      }
    </div>
  `;
}
