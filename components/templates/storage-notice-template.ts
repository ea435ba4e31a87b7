import { html, nothing, type TemplateResult } from 'lit';
import type { ToolAgentStorageErrorDetail } from '../chat-events.js';
import type { ChatStrings } from '../chat-strings.js';
import { alertIcon } from '../icons.js';

/** What the storage notice shows and calls back. */
export interface StorageNoticeOptions {
  readonly problem: ToolAgentStorageErrorDetail;
  /** Deletes the unreadable saved copy and saves from now on; offered for `unreadable` only. */
  readonly onStartOver: () => void;
  /** Hides a `save-failed` notice. */
  readonly onDismiss: () => void;
  readonly strings: ChatStrings;
}

// The strings' names for each kind: the title, and with `Detail` what it means.
const titles = {
  unreadable: 'unreadable',
  'newer-version': 'newerVersion',
  'save-failed': 'saveFailed',
} as const satisfies Record<ToolAgentStorageErrorDetail['kind'], keyof ChatStrings>;

/**
 * Says that the saved conversation could not be restored or the conversation could not be saved:
 * what happened, why, what it means, and the way out. An alert, so it is announced when it appears.
 */
export function storageNoticeTemplate(options: StorageNoticeOptions): TemplateResult {
  const { kind, reason } = options.problem;
  const s = options.strings;
  const title = titles[kind];
  return html`
    <div class="notice" part="storage-notice" role="alert" data-kind=${kind}>
      <span class="notice-icon">${alertIcon}</span>
      <div class="notice-text">
        <strong class="notice-title" part="notice-title">${s[title]}</strong>
        <span class="notice-detail" part="notice-detail">${reason} ${s[`${title}Detail`]}</span>
      </div>
      ${
        kind === 'unreadable'
          ? html`<button type="button" class="button" part="start-over-button" @click=${options.onStartOver}>${s.startOver}</button>`
          : nothing
      }
      ${
        kind === 'save-failed'
          ? html`<button type="button" class="button" part="dismiss-button" @click=${options.onDismiss}>${s.dismiss}</button>`
          : nothing
      }
    </div>
  `;
}
