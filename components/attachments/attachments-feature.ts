import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ChatStrings } from '../chat-strings.js';
import type { AttachmentController, AttachmentSettings } from './attachment-controller.js';
import type * as ComposerModule from './composer-attachments.js';

let composer: Promise<typeof ComposerModule> | undefined;

function loadComposer(): Promise<typeof ComposerModule> {
  composer ??= import('./composer-attachments.js').catch((error: unknown) => {
    // A chunk that failed to load (offline, a missing file) is tried again by the next element.
    composer = undefined;
    throw error;
  });
  return composer;
}

/**
 * The element's side of attachments: loads the composer's attachment code the first time
 * `attachments` is set (so pages without it do not ship it), then hands out its controller and
 * templates. Until then every template is empty and no file is taken.
 */
export class AttachmentsFeature {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: Node };
  readonly #settings: AttachmentSettings;
  readonly #enabled: () => boolean;
  #loading = false;
  #module: typeof ComposerModule | undefined;
  #controller: AttachmentController | undefined;

  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: Node },
    settings: AttachmentSettings,
    enabled: () => boolean,
  ) {
    this.#host = host;
    this.#settings = settings;
    this.#enabled = enabled;
  }

  /** Starts loading the composer's attachment code, once. */
  enable(): void {
    if (this.#loading) return;
    this.#loading = true;
    loadComposer().then(
      (module) => {
        this.#module = module;
        this.#controller = new module.AttachmentController(this.#host, this.#settings);
        module.adoptComposerStyles(this.#host.renderRoot);
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        this.#loading = false;
        console.warn('<tool-agent-chat>: the attachment code could not be loaded.', error);
      },
    );
  }

  /** The files' controller, once loaded and while attachments are on (files left when they are turned off are not sent). */
  get controller(): AttachmentController | undefined {
    return this.#enabled() ? this.#controller : undefined;
  }

  /** The attach button and its file input; nothing until loaded or with attachments off. */
  button(attribute: string | undefined, disabled: boolean, strings: ChatStrings): unknown {
    const module = this.#module;
    const controller = this.controller;
    if (!module || !controller || attribute === undefined) return undefined;
    return module.attachButtonTemplate({
      accept: module.acceptedTypes(attribute).join(','),
      disabled,
      onPick: controller.onPick,
      strings,
    });
  }

  /** The files waiting to be sent and the refusals; nothing until loaded. */
  list(strings: ChatStrings): unknown {
    const module = this.#module;
    const controller = this.controller;
    if (!module || !controller) return nothing;
    return module.composerAttachmentsTemplate({
      items: controller.items,
      problems: controller.problems,
      onRemove: (key) => controller.remove(key),
      onDismiss: () => controller.dismissProblems(),
      strings,
    });
  }

  /** The highlight over the element while files are dragged over it. */
  dropZone(strings: ChatStrings): unknown {
    return this.controller?.dragging
      ? html`<div class="drop-zone" part="drop-zone" aria-hidden="true">${strings.dropFiles}</div>`
      : nothing;
  }
}
