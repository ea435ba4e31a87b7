import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A value kept for a few seconds so an action can be undone (the cleared conversation). */
export class UndoOffer<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #value: T | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True while Undo is offered. */
  get pending(): boolean {
    return this.#value !== undefined;
  }

  /** Keeps `value` for `ms` milliseconds. */
  offer(value: T, ms: number): void {
    clearTimeout(this.#timer);
    this.#value = value;
    this.#timer = setTimeout(() => this.dismiss(), ms);
    this.#host.requestUpdate();
  }

  /** The kept value, once; the offer ends. */
  take(): T | undefined {
    const value = this.#value;
    this.dismiss();
    return value;
  }

  /** Ends the offer (time is up, or the user moved on). */
  dismiss(): void {
    if (this.#value === undefined) return;
    clearTimeout(this.#timer);
    this.#value = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#value = undefined;
  }
}
