import { html, type TemplateResult } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
import { attachIcon } from '../icons.js';

/** What the attach button needs. */
interface AttachButtonOptions {
  /** The `accept` list of the file picker. */
  readonly accept: string;
  readonly disabled: boolean;
  readonly onPick: (event: Event) => void;
  readonly strings: ChatStrings;
}

function openPicker(event: Event): void {
  const button = event.currentTarget as HTMLElement;
  button.parentElement?.querySelector<HTMLInputElement>('.file-input')?.click();
}

/** The composer's attach button: opens the file picker (a hidden file input it clicks). */
export function attachButtonTemplate(options: AttachButtonOptions): TemplateResult {
  const s = options.strings;
  return html`
    <input
      id="file-input"
      class="file-input"
      type="file"
      multiple
      tabindex="-1"
      aria-hidden="true"
      accept=${options.accept}
      ?disabled=${options.disabled}
      @change=${options.onPick}
    />
    <button
      type="button"
      class="icon-button attach"
      part="attach-button"
      aria-label=${s.attachFiles}
      title=${s.attachFiles}
      ?disabled=${options.disabled}
      @click=${openPicker}
    >${attachIcon}</button>
  `;
}
