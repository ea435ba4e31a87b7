import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
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

function userTemplate(entry: UserEntry): TemplateResult {
  return html`
    <div class="message user" part="message user-message">
      <span class="visually-hidden">You said:</span>
      <div class="bubble">${entry.text}</div>
    </div>
  `;
}

function blockTemplate(block: AssistantBlock, actions: TranscriptActions): TemplateResult {
  switch (block.kind) {
    case 'text':
      // The container is a node the markdown writer fills; Lit only places it, once.
      return html`${block.container}`;
    case 'reasoning':
      return reasoningTemplate(block);
    case 'tool':
      return toolCardTemplate(block.card, actions.decide);
  }
}

const stateNotes: Readonly<Record<AssistantEntry['state'], string | undefined>> = {
  streaming: undefined,
  done: undefined,
  stopped: 'Stopped',
  interrupted: 'Interrupted',
};

function assistantTemplate(entry: AssistantEntry, actions: TranscriptActions): TemplateResult {
  // "Stopped" or "Interrupted" qualifies an answer; with nothing received there is nothing to qualify.
  const note = entry.blocks.length > 0 ? stateNotes[entry.state] : undefined;
  // Dots while text is awaited or arriving; a running tool card shows its own spinner.
  const waiting = entry.state === 'streaming' && entry.blocks.at(-1)?.kind !== 'tool';
  return html`
    <div class="message assistant" part="message assistant-message" data-state=${entry.state}>
      <span class="visually-hidden">Assistant said:</span>
      ${repeat(
        entry.blocks,
        (block) => block.key,
        (block) => blockTemplate(block, actions),
      )}
      ${waiting ? html`<span class="typing" part="typing-indicator" aria-hidden="true"><span></span><span></span><span></span></span>` : nothing}
      ${note ? html`<p class="state-note" part="state-note">${note}</p>` : nothing}
      ${entry.error ? errorTemplate(entry.error, actions.retryFor(entry)) : nothing}
    </div>
  `;
}

/** One transcript entry. */
export function entryTemplate(entry: TranscriptEntry, actions: TranscriptActions): TemplateResult {
  return entry.kind === 'user' ? userTemplate(entry) : assistantTemplate(entry, actions);
}
