import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** One server-sent event. `event` is `'error'` also for a bare `error:` field line (old llama.cpp). */
export interface ServerSentEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/**
 * Decodes a byte stream into server-sent events, one batch per network read.
 * Batches keep the per-event cost low; `onEvents` runs synchronously for each read.
 */
export class SSEEventReader {
  readonly #decoder = new TextDecoder();
  readonly #parser;
  #batch: ServerSentEvent[] = [];
  // Whole lines only reach the parser, so an unknown `error:` line is never lost to a split.
  #pendingLine = '';

  constructor() {
    this.#parser = createParser({
      onEvent: (message: EventSourceMessage) => {
        this.#batch.push({ event: message.event, data: message.data });
      },
      onError: (error) => {
        if (error.type === 'unknown-field' && error.field === 'error') this.#batch.push({ event: 'error', data: error.value ?? '' });
      },
    });
  }

  /** Feeds one network read; returns the events it completed. */
  push(bytes: Uint8Array): readonly ServerSentEvent[] {
    return this.#feedText(this.#decoder.decode(bytes, { stream: true }));
  }

  /** Ends the stream: flushes the decoder and dispatches a last event that had no blank line after it. */
  end(): readonly ServerSentEvent[] {
    const rest = this.#pendingLine + this.#decoder.decode();
    this.#pendingLine = '';
    if (rest) this.#parser.feed(rest);
    this.#parser.feed('\n\n');
    return this.#takeBatch();
  }

  #feedText(text: string): readonly ServerSentEvent[] {
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (lastBreak === -1) {
      this.#pendingLine += text;
      return this.#takeBatch();
    }
    this.#parser.feed(this.#pendingLine + text.slice(0, lastBreak + 1));
    this.#pendingLine = text.slice(lastBreak + 1);
    return this.#takeBatch();
  }

  #takeBatch(): readonly ServerSentEvent[] {
    if (this.#batch.length === 0) return noEvents;
    const batch = this.#batch;
    this.#batch = [];
    return batch;
  }
}

const noEvents: readonly ServerSentEvent[] = Object.freeze([]);
