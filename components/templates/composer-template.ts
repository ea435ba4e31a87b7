import { html, type TemplateResult } from 'lit';
import { sendIcon, stopIcon } from '../icons.js';

/** What the composer shows and calls back. */
export interface ComposerOptions {
  readonly placeholder: string;
  readonly label: string;
  readonly running: boolean;
  readonly disabled: boolean;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onStop: () => void;
}

/** The message input with Send, or Stop while a turn runs. */
export function composerTemplate(options: ComposerOptions): TemplateResult {
  return html`
    <form class="composer" part="composer" @submit=${options.onSubmit}>
      <textarea
        id="input"
        class="input"
        part="input"
        rows="1"
        enterkeyhint="send"
        aria-label=${options.label}
        placeholder=${options.placeholder}
        ?disabled=${options.disabled}
        @keydown=${options.onKeydown}
      ></textarea>
      ${options.running
        ? html`<button type="button" class="icon-button stop" part="stop-button" aria-label="Stop" title="Stop (Escape)" @click=${options.onStop}>${stopIcon}</button>`
        : html`<button type="submit" class="icon-button send" part="send-button" aria-label="Send" title="Send (Enter)" ?disabled=${options.disabled}>${sendIcon}</button>`}
    </form>
  `;
}
