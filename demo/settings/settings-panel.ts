import { diagnoseConnection, type ConnectionDiagnosis as Diagnosis } from '../../src/index.js';
import { endpointPresets, presetById, type EndpointPreset } from './endpoint-presets.js';
import type { EndpointSettings } from './endpoint-settings.js';
import { forgetKey, getKey, isRemembered, setKey } from './key-store.js';
import { pageElement as element } from '../page-element.js';

/** An endpoint and its key, as the page applies them to the chat. */
export interface AppliedEndpoint {
  readonly settings: EndpointSettings;
  readonly apiKey: string | undefined;
}

/** What the panel needs from the page. */
export interface SettingsPanelOptions {
  /** The endpoint in use when the page opens. */
  readonly initial: EndpointSettings;
  /** The demo model's `fetch`, for testing the demo preset. */
  readonly demoFetch: typeof fetch;
  /** Called when the user picks "Use this endpoint" (or forgets the key in use). */
  readonly onApply: (endpoint: AppliedEndpoint) => void;
}

/** The "Endpoint settings" form: presets, URL, model, key (memory or device), usage, and a connection test. */
export class SettingsPanel {
  readonly #form: HTMLFormElement;
  readonly #options: SettingsPanelOptions;
  readonly #preset: HTMLSelectElement;
  readonly #baseURL: HTMLInputElement;
  readonly #model: HTMLInputElement;
  readonly #key: HTMLInputElement;
  readonly #remember: HTMLInputElement;
  readonly #includeUsage: HTMLInputElement;
  readonly #testButton: HTMLButtonElement;
  readonly #result: HTMLElement;
  readonly #keyLink: HTMLAnchorElement;
  #applied: EndpointSettings;

  constructor(form: HTMLFormElement, options: SettingsPanelOptions) {
    this.#form = form;
    this.#options = options;
    this.#applied = options.initial;
    this.#preset = element(form, '#preset', HTMLSelectElement);
    this.#baseURL = element(form, '#base-url', HTMLInputElement);
    this.#model = element(form, '#model', HTMLInputElement);
    this.#key = element(form, '#api-key', HTMLInputElement);
    this.#remember = element(form, '#remember-key', HTMLInputElement);
    this.#includeUsage = element(form, '#include-usage', HTMLInputElement);
    this.#testButton = element(form, '#test-connection', HTMLButtonElement);
    this.#result = element(form, '#connection-result', HTMLElement);
    this.#keyLink = element(form, '#key-link', HTMLAnchorElement);

    for (const preset of endpointPresets) this.#preset.add(new Option(preset.label, preset.id));
    this.#show(options.initial);

    this.#preset.addEventListener('change', () =>
      this.#choosePreset(presetById(this.#preset.value)),
    );
    this.#baseURL.addEventListener('change', () => this.#loadKey());
    this.#testButton.addEventListener('click', () => void this.#test());
    element(form, '#forget-key', HTMLButtonElement).addEventListener('click', () => this.#forget());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#apply();
    });
  }

  /** The endpoint and key currently applied. */
  get applied(): AppliedEndpoint {
    return {
      settings: this.#applied,
      apiKey: this.#applied.presetId === 'demo' ? undefined : getKey(this.#applied.baseURL),
    };
  }

  #show(settings: EndpointSettings): void {
    this.#preset.value = settings.presetId;
    this.#baseURL.value = settings.baseURL;
    this.#model.value = settings.model;
    this.#includeUsage.checked = settings.includeUsage;
    this.#loadKey();
  }

  #choosePreset(preset: EndpointPreset): void {
    this.#baseURL.value = preset.baseURL;
    this.#model.value = preset.model;
    this.#result.hidden = true;
    this.#loadKey();
  }

  #loadKey(): void {
    const preset = presetById(this.#preset.value);
    const isDemo = preset.id === 'demo';
    this.#key.value = isDemo ? '' : (getKey(this.#baseURL.value) ?? '');
    this.#remember.checked = !isDemo && isRemembered(this.#baseURL.value);
    for (const input of [this.#baseURL, this.#model, this.#key, this.#remember])
      input.disabled = isDemo;
    this.#key.placeholder = isDemo
      ? 'Not needed for the demo model'
      : preset.needsKey
        ? 'Required'
        : 'Optional for this endpoint';
    this.#keyLink.hidden = !preset.keyURL;
    if (preset.keyURL) this.#keyLink.href = preset.keyURL;
  }

  #current(): EndpointSettings {
    const preset = presetById(this.#preset.value);
    return {
      presetId: preset.id,
      baseURL: this.#baseURL.value.trim(),
      model: this.#model.value.trim(),
      includeUsage: this.#includeUsage.checked,
    };
  }

  #apply(): void {
    const settings = this.#current();
    if (settings.presetId !== 'demo' && (!settings.baseURL || !settings.model)) {
      this.#report({
        kind: 'unknown',
        provider: 'other',
        title: 'Base URL and model are needed.',
        detail: '',
        fix: 'Fill in both, then try again.',
      });
      return;
    }
    if (settings.presetId !== 'demo')
      setKey(settings.baseURL, this.#key.value.trim(), this.#remember.checked);
    this.#applied = settings;
    this.#options.onApply(this.applied);
  }

  #forget(): void {
    forgetKey(this.#baseURL.value);
    this.#key.value = '';
    this.#remember.checked = false;
    if (this.#applied.baseURL === this.#baseURL.value.trim()) this.#options.onApply(this.applied);
    this.#key.focus();
  }

  async #test(): Promise<void> {
    const settings = this.#current();
    const preset = presetById(settings.presetId);
    const isDemo = preset.id === 'demo';
    this.#testButton.disabled = true;
    this.#result.hidden = false;
    this.#result.className = 'connection-result';
    this.#result.dataset['kind'] = 'pending';
    this.#result.textContent = `Sending a tiny request to ${isDemo ? 'the demo model' : settings.baseURL}…`;
    try {
      const diagnosis = await diagnoseConnection(
        {
          baseURL: settings.baseURL,
          model: settings.model,
          apiKey: isDemo ? undefined : this.#key.value.trim() || undefined,
          fetch: isDemo ? this.#options.demoFetch : undefined,
        },
        { includeUsage: settings.includeUsage, pageOrigin: location.origin },
      );
      this.#report(diagnosis);
    } finally {
      this.#testButton.disabled = false;
    }
  }

  #report(diagnosis: Diagnosis): void {
    const doc = this.#form.ownerDocument;
    const paragraph = (text: string, className?: string): HTMLParagraphElement => {
      const p = doc.createElement('p');
      p.textContent = text;
      if (className) p.className = className;
      return p;
    };
    this.#result.hidden = false;
    this.#result.className = `connection-result${diagnosis.kind === 'ok' ? '' : ' failed'}`;
    this.#result.dataset['kind'] = diagnosis.kind;
    this.#result.replaceChildren(
      paragraph(`${diagnosis.kind === 'ok' ? '✓' : '✗'} ${diagnosis.title}`, 'verdict'),
    );
    if (diagnosis.detail) this.#result.append(paragraph(diagnosis.detail));
    this.#result.append(
      paragraph(
        diagnosis.kind === 'ok'
          ? 'Next: press "Use this endpoint" to chat with it.'
          : `Fix: ${diagnosis.fix}`,
      ),
    );
    if (diagnosis.command) {
      const pre = doc.createElement('pre');
      const code = doc.createElement('code');
      code.textContent = diagnosis.command;
      pre.append(code);
      pre.setAttribute('aria-label', 'Command to run');
      this.#result.append(pre);
    }
    if (diagnosis.kind === 'stream-options-rejected') {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'button small';
      button.textContent = 'Switch usage off and test again';
      button.addEventListener('click', () => {
        this.#includeUsage.checked = false;
        void this.#test();
      });
      this.#result.append(button);
    }
  }
}
