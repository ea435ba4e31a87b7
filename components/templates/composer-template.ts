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
      <!-- One button that turns from Send into Stop and back, so keyboard focus stays on it. -->
      <button
        type=${options.running ? 'button' : 'submit'}
        class=${options.running ? 'icon-button stop' : 'icon-button send'}
        part=${options.running ? 'stop-button' : 'send-button'}
        aria-label=${options.running ? 'Stop' : 'Send'}
        title=${options.running ? 'Stop (Escape)' : 'Send (Enter)'}
        ?disabled=${!options.running && options.disabled}
        @click=${options.running ? options.onStop : undefined}
      >
        ${options.running ? stopIcon : sendIcon}
      </button>
    </form>
  `;
}
