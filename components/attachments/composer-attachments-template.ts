import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatStrings } from '../chat-strings.js';
import { alertIcon, crossIcon, fileIcon, spinnerIcon } from '../icons.js';
import { attachmentInfo } from './attachment-info.js';
import type { AttachmentProblem, PendingAttachment } from './attachment-controller.js';
import { imageNotes } from './image-note.js';

/** What the composer's file list shows and calls back. */
interface ComposerAttachmentsOptions {
  readonly items: readonly PendingAttachment[];
  readonly problems: readonly AttachmentProblem[];
  readonly onRemove: (key: string) => void;
  readonly onDismiss: () => void;
  readonly strings: ChatStrings;
}

function itemTemplate(
  item: PendingAttachment,
  onRemove: (key: string) => void,
  s: ChatStrings,
): TemplateResult {
  const part = item.part;
  const info = part ? attachmentInfo(part) : undefined;
  // The thumbnail is the very image that will be sent, so what the user sees is what goes out.
  const preview =
    part?.type === 'image'
      ? html`<img class="attachment-thumb" src=${part.url} alt="" />`
      : html`<span class="attachment-thumb attachment-icon">${part ? fileIcon : spinnerIcon}</span>`;
  const notes = !part
    ? [s.readingFile]
    : part.type === 'image' && info
      ? imageNotes(part, info, s)
      : [];
  return html`
    <li class="attachment" part="attachment" data-state=${part ? 'ready' : 'reading'} data-kind=${part?.type === 'image' ? 'image' : 'file'}>
      ${preview}
      <span class="attachment-text">
        <span class="attachment-name">${item.name}</span>
        ${(notes.length > 0 ? notes : [s.fileSize(item.size)]).map((note) => html`<span class="attachment-note" part="attachment-note">${note}</span>`)}
      </span>
      <button
        type="button"
        class="attachment-remove"
        part="attachment-remove"
        aria-label=${s.removeFile(item.name)}
        title=${s.removeFile(item.name)}
        @click=${() => onRemove(item.key)}
      >${crossIcon}</button>
    </li>
  `;
}

/** The files waiting to be sent (thumbnails, each removable) and the files just refused, with why. */
export function composerAttachmentsTemplate(options: ComposerAttachmentsOptions): TemplateResult {
  const s = options.strings;
  return html`
    ${
      options.problems.length > 0
        ? html`<div class="attachment-problems" part="attachment-problems" role="alert">
          <span class="notice-icon">${alertIcon}</span>
          <ul class="attachment-problem-list">
            ${options.problems.map((problem) => html`<li>${problem.text(s)}</li>`)}
          </ul>
          <button type="button" class="button" part="dismiss-button" @click=${options.onDismiss}>${s.dismiss}</button>
        </div>`
        : nothing
    }
    ${
      options.items.length > 0
        ? html`<ul class="attachments" part="attachments" aria-label=${s.attachments}>
          ${repeat(
            options.items,
            (item) => item.key,
            (item) => itemTemplate(item, options.onRemove, s),
          )}
        </ul>`
        : nothing
    }
  `;
}
