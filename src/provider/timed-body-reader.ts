/** The outcome of one read of a response body. */
export type BodyReadOutcome =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'end' }
  /** Nothing arrived within the idle timeout; the body has been cancelled. */
  | { readonly kind: 'idle' }
  | { readonly kind: 'failed'; readonly error: unknown };

const now = (): number => globalThis.performance?.now() ?? Date.now();

/**
 * Reads a response body with an idle timeout: the longest wait for the next bytes while a read is
 * pending. Time the consumer spends between reads does not count. When the wait runs out the body
 * is cancelled (which releases the connection even if the server ignores the abort) and the read
 * reports `idle`. One timer per stream, re-armed only when it fires early, so reads stay cheap.
 */
export class TimedBodyReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #idleTimeoutMs: number;
  readonly #onIdle: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #waitingSince: number | undefined;
  #idle = false;
  #closed = false;
  #bytesRead = 0;

  /** `onIdle` runs once when the timeout fires (e.g. to abort the request). `Infinity` disables the timeout. */
  constructor(
    body: ReadableStream<Uint8Array>,
    idleTimeoutMs: number,
    onIdle: () => void = () => undefined,
  ) {
    this.#reader = body.getReader();
    this.#idleTimeoutMs = idleTimeoutMs;
    this.#onIdle = onIdle;
  }

  /** Bytes read so far. */
  get bytesRead(): number {
    return this.#bytesRead;
  }

  /** Waits for the next bytes, the end, a failure or the idle timeout. */
  async read(): Promise<BodyReadOutcome> {
    if (this.#idle) return idleOutcome;
    this.#waitingSince = now();
    if (this.#timer === undefined && Number.isFinite(this.#idleTimeoutMs))
      this.#arm(this.#idleTimeoutMs);
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.#reader.read();
    } catch (error) {
      if (this.#idle) return idleOutcome;
      this.#stopTimer();
      return { kind: 'failed', error };
    } finally {
      this.#waitingSince = undefined;
    }
    // A cancel on timeout resolves the pending read as done: that is the timeout, not the end.
    if (this.#idle) return idleOutcome;
    if (result.done) {
      this.#closed = true;
      this.#stopTimer();
      return endOutcome;
    }
    this.#bytesRead += result.value.byteLength;
    return { kind: 'bytes', bytes: result.value };
  }

  /** Cancels the body (releasing the connection) and stops the timer; safe to call more than once. */
  cancel(): void {
    this.#stopTimer();
    if (this.#closed) return;
    this.#closed = true;
    this.#reader.cancel().catch(() => undefined);
  }

  #arm(delayMs: number): void {
    this.#timer = setTimeout(() => this.#check(), delayMs);
  }

  #check(): void {
    this.#timer = undefined;
    // The consumer is between reads: no timer until the next read starts one.
    if (this.#waitingSince === undefined || this.#closed) return;
    const waited = now() - this.#waitingSince;
    if (waited < this.#idleTimeoutMs) {
      this.#arm(this.#idleTimeoutMs - waited);
      return;
    }
    this.#idle = true;
    this.cancel();
    this.#onIdle();
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

const idleOutcome: BodyReadOutcome = /* @__PURE__ */ Object.freeze({ kind: 'idle' });
const endOutcome: BodyReadOutcome = /* @__PURE__ */ Object.freeze({ kind: 'end' });
