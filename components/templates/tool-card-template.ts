import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { ChatStrings } from '../chat-strings.js';
import { denialReason } from '../denial-reason.js';
import { deniedIcon } from '../denied-icon.js';
import { prettyJSON } from '../format-json.js';
import { alertIcon, checkIcon, clockIcon, crossIcon, spinnerIcon, toolIcon } from '../icons.js';
import {
  hasHiddenCharacters,
  revealAsText,
  valueHasHiddenCharacters,
} from '../reveal-invisible.js';
import { revealedText } from '../revealed-text.js';
import { shownArguments, type ShownArguments } from '../shown-arguments.js';
import { toolArgumentsTemplate } from '../tool-arguments-view.js';
import type { ToolCard, ToolCardStatus } from '../transcript-entry.js';

// The strings' name for each status.
const statusLabels = {
  streaming: 'preparing',
  'awaiting-approval': 'awaitingApproval',
  running: 'running',
  done: 'done',
  failed: 'failed',
  denied: 'denied',
  stopped: 'stopped',
} as const satisfies Record<ToolCardStatus, keyof ChatStrings>;

const statusIcons: Readonly<Record<ToolCardStatus, TemplateResult>> = {
  streaming: spinnerIcon,
  'awaiting-approval': clockIcon,
  running: spinnerIcon,
  done: checkIcon,
  failed: crossIcon,
  denied: deniedIcon,
  stopped: crossIcon,
};

/** Approve or deny a call that waits for the user. */
export type DecideToolCall = (card: ToolCard, approved: boolean) => void;

/** True when the name or the arguments about to be shown hide characters (streaming text is not searched on every delta). */
function hidesCharacters(name: string, shown: ShownArguments): boolean {
  if (hasHiddenCharacters(name)) return true;
  if (shown.kind === 'value') return valueHasHiddenCharacters(shown.value);
  return shown.kind === 'text' && hasHiddenCharacters(shown.text);
}

/** The hidden-character warning and the Arguments section; rebuilt only when the call's name, status or arguments change. */
function argumentsSection(card: ToolCard, s: ChatStrings): TemplateResult {
  const shown = shownArguments(card);
  // Arguments stay open while they matter (streaming, awaiting a decision, running), then fold away.
  const live =
    card.status === 'streaming' || card.status === 'awaiting-approval' || card.status === 'running';
  return html`
    ${
      hidesCharacters(card.name, shown)
        ? html`<p class="tool-hidden-note" part="tool-hidden-note">${alertIcon}<span>${s.hiddenNote}</span></p>`
        : nothing
    }
    ${
      shown.kind === 'none'
        ? nothing
        : html`
          <details class="tool-arguments" part="tool-arguments" ?open=${live} data-source=${shown.kind === 'value' && shown.validated ? 'validated' : 'model'}>
            <summary>${s.arguments}</summary>
            ${toolArgumentsTemplate(shown, s)}
          </details>
        `
    }
  `;
}

/** The result: a denied call says it did not run and why; others show the JSON sent back to the model. */
function resultSection(status: ToolCardStatus, resultText: string, s: ChatStrings): TemplateResult {
  if (status === 'denied') {
    return html`
      <details class="tool-result" part="tool-result" open>
        <summary>${s.notRun}</summary>
        <p class="tool-denial-reason" dir="ltr">${revealedText(denialReason(resultText))}</p>
      </details>
    `;
  }
  return html`
    <details class="tool-result" part="tool-result">
      <summary>${status === 'failed' ? s.error : s.result}</summary>
      <pre><code dir="ltr">${revealedText(prettyJSON(resultText))}</code></pre>
    </details>
  `;
}

/**
 * A tool call: name, arguments as they stream and then as the value that runs, status, approval
 * buttons, the result. Everything the model or the tool wrote goes through text bindings only,
 * with invisible and bidirectional-control characters shown as visible codes.
 */
export function toolCardTemplate(
  card: ToolCard,
  decide: DecideToolCall,
  s: ChatStrings,
): TemplateResult {
  const name = revealAsText(card.name);
  return html`
    <div class="tool-card" part="tool-card tool-${card.status}" data-status=${card.status} role="group" aria-label=${s.toolCall(name)}>
      <div class="tool-header">
        <span class="tool-icon">${toolIcon}</span>
        <span class="tool-name" part="tool-name" dir="ltr">${revealedText(card.name)}</span>
        <span class="tool-status" part="tool-status">${statusIcons[card.status]}<span>${s[statusLabels[card.status]]}</span></span>
      </div>
      ${guard([card.name, card.status, card.arguments, card.argumentPieces, card.argumentPieces.length, card.argumentsText.length, s], () => argumentsSection(card, s))}
      ${
        card.askingUser
          ? html`
            <div class="approval" part="approval" role="group" aria-label=${s.allowName(name)}>
              <span class="approval-question">${s.allow}</span>
              <button type="button" class="button primary" part="approve-button" @click=${() => decide(card, true)}>${s.approve}</button>
              <button type="button" class="button" part="deny-button" @click=${() => decide(card, false)}>${s.deny}</button>
            </div>
          `
          : nothing
      }
      ${card.resultText === undefined ? nothing : guard([card.status, card.resultText, s], () => resultSection(card.status, card.resultText ?? '', s))}
    </div>
  `;
}
