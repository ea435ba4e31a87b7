import { html, type TemplateResult } from 'lit';
import type { ReasoningBlock } from '../transcript-entry.js';

/** The model's reasoning in a collapsible section, open while it streams. */
export function reasoningTemplate(block: ReasoningBlock): TemplateResult {
  return html`
    <details class="reasoning" part="reasoning" ?open=${block.streaming}>
      <summary>${block.streaming ? 'Thinking…' : 'Thoughts'}</summary>
      ${block.container}
    </details>
  `;
}
