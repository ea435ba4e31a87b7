import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { forgetApiKey, loadApiKey, saveApiKey } from './api-key-store.js';

/**
 * Why a key is asked for again: the server refused it, the server wanted one and none was sent,
 * or it cannot be sent at all (which character, where).
 */
export type KeyRejection =
  | { readonly kind: 'unauthorized' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unsendable'; readonly character: string; readonly position: number };

/**
 * The API key and where it came from: the page (`apiKey` property), the user's form (memory
 * only), or this device's storage ("remember"). The key lives in private fields only: never an
 * attribute, the DOM, an event or a log.
 */
export class ApiKeyController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #baseURL: string | undefined;
  /** Set by the page through the `apiKey` property. */
  #pageKey: string | undefined;
  /** Typed into the key form during this page's life. */
  #formKey: string | undefined;
  /** Remembered on this device for the current base URL. */
  #storedKey: string | undefined;
  #rejection: KeyRejection | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Points the controller at an endpoint; a remembered key is scoped to it. */
  setBaseURL(baseURL: string): void {
    if (baseURL === this.#baseURL) return;
    this.#baseURL = baseURL;
    this.#storedKey = loadApiKey(baseURL);
    this.#rejection = undefined;
  }

  get pageKey(): string | undefined {
    return this.#pageKey;
  }

  /** A pasted key often carries a space or a line break; the key sent is trimmed. */
  set pageKey(key: string | undefined) {
    this.#pageKey = (typeof key === 'string' ? key.trim() : undefined) || undefined;
    this.#rejection = undefined;
    this.#host.requestUpdate();
  }

  /** The key requests are sent with: the user's typed key, else the page's, else the remembered one. */
  get key(): string | undefined {
    return this.#formKey ?? this.#pageKey ?? this.#storedKey;
  }

  /** True after the key was refused (HTTP 401, or a character that cannot be sent) and until a new key is given. */
  get rejected(): boolean {
    return this.#rejection !== undefined;
  }

  /** Why the key in use was refused, until a new key is given. */
  get rejection(): KeyRejection | undefined {
    return this.#rejection;
  }

  /** How the user's own key is kept, for the footer line; `undefined` when the user gave none. */
  get userKeyKeeping(): 'memory' | 'device' | undefined {
    if (this.#formKey !== undefined) return this.#formKey === this.#storedKey ? 'device' : 'memory';
    return this.#pageKey === undefined && this.#storedKey !== undefined ? 'device' : undefined;
  }

  /** The user typed a key: keep it in memory, and on this device when asked to. */
  submit(typed: string, remember: boolean): void {
    const key = typed.trim();
    if (!key) return;
    this.#formKey = key;
    if (remember && this.#baseURL !== undefined && saveApiKey(this.#baseURL, key))
      this.#storedKey = key;
    this.#rejection = undefined;
    this.#host.requestUpdate();
  }

  /** Forgets the user's key, in memory and on this device. */
  forget(): void {
    this.#formKey = undefined;
    if (this.#baseURL !== undefined) forgetApiKey(this.#baseURL);
    this.#storedKey = undefined;
    this.#host.requestUpdate();
  }

  /**
   * The key in use is wrong (the server answered 401, or it holds a character no header can carry):
   * drop the user's copies and ask again.
   */
  reject(rejection: KeyRejection = { kind: 'unauthorized' }): void {
    this.#rejection = rejection;
    if (this.#formKey !== undefined || this.#pageKey === undefined) this.forget();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // Another tab may have remembered or forgotten a key meanwhile.
    if (this.#baseURL !== undefined) this.#storedKey = loadApiKey(this.#baseURL);
  }
}
