import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { messageAttachmentsTemplate } from '../attachments/message-attachments-template.js';
import type { ChatStrings } from '../chat-strings.js';
import type {
  AssistantBlock,
  AssistantEntry,
  NoteBlock,
  RetryTurn,
  TranscriptEntry,
  UserEntry,
} from '../transcript-entry.js';
import { errorTemplate } from './error-template.js';
import {
  assistantActionsTemplate,
  editFormTemplate,
  userActionsTemplate,
  type EntryControls,
  type MessageActions,
} from './message-actions-template.js';
import { reasoningTemplate } from './reasoning-template.js';
import { toolCardTemplate, type DecideToolCall } from './tool-card-template.js';

/** What the transcript's controls call back. */
export interface TranscriptActions extends MessageActions {
  readonly decide: DecideToolCall;
  /** Retry for the failed entry, when it can run again now; `undefined` hides the button. */
  readonly retryFor: (entry: TranscriptEntry) => RetryTurn | undefined;
}

function userTemplate(
  entry: UserEntry,
  controls: EntryControls,
  actions: TranscriptActions,
  s: ChatStrings,
): TemplateResult {
  return html`
    <div class="message user" part="message user-message" data-exchange=${controls.branch?.at ?? nothing}>
      <span class="visually-hidden">${s.youSaid}</span>
      ${entry.attachments?.length ? messageAttachmentsTemplate(entry.attachments, s) : nothing}
      ${
        controls.editing
          ? editFormTemplate(entry, actions, s)
          : html`${entry.text ? html`<div class="bubble">${entry.text}</div>` : nothing}${userActionsTemplate(entry, controls, actions, s)}`
      }
    </div>
  `;
}

function blockTemplate(
  block: AssistantBlock,
  actions: TranscriptActions,
  s: ChatStrings,
): TemplateResult {
  switch (block.kind) {
    case 'text':
      // The container is a node the markdown writer fills; Lit only places it, once.
      return html`${block.container}`;
    case 'reasoning':
      return reasoningTemplate(block, s);
    case 'tool':
      return toolCardTemplate(block.card, actions.decide, s);
    case 'note':
      return noteTemplate(block, s);
  }
}

function noteTemplate(block: NoteBlock, s: ChatStrings): TemplateResult {
  return html`<p class="turn-note" part="turn-note">${block.text(s)}</p>`;
}

const stateNotes: Readonly<Record<AssistantEntry['state'], 'stopped' | 'interrupted' | undefined>> =
  { streaming: undefined, done: undefined, stopped: 'stopped', interrupted: 'interrupted' };

function assistantTemplate(
  entry: AssistantEntry,
  controls: EntryControls,
  actions: TranscriptActions,
  s: ChatStrings,
): TemplateResult {
  // "Stopped" or "Interrupted" qualifies an answer; with nothing received there is nothing to qualify.
  const note = entry.blocks.some((block) => block.kind !== 'note')
    ? stateNotes[entry.state]
    : undefined;
  // Dots only while something is awaited: streaming text shows its own progress (and the dots'
  // animation cost a style pass every frame of the stream); a tool card shows its own spinner.
  const last = entry.blocks.at(-1);
  const waiting =
    entry.state === 'streaming' &&
    last?.kind !== 'tool' &&
    !(last?.kind === 'text' && last.streaming);
  return html`
    <div class="message assistant" part="message assistant-message" data-state=${entry.state} data-exchange=${controls.branch?.at ?? nothing}>
      <span class="visually-hidden">${s.assistantSaid}</span>
      ${repeat(
        entry.blocks,
        (block) => block.key,
        (block) => blockTemplate(block, actions, s),
      )}
      ${waiting ? html`<span class="typing" part="typing-indicator" aria-hidden="true"><span></span><span></span><span></span></span>` : nothing}
      ${note ? html`<p class="state-note" part="state-note">${s[note]}</p>` : nothing}
      ${entry.error ? errorTemplate(entry.error, actions.retryFor(entry), s) : nothing}
      ${assistantActionsTemplate(entry, controls, actions, s)}
    </div>
  `;
}

/** One transcript entry, in the given strings. */
export function entryTemplate(
  entry: TranscriptEntry,
  controls: EntryControls,
  actions: TranscriptActions,
  s: ChatStrings,
): TemplateResult {
  return entry.kind === 'user'
    ? userTemplate(entry, controls, actions, s)
    : assistantTemplate(entry, controls, actions, s);
}
