import { html, nothing, type TemplateResult } from 'lit';
import { alertIcon, retryIcon } from '../icons.js';
import type { ErrorNotice } from '../transcript-entry.js';

/** A failed turn: what happened, what the server said, and Retry when it can run again now. */
export function errorTemplate(
  notice: ErrorNotice,
  retry: (() => void) | undefined,
): TemplateResult {
  return html`
    <div class="error" part="error">
      <span class="error-icon">${alertIcon}</span>
      <div class="error-text">
        <strong class="error-title" part="error-title">${notice.title}</strong>
        <span class="error-detail" part="error-detail">${notice.detail}</span>
      </div>
      ${
        retry
          ? html`<button type="button" class="button" part="retry-button" @click=${retry}>${retryIcon}<span>Retry</span></button>`
          : nothing
      }
    </div>
  `;
}
