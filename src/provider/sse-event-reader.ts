import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { EventTooLargeError } from '../errors.js';

/** One server-sent event. `event` is `'error'` also for a bare `error:` field line (old llama.cpp). */
export interface ServerSentEvent {
  readonly event: string | undefined;
  readonly data: string;
}

/** Options of {@link SSEEventReader}. */
export interface SSEEventReaderOptions {
  /** Most characters one event (its pending data, or one unfinished line) may hold. Default 16 MiB. */
  readonly maxEventSize?: number;
  /**
   * Builds the error thrown when an event grows past the limit, from the limit and the start of
   * the text that did not fit. Default: an {@link EventTooLargeError} without context.
   */
  readonly tooLarge?: (limit: number, preview: string) => Error;
}

/** Default bound on one event: far above any real chunk, far below what exhausts a tab's memory. */
export const defaultMaxEventSize = 16 * 1024 * 1024;

// How much of an oversized event is kept for the error (redacted and shortened later).
const previewLength = 4096;
// An unfinished line also holds its field name (`data: `): room for it, so the bound is the data's.
const fieldNameRoom = 16;

/**
 * Decodes a byte stream into server-sent events, one batch per network read.
 * Batches keep the per-event cost low; `onEvents` runs synchronously for each read.
 * One event is bounded in size: its data still waiting for the blank line that ends it, an
 * unfinished line, or a whole event arriving at once; past the bound the reader throws.
 */
export class SSEEventReader {
  readonly #decoder = new TextDecoder();
  readonly #parser;
  readonly #maxEventSize: number;
  readonly #tooLarge: (limit: number, preview: string) => Error;
  #batch: ServerSentEvent[] = [];
  // Whole lines only reach the parser, so an unknown `error:` line is never lost to a split.
  #pendingLine = '';
  #oversized: string | undefined;
  // An overflow found after other events completed in the same read: thrown once those are handed out.
  #pendingFailure: Error | undefined;

  constructor(options: SSEEventReaderOptions = {}) {
    this.#maxEventSize = options.maxEventSize ?? defaultMaxEventSize;
    this.#tooLarge =
      options.tooLarge ?? ((limit, preview) => new EventTooLargeError(limit, preview));
    this.#parser = createParser({
      // The parser counts the data of the event it has not dispatched yet.
      maxBufferSize: this.#maxEventSize,
      onEvent: (message: EventSourceMessage) => {
        if (message.data.length > this.#maxEventSize)
          this.#oversized ??= message.data.slice(0, previewLength);
        else this.#batch.push({ event: message.event, data: message.data });
      },
      onError: (error) => {
        if (error.type === 'unknown-field' && error.field === 'error')
          this.#batch.push({ event: 'error', data: error.value ?? '' });
        if (error.type === 'max-buffer-size-exceeded') this.#oversized ??= '';
      },
    });
  }

  /**
   * Feeds one network read; returns the events it completed. Past the size bound it throws, or,
   * when events completed before the overflow in the same read, returns them and throws from
   * {@link throwIfFailed} (and from any later call).
   */
  push(bytes: Uint8Array): readonly ServerSentEvent[] {
    this.throwIfFailed();
    return this.#settle(() => this.#feedText(this.#decoder.decode(bytes, { stream: true })));
  }

  /** Ends the stream: flushes the decoder and dispatches a last event that had no blank line after it. */
  end(): readonly ServerSentEvent[] {
    this.throwIfFailed();
    return this.#settle(() => {
      const rest = this.#pendingLine + this.#decoder.decode();
      this.#pendingLine = '';
      if (rest) this.#feedParser(rest);
      this.#feedParser('\n\n');
    });
  }

  /** Throws the size error held back while the events before it were handed out. */
  throwIfFailed(): void {
    if (this.#pendingFailure) throw this.#pendingFailure;
  }

  #settle(feed: () => unknown): readonly ServerSentEvent[] {
    try {
      feed();
    } catch (error) {
      if (this.#batch.length === 0) throw error;
      this.#pendingFailure = error as Error;
    }
    return this.#takeBatch();
  }

  #feedText(text: string): void {
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (lastBreak === -1) {
      this.#pendingLine += text;
      this.#checkPendingLine();
      return;
    }
    const lines = this.#pendingLine + text.slice(0, lastBreak + 1);
    this.#pendingLine = text.slice(lastBreak + 1);
    this.#feedParser(lines);
    this.#checkPendingLine();
  }

  #checkPendingLine(): void {
    if (this.#pendingLine.length > this.#maxEventSize + fieldNameRoom)
      throw this.#tooLarge(this.#maxEventSize, this.#pendingLine.slice(0, previewLength));
  }

  #feedParser(text: string): void {
    this.#parser.feed(text);
    if (this.#oversized !== undefined)
      throw this.#tooLarge(this.#maxEventSize, this.#oversized || text.slice(0, previewLength));
  }

  #takeBatch(): readonly ServerSentEvent[] {
    if (this.#batch.length === 0) return noEvents;
    const batch = this.#batch;
    this.#batch = [];
    return batch;
  }
}

const noEvents: readonly ServerSentEvent[] = /* @__PURE__ */ Object.freeze([]);
