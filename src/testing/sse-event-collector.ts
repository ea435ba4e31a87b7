import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { RecordedEvent } from './recording.js';

/**
 * Cuts body text into {@link RecordedEvent}s with eventsource-parser, stamping each with the time
 * of the read that completed it. Comments and bare `error:` lines are kept, as the library's reader
 * acts on them.
 */
export class SSEEventCollector {
  readonly events: RecordedEvent[] = [];
  readonly #decoder = new TextDecoder();
  readonly #parser: EventSourceParser;
  #atMs = 0;

  constructor() {
    this.#parser = createParser({
      onEvent: (message) =>
        this.events.push({
          atMs: this.#atMs,
          data: message.data,
          ...(message.event === undefined ? {} : { event: message.event }),
          ...(message.id === undefined ? {} : { id: message.id }),
        }),
      onComment: (comment) => this.events.push({ atMs: this.#atMs, comment }),
      onError: (error) => {
        if (error.type === 'unknown-field' && error.field === 'error')
          this.events.push({ atMs: this.#atMs, data: error.value ?? '', event: 'error' });
      },
    });
  }

  /** Feeds one read (bytes or text) that arrived `atMs` after the response headers. */
  push(read: Uint8Array | string, atMs: number): void {
    this.#atMs = atMs;
    this.#parser.feed(
      typeof read === 'string' ? read : this.#decoder.decode(read, { stream: true }),
    );
  }

  /** Ends the body: an event without its closing blank line is still kept, as the library's reader does. */
  end(atMs: number): RecordedEvent[] {
    this.#atMs = atMs;
    // Two line breaks end a last line and dispatch its event, as the library's reader does at the end.
    this.#parser.feed(`${this.#decoder.decode()}\n\n`);
    return this.events;
  }
}
