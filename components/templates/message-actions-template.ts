import { html, nothing, type TemplateResult } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
import type { EntryBranch } from '../conversation-controller.js';
import {
  checkIcon,
  copyIcon,
  crossIcon,
  editIcon,
  nextIcon,
  previousIcon,
  retryIcon,
} from '../icons.js';
import type { AssistantEntry, TranscriptEntry, UserEntry } from '../transcript-entry.js';

/** What the message controls call back. */
export interface MessageActions {
  /** Copies the message's markdown source. */
  readonly copy: (entry: TranscriptEntry, source: Element) => void;
  /** Opens the edit box of a user message. */
  readonly edit: (entry: UserEntry) => void;
  readonly cancelEdit: (entry: UserEntry) => void;
  /** Sends the edited text as a new version of the message. */
  readonly submitEdit: (entry: UserEntry, text: string) => void;
  readonly regenerate: (entry: AssistantEntry) => void;
  /** Shows version `index` of the entry's message or answer. */
  readonly select: (entry: TranscriptEntry, index: number) => void;
}

/** How one entry's controls stand; the render skips an entry whose state and revision did not change. */
export interface EntryControls {
  readonly branch: EntryBranch | undefined;
  /** A turn runs: edits, regenerations and paging wait. */
  readonly busy: boolean;
  readonly editing: boolean;
  /** The copy button's feedback, for a moment after a copy. */
  readonly copied: 'copied' | 'failed' | undefined;
  readonly showUsage: boolean;
}

/** `< 2/3 >`: which version of a message or answer is shown, and buttons to page through them. */
function pagerTemplate(
  entry: TranscriptEntry,
  controls: EntryControls,
  actions: MessageActions,
  s: ChatStrings,
): TemplateResult | typeof nothing {
  const branch = controls.branch;
  if (!branch || branch.count < 2) return nothing;
  const { index, count } = branch;
  return html`<div class="pager" part="version-pager" role="group" aria-label=${s.versionLabel(index + 1, count)}>
    <button type="button" class="icon-button small" part="previous-version-button" aria-label=${s.previousVersion} title=${s.previousVersion} ?disabled=${controls.busy || index === 0} @click=${() => actions.select(entry, index - 1)}>${previousIcon}</button>
    <span class="pager-position" part="version-position" aria-hidden="true">${s.versionOf(index + 1, count)}</span>
    <button type="button" class="icon-button small" part="next-version-button" aria-label=${s.nextVersion} title=${s.nextVersion} ?disabled=${controls.busy || index === count - 1} @click=${() => actions.select(entry, index + 1)}>${nextIcon}</button>
  </div>`;
}

function copyTemplate(
  entry: TranscriptEntry,
  controls: EntryControls,
  actions: MessageActions,
  s: ChatStrings,
): TemplateResult {
  const label =
    controls.copied === 'copied'
      ? s.copied
      : controls.copied === 'failed'
        ? s.copyFailed
        : s.copyMessage;
  const icon =
    controls.copied === 'copied' ? checkIcon : controls.copied === 'failed' ? crossIcon : copyIcon;
  return html`<button type="button" class="icon-button small" part="copy-message-button" aria-label=${label} title=${label} @click=${(event: Event) => actions.copy(entry, (event.currentTarget as Element).closest('.message') ?? (event.currentTarget as Element))}>${icon}</button>`;
}

/** Under a user message: its versions, Copy and Edit. */
export function userActionsTemplate(
  entry: UserEntry,
  controls: EntryControls,
  actions: MessageActions,
  s: ChatStrings,
): TemplateResult {
  return html`<div class="message-actions" part="message-actions">
    ${pagerTemplate(entry, controls, actions, s)} ${copyTemplate(entry, controls, actions, s)}
    ${
      controls.branch
        ? html`<button type="button" class="icon-button small" part="edit-button" aria-label=${s.editMessage} title=${s.editMessage} ?disabled=${controls.busy} @click=${() => actions.edit(entry)}>${editIcon}</button>`
        : nothing
    }
  </div>`;
}

/** Under a finished answer: its versions, Copy, Regenerate and (with `show-usage`) its usage. */
export function assistantActionsTemplate(
  entry: AssistantEntry,
  controls: EntryControls,
  actions: MessageActions,
  s: ChatStrings,
): TemplateResult | typeof nothing {
  if (entry.state === 'streaming') return nothing;
  const usage = controls.showUsage ? entry.usage : undefined;
  return html`<div class="message-actions" part="message-actions">
    ${pagerTemplate(entry, controls, actions, s)}
    ${entry.blocks.some((block) => block.kind === 'text') ? copyTemplate(entry, controls, actions, s) : nothing}
    ${
      controls.branch?.side === 'answer'
        ? html`<button type="button" class="icon-button small" part="regenerate-button" aria-label=${s.regenerate} title=${s.regenerate} ?disabled=${controls.busy} @click=${() => actions.regenerate(entry)}>${retryIcon}</button>`
        : nothing
    }
    ${usage ? html`<span class="usage" part="usage">${s.usage(usage.inputTokens, usage.outputTokens, usage.model)}</span>` : nothing}
  </div>`;
}

/** The box that edits a user message in place: Enter sends a new version, Escape cancels. */
export function editFormTemplate(
  entry: UserEntry,
  actions: MessageActions,
  s: ChatStrings,
): TemplateResult {
  const submit = (form: HTMLFormElement): void => {
    const input = form.querySelector('textarea');
    if (input) actions.submitEdit(entry, input.value);
  };
  return html`<form
    class="edit-form"
    part="edit-form"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      submit(event.currentTarget as HTMLFormElement);
    }}
  >
    <textarea
      class="edit-input"
      part="edit-input"
      rows="3"
      aria-label=${s.editLabel}
      .value=${entry.text}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          actions.cancelEdit(entry);
        } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          const form = (event.currentTarget as HTMLElement).closest('form');
          if (form) submit(form);
        }
      }}
    ></textarea>
    <div class="edit-buttons">
      <button type="button" class="button" part="cancel-edit-button" @click=${() => actions.cancelEdit(entry)}>${s.cancelEdit}</button>
      <button type="submit" class="button primary" part="send-edit-button">${s.sendEdit}</button>
    </div>
  </form>`;
}
