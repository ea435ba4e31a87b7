import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChatStrings } from '../chat-strings.js';
import type {
  AssistantBlock,
  AssistantEntry,
  TranscriptEntry,
  UserEntry,
} from '../transcript-entry.js';
import { errorTemplate } from './error-template.js';
import { reasoningTemplate } from './reasoning-template.js';
import { toolCardTemplate, type DecideToolCall } from './tool-card-template.js';

/** What the transcript's controls call back. */
export interface TranscriptActions {
  readonly decide: DecideToolCall;
  /** Retry for the failed entry, when it can run again now; `undefined` hides the button. */
  readonly retryFor: (entry: TranscriptEntry) => (() => void) | undefined;
}

function userTemplate(entry: UserEntry, s: ChatStrings): TemplateResult {
  return html`
    <div class="message user" part="message user-message">
      <span class="visually-hidden">${s.youSaid}</span>
      <div class="bubble">${entry.text}</div>
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
  }
}

const stateNotes: Readonly<Record<AssistantEntry['state'], 'stopped' | 'interrupted' | undefined>> =
  { streaming: undefined, done: undefined, stopped: 'stopped', interrupted: 'interrupted' };

function assistantTemplate(
  entry: AssistantEntry,
  actions: TranscriptActions,
  s: ChatStrings,
): TemplateResult {
  // "Stopped" or "Interrupted" qualifies an answer; with nothing received there is nothing to qualify.
  const note = entry.blocks.length > 0 ? stateNotes[entry.state] : undefined;
  // Dots only while something is awaited: streaming text shows its own progress (and the dots'
  // animation cost a style pass every frame of the stream); a tool card shows its own spinner.
  const last = entry.blocks.at(-1);
  const waiting =
    entry.state === 'streaming' &&
    last?.kind !== 'tool' &&
    !(last?.kind === 'text' && last.streaming);
  return html`
    <div class="message assistant" part="message assistant-message" data-state=${entry.state}>
      <span class="visually-hidden">${s.assistantSaid}</span>
      ${repeat(
        entry.blocks,
        (block) => block.key,
        (block) => blockTemplate(block, actions, s),
      )}
      ${waiting ? html`<span class="typing" part="typing-indicator" aria-hidden="true"><span></span><span></span><span></span></span>` : nothing}
      ${note ? html`<p class="state-note" part="state-note">${s[note]}</p>` : nothing}
      ${entry.error ? errorTemplate(entry.error, actions.retryFor(entry), s) : nothing}
    </div>
  `;
}

/** One transcript entry, in the given strings. */
export function entryTemplate(
  entry: TranscriptEntry,
  actions: TranscriptActions,
  s: ChatStrings,
): TemplateResult {
  return entry.kind === 'user' ? userTemplate(entry, s) : assistantTemplate(entry, actions, s);
}
