import { html, nothing, type TemplateResult } from 'lit';
import type { ToolAgentStorageErrorDetail } from '../chat-events.js';
import { alertIcon } from '../icons.js';

/** What the storage notice shows and calls back. */
export interface StorageNoticeOptions {
  readonly problem: ToolAgentStorageErrorDetail;
  /** Deletes the unreadable saved copy and saves from now on; offered for `unreadable` only. */
  readonly onStartOver: () => void;
  /** Hides a `save-failed` notice. */
  readonly onDismiss: () => void;
}

const titles: Readonly<Record<ToolAgentStorageErrorDetail['kind'], string>> = {
  unreadable: 'The saved conversation could not be read',
  'newer-version': 'The saved conversation is from a newer version of this chat',
  'save-failed': 'The conversation could not be saved',
};

const consequences: Readonly<Record<ToolAgentStorageErrorDetail['kind'], string>> = {
  unreadable:
    'It is kept as it is, and nothing is saved over it. Start over deletes it and saves this conversation from now on.',
  'newer-version':
    'It is kept as it is; this conversation is not saved, so it will not survive a reload.',
  'save-failed': 'It stays on this page but will be lost when the page closes.',
};

/**
 * Says that the saved conversation could not be restored or the conversation could not be saved:
 * what happened, why, what it means, and the way out. An alert, so it is announced when it appears.
 */
export function storageNoticeTemplate(options: StorageNoticeOptions): TemplateResult {
  const { kind, reason } = options.problem;
  return html`
    <div class="notice" part="storage-notice" role="alert" data-kind=${kind}>
      <span class="notice-icon">${alertIcon}</span>
      <div class="notice-text">
        <strong class="notice-title" part="notice-title">${titles[kind]}</strong>
        <span class="notice-detail" part="notice-detail">${reason} ${consequences[kind]}</span>
      </div>
      ${
        kind === 'unreadable'
          ? html`<button type="button" class="button" part="start-over-button" @click=${options.onStartOver}>Start over</button>`
          : nothing
      }
      ${
        kind === 'save-failed'
          ? html`<button type="button" class="button" part="dismiss-button" @click=${options.onDismiss}>Dismiss</button>`
          : nothing
      }
    </div>
  `;
}
