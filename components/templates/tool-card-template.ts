import { html, nothing, type TemplateResult } from 'lit';
import { prettyJSON } from '../format-json.js';
import { checkIcon, clockIcon, crossIcon, spinnerIcon, toolIcon } from '../icons.js';
import type { ToolCard, ToolCardStatus } from '../transcript-entry.js';

const statusLabels: Readonly<Record<ToolCardStatus, string>> = {
  streaming: 'Preparing',
  'awaiting-approval': 'Awaiting approval',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  denied: 'Denied',
  stopped: 'Stopped',
};

const statusIcons: Readonly<Record<ToolCardStatus, TemplateResult>> = {
  streaming: spinnerIcon,
  'awaiting-approval': clockIcon,
  running: spinnerIcon,
  done: checkIcon,
  failed: crossIcon,
  denied: crossIcon,
  stopped: crossIcon,
};

/** Approve or deny a call that waits for the user. */
export type DecideToolCall = (card: ToolCard, approved: boolean) => void;

/**
 * A tool call: name, arguments as they stream, status, approval buttons, the result.
 * Everything the model or the tool wrote goes through text bindings only.
 */
export function toolCardTemplate(card: ToolCard, decide: DecideToolCall): TemplateResult {
  const args = card.status === 'streaming' ? card.argumentsText : prettyJSON(card.argumentsText);
  const failed = card.status === 'failed' || card.status === 'denied';
  // Arguments stay open while they matter (streaming, awaiting a decision, running), then fold away.
  const live = card.status === 'streaming' || card.status === 'awaiting-approval' || card.status === 'running';
  return html`
    <div class="tool-card" part="tool-card tool-${card.status}" data-status=${card.status} role="group" aria-label=${`Tool call: ${card.name}`}>
      <div class="tool-header">
        <span class="tool-icon">${toolIcon}</span>
        <span class="tool-name" part="tool-name">${card.name}</span>
        <span class="tool-status" part="tool-status">${statusIcons[card.status]}<span>${statusLabels[card.status]}</span></span>
      </div>
      ${args
        ? html`
            <details class="tool-arguments" part="tool-arguments" ?open=${live}>
              <summary>Arguments</summary>
              <pre><code>${args}</code></pre>
            </details>
          `
        : nothing}
      ${card.askingUser
        ? html`
            <div class="approval" part="approval" role="group" aria-label=${`Allow ${card.name} to run?`}>
              <span class="approval-question">Allow this tool to run?</span>
              <button type="button" class="button primary" part="approve-button" @click=${() => decide(card, true)}>Approve</button>
              <button type="button" class="button" part="deny-button" @click=${() => decide(card, false)}>Deny</button>
            </div>
          `
        : nothing}
      ${card.resultText === undefined
        ? nothing
        : html`
            <details class="tool-result" part="tool-result">
              <summary>${failed ? 'Error' : 'Result'}</summary>
              <pre><code>${prettyJSON(card.resultText)}</code></pre>
            </details>
          `}
    </div>
  `;
}
