import { html, type TemplateResult } from 'lit';
import type { KeyRejection } from '../api-key-controller.js';
import type { ChatStrings } from '../chat-strings.js';
import { keyIcon } from '../icons.js';

/** What the key form shows and calls back. */
export interface KeyFormOptions {
  /** The endpoint's host, shown so the user knows where the key goes. */
  readonly host: string;
  /** Why the current key was refused, if it was. */
  readonly rejection: KeyRejection | undefined;
  /** Called with the typed key and the "remember" choice. */
  readonly onSubmit: (key: string, remember: boolean) => void;
  readonly strings: ChatStrings;
}

function submit(event: SubmitEvent, onSubmit: KeyFormOptions['onSubmit']): void {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const input = form.querySelector<HTMLInputElement>('input[type=password]');
  const remember = form.querySelector<HTMLInputElement>('input[type=checkbox]');
  const key = input?.value.trim() ?? '';
  if (!input || !key) return;
  // The key leaves the DOM as soon as it is read.
  input.value = '';
  onSubmit(key, remember?.checked ?? false);
}

/** Asks for an API key: a password input, kept in memory unless "remember" is ticked. */
export function keyFormTemplate(options: KeyFormOptions): TemplateResult {
  const { rejection, strings: s } = options;
  const intro =
    rejection?.kind === 'unsendable'
      ? s.keyUnsendable(rejection.character, rejection.position)
      : rejection?.kind === 'unauthorized'
        ? s.keyRejected(options.host)
        : rejection?.kind === 'missing'
          ? s.keyMissing(options.host)
          : s.keyNeeded(options.host);
  return html`
    <form class="key-form" part="key-form" @submit=${(event: SubmitEvent) => submit(event, options.onSubmit)}>
      <p class="key-intro" id="key-intro">${keyIcon}<span>${intro} ${s.keySentOnly}</span></p>
      <div class="key-row">
        <label class="visually-hidden" for="api-key">${s.apiKey}</label>
        <input id="api-key" class="key-input" part="key-input" type="password" name="api-key" autocomplete="off" spellcheck="false" required placeholder=${s.apiKey} aria-describedby="key-intro" />
        <button type="submit" class="button primary" part="key-submit">${s.useKey}</button>
      </div>
      <label class="remember"><input type="checkbox" name="remember" part="key-remember" /> ${s.rememberKey}</label>
    </form>
  `;
}
