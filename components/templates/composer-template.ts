import { html, type TemplateResult } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
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
  /** The attach button, before the input (with `attachments`). */
  readonly attach?: unknown;
  readonly onPaste?: ((event: ClipboardEvent) => void) | undefined;
  readonly strings: ChatStrings;
}

/** The message input with Send, or Stop while a turn runs. */
export function composerTemplate(options: ComposerOptions): TemplateResult {
  const s = options.strings;
  return html`
    <form class="composer" part="composer" @submit=${options.onSubmit}>
      ${options.attach}
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
        @paste=${options.onPaste}
      ></textarea>
      <!-- One button that turns from Send into Stop and back, so keyboard focus stays on it. -->
      <button
        type=${options.running ? 'button' : 'submit'}
        class=${options.running ? 'icon-button stop' : 'icon-button send'}
        part=${options.running ? 'stop-button' : 'send-button'}
        aria-label=${options.running ? s.stop : s.send}
        title=${options.running ? s.stopHint : s.sendHint}
        ?disabled=${!options.running && options.disabled}
        @click=${options.running ? options.onStop : undefined}
      >
        ${options.running ? stopIcon : sendIcon}
      </button>
    </form>
  `;
}
