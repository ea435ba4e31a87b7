import { html, type TemplateResult } from 'lit';
import type { ImagePart } from '../../src/index.js';
import type { ChatStrings } from '../chat-strings.js';
import { fileIcon } from '../icons.js';
import { attachmentInfo, type AttachedPart } from './attachment-info.js';
import { fileContent } from './file-text.js';
import { imageNotes } from './image-note.js';
import { shownImageURL } from './shown-image-url.js';

function imageTemplate(part: ImagePart, s: ChatStrings): TemplateResult {
  const info = attachmentInfo(part);
  const src = shownImageURL(part.url);
  if (!src)
    return html`<p class="attachment-remote" part="attachment-remote">${s.imageNotLoaded} <span class="attachment-name">${part.url}</span></p>`;
  const notes = info ? imageNotes(part, info, s) : [];
  return html`
    <figure class="attachment-figure" part="attachment-image">
      <img src=${src} alt=${info?.name || s.image} />
      ${
        info
          ? html`<figcaption class="attachment-caption"><span class="attachment-name">${info.name}</span>${notes.map((note) => html` <span class="attachment-note" part="attachment-note">${note}</span>`)}</figcaption>`
          : ''
      }
    </figure>
  `;
}

function fileTemplate(part: AttachedPart & { type: 'text' }, s: ChatStrings): TemplateResult {
  const info = attachmentInfo(part);
  return html`
    <details class="attachment-file" part="attachment-file">
      <summary>
        ${fileIcon}
        <span class="attachment-name">${info?.name}</span>
        <span class="attachment-note" part="attachment-note">${s.fileSize(info?.size ?? 0)}</span>
      </summary>
      <!-- Focusable, so a keyboard can scroll a long file. -->
      <pre class="attachment-content" tabindex="0">${fileContent(part.text)}</pre>
    </details>
  `;
}

/**
 * The files of a user message in the transcript: images shown (only those held in the message
 * itself; a remote one is named, never fetched) and text files as a name that opens to the text.
 */
export function messageAttachmentsTemplate(
  parts: readonly AttachedPart[],
  s: ChatStrings,
): TemplateResult {
  return html`<div class="message-attachments">
    ${parts.map((part) => (part.type === 'image' ? imageTemplate(part, s) : fileTemplate(part, s)))}
  </div>`;
}
