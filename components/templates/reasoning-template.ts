import { html, type TemplateResult } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
import type { ReasoningBlock } from '../transcript-entry.js';

/** The model's reasoning in a collapsible section, open while it streams. */
export function reasoningTemplate(block: ReasoningBlock, s: ChatStrings): TemplateResult {
  return html`
    <details class="reasoning" part="reasoning" ?open=${block.streaming}>
      <summary>${block.streaming ? s.thinking : s.thoughts}</summary>
      ${block.container}
    </details>
  `;
}
