import {
  APIKeyFormatError,
  EventTooLargeError,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  StreamError,
  TimeoutError,
  type PartialResponse,
  type ProviderErrorDetails,
  withPartial as withPartialResponse,
} from '../errors.js';
import { abortableDelay } from '../internal/abortable-delay.js';
import { countOption, durationOption } from '../internal/check-option.js';
import {
  backoffDelayMs,
  isRetryableStatus,
  serverRetryDelayMs,
  serverRetryHint,
} from '../internal/retry-policy.js';
import type { ChatAPI, ChatRequest, ProviderEvent } from './chat-api.js';
import { baseChatSettings, cloneSettings, type ChatSettings } from './chat-settings.js';
import { checkImages, defaultMaxImageBytes } from './check-images.js';
import { CompletionAccumulator } from './completion-accumulator.js';
import { displayURL, joinURL, networkFailureHint } from './endpoint-url.js';
import {
  findUnsendableHeaderCharacter,
  findUnsendableKeyCharacter,
  trimHeaderValue,
} from './header-value-check.js';
import { parseErrorBody, readProviderError } from './provider-error-body.js';
import { readErrorBody } from './read-error-body.js';
import { redactError } from './redact-error.js';
import { SecretRedactor } from './redact-secret.js';
import { secretHeaderValues } from './secret-headers.js';
import { settleWithin, timedOut } from './settle-within.js';
import { SSEEventReader, defaultMaxEventSize, type ServerSentEvent } from './sse-event-reader.js';
import { TimedBodyReader, type BodyReadOutcome } from './timed-body-reader.js';
import { buildRequestBody } from './wire-request.js';
import { zeroUsage } from '../messages/usage.js';

/** Options of {@link OpenAIChatAPI}. */
export interface OpenAIChatAPIOptions {
  /** The model id, e.g. `gpt-4o-mini`, `llama3.1`. */
  model: string;
  /**
   * Sent as `Authorization: Bearer <key>` when set; spaces and line breaks around it are dropped.
   * Never logged or put in an error. A key holding a character that cannot be sent (a zero-width
   * space, a smart quote) fails each request with an `APIKeyFormatError` before anything is sent.
   */
  apiKey?: string | undefined;
  /** Base URL of the OpenAI-compatible API. Default `https://api.openai.com/v1`. */
  baseURL?: string | undefined;
  /**
   * Extra request headers. Each non-standard header makes CORS preflights stricter; add only what
   * the host needs. Values of credential headers (`api-key`, `x-api-key`, `*token*`, ...) are
   * redacted from errors like the key.
   */
  headers?: Record<string, string> | undefined;
  /** A `fetch` to use instead of the global one (a proxy, a test double, the demo model). */
  fetch?: typeof fetch | undefined;
  /** Retries for network errors, timeouts and 408/409/429/5xx before the first byte. A whole number >= 0; default 2. */
  maxRetries?: number | undefined;
  /**
   * Milliseconds to wait for the response headers, per attempt; running out counts as a network
   * error (retried, then a `TimeoutError` with phase `'response'`). Default 120 000; `Infinity` waits forever.
   */
  timeout?: number | undefined;
  /**
   * Longest silence, in milliseconds, while waiting for the next bytes of a response body. Before
   * the first byte it is retried; afterwards it ends the request with a `TimeoutError` with phase
   * `'idle'` carrying the partial answer. Default 120 000; `Infinity` waits forever.
   */
  idleTimeout?: number | undefined;
  /**
   * Most characters one streamed event (or a non-streamed JSON body) may hold; a larger one fails
   * with an `EventTooLargeError` instead of growing without bound. Default 16 MiB (16 777 216).
   */
  maxEventBytes?: number | undefined;
  /**
   * Most bytes one image of a request may hold, measured on a `data:` URL's decoded data; a larger
   * one fails the request with an `ImageTooLargeError` before anything is sent. `https:` images are
   * fetched by the provider and checked there. Default 20 000 000 (OpenAI's 20 MB per image);
   * `Infinity` turns the check off.
   */
  maxImageBytes?: number | undefined;
  /** Settings every request starts from; `getDefaultSettings()` returns a copy. */
  defaultSettings?: ChatSettings | undefined;
}

const maxErrorBodyChars = 4096;
/** Bytes of one network read handled before its events are handed on (about 500 events of a stream). */
const readSliceBytes = 64 * 1024;
const defaultTimeoutMs = 120_000;

/** A successful response whose first read has completed. */
interface OpenedResponse {
  readonly response: Response;
  readonly body: TimedBodyReader | undefined;
  readonly first: BodyReadOutcome;
}

type Partial = () => PartialResponse;

const isDoneMarker = (data: string): boolean =>
  data === '[DONE]' || (data.length < 32 && data.trim() === '[DONE]');

/** A streaming client for any OpenAI-compatible `/chat/completions` endpoint, built on `fetch`. */
export class OpenAIChatAPI implements ChatAPI {
  readonly model: string;
  readonly baseURL: string;
  readonly maxRetries: number;
  /** Milliseconds to wait for the response headers, per attempt. */
  readonly timeout: number;
  /** Longest wait, in milliseconds, for the next bytes of a response body. */
  readonly idleTimeout: number;
  /** Most characters one streamed event may hold. */
  readonly maxEventBytes: number;
  /** Most decoded bytes one `data:` image of a request may hold. */
  readonly maxImageBytes: number;
  readonly #apiKey: string | undefined;
  readonly #headers: Record<string, string>;
  readonly #headerProblem: ConstructorParameters<typeof APIKeyFormatError>[0] | undefined;
  readonly #redactor: SecretRedactor;
  readonly #fetch: typeof fetch;
  readonly #defaults: ChatSettings;

  /** @throws TypeError when `maxRetries`, `timeout`, `idleTimeout`, `maxEventBytes` or `maxImageBytes` is not a usable number. */
  constructor(options: OpenAIChatAPIOptions) {
    this.model = options.model;
    this.baseURL = options.baseURL ?? 'https://api.openai.com/v1';
    this.maxRetries = countOption('maxRetries', options.maxRetries, 2, 0);
    this.timeout = durationOption('timeout', options.timeout, defaultTimeoutMs);
    this.idleTimeout = durationOption('idleTimeout', options.idleTimeout, defaultTimeoutMs);
    this.maxEventBytes = countOption(
      'maxEventBytes',
      options.maxEventBytes,
      defaultMaxEventSize,
      1,
    );
    this.maxImageBytes = countOption(
      'maxImageBytes',
      options.maxImageBytes,
      defaultMaxImageBytes,
      1,
      true,
    );
    this.#apiKey = options.apiKey ? trimHeaderValue(options.apiKey) || undefined : undefined;
    this.#headers = { ...options.headers };
    this.#headerProblem = findHeaderProblem(this.#apiKey, this.#headers);
    this.#redactor = new SecretRedactor([this.#apiKey, ...secretHeaderValues(this.#headers)]);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // Called through globalThis: the native fetch throws "Illegal invocation" on any other `this`.
    this.#fetch = (input, init) => fetchImpl.call(globalThis, input, init);
    this.#defaults = cloneSettings({ ...baseChatSettings, ...options.defaultSettings });
  }

  /** True when requests carry an API key (the key itself stays private). */
  get hasAPIKey(): boolean {
    return this.#apiKey !== undefined;
  }

  /** A fresh copy of the default settings; changing it never changes the defaults. */
  getDefaultSettings(): ChatSettings {
    return cloneSettings(this.#defaults);
  }

  /** Streams one chat-completions request as normalised events. */
  async *streamChat(request: ChatRequest): AsyncGenerator<ProviderEvent, void, undefined> {
    for await (const batch of this.streamChatBatches(request)) yield* batch;
  }

  /** The same events, one array per network read: one await per read instead of per event. */
  async *streamChatBatches(
    request: ChatRequest,
  ): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
    const url = joinURL(this.baseURL, 'chat/completions');
    const shownURL = displayURL(url);
    const { signal } = request;
    try {
      // Checked per request, not at construction: a key is user input, and its error belongs to the turn.
      if (this.#headerProblem) throw new APIKeyFormatError(this.#headerProblem, { url: shownURL });
      checkImages(request.messages, this.maxImageBytes, shownURL);
      const body = JSON.stringify(
        buildRequestBody(this.model, request.messages, request.settings, request.tools),
      );
      const opened = await this.#open(url, shownURL, body, signal);
      yield* this.#readResponse(opened, shownURL, signal);
    } catch (error) {
      // The caller's own abort reason goes back untouched; everything else leaves without secrets.
      if (signal?.aborted && error === signal.reason) throw error;
      throw redactError(error, this.#redactor);
    }
  }

  /** Sends the request, retrying what may succeed on another try, until a response's first bytes arrive. */
  async #open(
    url: string,
    shownURL: string,
    body: string,
    signal: AbortSignal | undefined,
  ): Promise<OpenedResponse> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      ...this.#headers,
    };
    if (this.#apiKey) headers['Authorization'] = `Bearer ${this.#apiKey}`;
    for (let attempt = 0; ; attempt++) {
      const retry = attempt < this.maxRetries;
      const attemptAbort = new AbortController();
      const fetchSignal = signal
        ? AbortSignal.any([signal, attemptAbort.signal])
        : attemptAbort.signal;
      let outcome: Response | typeof timedOut;
      try {
        outcome = await settleWithin(
          this.#fetch(url, { method: 'POST', headers, body, signal: fetchSignal }),
          this.timeout,
        );
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (retry) {
          await abortableDelay(backoffDelayMs(attempt), signal);
          continue;
        }
        throw new NetworkError(
          `Could not reach ${shownURL}: the request failed before any response arrived (network error or CORS refusal).`,
          networkFailureHint(url),
          { cause: error, url: shownURL },
        );
      }
      if (signal?.aborted) throw signal.reason;
      if (outcome === timedOut) {
        attemptAbort.abort();
        if (retry) {
          await abortableDelay(backoffDelayMs(attempt), signal);
          continue;
        }
        throw new TimeoutError('response', this.timeout, { url: shownURL });
      }
      const response = outcome;
      if (response.ok) {
        if (!response.body) return { response, body: undefined, first: { kind: 'end' } };
        const reader = new TimedBodyReader(response.body, this.idleTimeout, () =>
          attemptAbort.abort(),
        );
        const first = await reader.read();
        // Silence before the first byte is a timeout like any other: nothing was received yet.
        if (first.kind === 'idle' && retry && !signal?.aborted) {
          await abortableDelay(backoffDelayMs(attempt), signal);
          continue;
        }
        return { response, body: reader, first };
      }
      const serverSaysRetry =
        serverRetryHint(response.headers) ?? isRetryableStatus(response.status);
      if (serverSaysRetry && retry) {
        await response.body?.cancel().catch(() => undefined);
        await abortableDelay(
          serverRetryDelayMs(response.headers) ?? backoffDelayMs(attempt),
          signal,
        );
        continue;
      }
      throw await this.#httpError(response, shownURL);
    }
  }

  async #httpError(response: Response, url: string): Promise<HTTPError> {
    // Read past the limit by one echoed key, redact, then cut: a key straddling the cut goes whole.
    const text = await readErrorBody(
      response,
      maxErrorBodyChars + this.#redactor.longestEcho,
      this.idleTimeout,
    ).catch(() => '');
    const body = this.#redactor.redactThenCut(text, maxErrorBodyChars);
    const details = parseErrorBody(body, response.headers.get('content-type') ?? '');
    const retryAfterMs = serverRetryDelayMs(response.headers);
    return new HTTPError(
      {
        status: response.status,
        statusText: this.#redactor.redact(response.statusText),
        body,
        retryAfter: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
        ...this.#cleanDetails(details),
      },
      { url },
    );
  }

  async *#readResponse(
    opened: OpenedResponse,
    url: string,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
    const { response, body } = opened;
    if (!body) throw new IncompleteStreamError(`The response from ${url} has no body.`, { url });
    const accumulator = new CompletionAccumulator();
    const partial: Partial = () => ({
      text: accumulator.text,
      reasoning: accumulator.reasoning,
      messages: [],
      usage: zeroUsage,
    });
    try {
      const contentType = response.headers.get('content-type') ?? '';
      if (contentType.includes('json') && !contentType.includes('event-stream')) {
        // The host ignored `stream: true` (or sent an error with status 200): read the whole body.
        const text = await this.#readWhole(body, opened.first, url, signal);
        const events: ProviderEvent[] = [];
        this.#applyData(text, accumulator, events, url, partial, false);
        if (events.length > 0) yield events;
        yield [{ type: 'finish', step: accumulator.finish() }];
        return;
      }
      yield* this.#readEvents(body, opened.first, accumulator, url, signal, partial);
    } finally {
      // Leaving early (a `break`, an error, an abort) cancels the request; after the end it is a no-op.
      body.cancel();
    }
  }

  async *#readEvents(
    body: TimedBodyReader,
    first: BodyReadOutcome,
    accumulator: CompletionAccumulator,
    url: string,
    signal: AbortSignal | undefined,
    partial: Partial,
  ): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
    // The partial answer is attached where the error surfaces, after the events before it were applied.
    const sse = new SSEEventReader({
      maxEventSize: this.maxEventBytes,
      tooLarge: (limit, preview) =>
        new EventTooLargeError(limit, this.#redactor.redact(preview), { url }),
    });
    const withPartial = (error: unknown): unknown =>
      error instanceof EventTooLargeError ? withPartialResponse(error, partial()) : error;
    let read = first;
    let rest: BodyReadOutcome | undefined;
    let sawDone = false;
    for (;;) {
      if (read.kind === 'idle' || read.kind === 'failed') {
        if (signal?.aborted) throw signal.reason;
        // After the finish reason, a stall or a drop loses nothing of the answer (at most the usage).
        if (accumulator.hasFinishReason) break;
        if (read.kind === 'idle')
          throw new TimeoutError('idle', this.idleTimeout, { url, partial: partial() });
        throw new IncompleteStreamError(`The connection to ${url} was lost mid-stream.`, {
          cause: read.error,
          url,
          partial: partial(),
        });
      }
      // A read of a megabyte holds thousands of events: handled in slices, each one yielded, so a
      // consumer that lets the browser paint between batches never blocks it for long.
      if (read.kind === 'bytes' && read.bytes.length > readSliceBytes) {
        rest = { kind: 'bytes', bytes: read.bytes.subarray(readSliceBytes) };
        read = { kind: 'bytes', bytes: read.bytes.subarray(0, readSliceBytes) };
      }
      const atEnd = read.kind === 'end';
      let batch: readonly ServerSentEvent[];
      try {
        batch = read.kind === 'end' ? sse.end() : sse.push(read.bytes);
      } catch (error) {
        throw withPartial(error);
      }
      const events: ProviderEvent[] = [];
      // Boxed: a thrown `undefined` is a failure too.
      let failure: { readonly thrown: unknown } | undefined;
      try {
        for (const event of batch) {
          if (event.event !== 'error') {
            if (isDoneMarker(event.data)) {
              sawDone = true;
              break;
            }
            // An empty `data:` event carries nothing (some proxies send them as keep-alives).
            if (event.data === '') continue;
          }
          this.#applyEvent(event, accumulator, events, url, partial, atEnd);
        }
      } catch (error) {
        failure = { thrown: error };
      }
      // What arrived before a failure in the same read is still delivered, then the error.
      if (events.length > 0) yield events;
      if (failure) throw failure.thrown;
      if (sawDone) break;
      try {
        sse.throwIfFailed();
      } catch (error) {
        throw withPartial(error);
      }
      if (atEnd) break;
      read = rest ?? (await body.read());
      rest = undefined;
    }
    if (!sawDone && !accumulator.hasFinishReason) {
      throw new IncompleteStreamError(
        `The stream from ${url} ended before the response was finished (no finish reason and no [DONE]).`,
        { url, partial: partial() },
      );
    }
    // The end is known: release the connection now, even if the server would keep it open.
    body.cancel();
    yield [{ type: 'finish', step: accumulator.finish() }];
  }

  /** The whole of a non-streamed body, bounded like one event. */
  async #readWhole(
    body: TimedBodyReader,
    first: BodyReadOutcome,
    url: string,
    signal: AbortSignal | undefined,
  ): Promise<string> {
    const decoder = new TextDecoder();
    let text = '';
    let read = first;
    while (read.kind === 'bytes') {
      text += decoder.decode(read.bytes, { stream: true });
      if (text.length > this.maxEventBytes)
        throw new EventTooLargeError(
          this.maxEventBytes,
          this.#redactor.redact(text.slice(0, 4096)),
          { url },
        );
      read = await body.read();
    }
    if (read.kind === 'end') return text + decoder.decode();
    if (signal?.aborted) throw signal.reason;
    if (read.kind === 'idle') throw new TimeoutError('idle', this.idleTimeout, { url });
    throw new IncompleteStreamError(
      `The connection to ${url} was lost before the whole response arrived.`,
      { cause: read.error, url },
    );
  }

  #applyEvent(
    event: ServerSentEvent,
    accumulator: CompletionAccumulator,
    events: ProviderEvent[],
    url: string,
    partial: Partial,
    atEnd: boolean,
  ): void {
    if (event.event === 'error') {
      let payload: unknown = event.data;
      try {
        payload = JSON.parse(event.data);
      } catch {
        // A plain-text error message.
      }
      throw this.#streamError(payload, url, partial());
    }
    this.#applyData(event.data, accumulator, events, url, partial, atEnd);
  }

  /** Applies one event's JSON; `atEnd` marks the event the end of the body cut off without its blank line. */
  #applyData(
    data: string,
    accumulator: CompletionAccumulator,
    events: ProviderEvent[],
    url: string,
    partial: Partial,
    atEnd: boolean,
  ): void {
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch (error) {
      if (atEnd && error instanceof SyntaxError) {
        // Cut inside the final event (or inside [DONE]): after the finish reason nothing is missing.
        if (accumulator.hasFinishReason) return;
        throw new IncompleteStreamError(
          `The stream from ${url} was cut off inside its last event, before the response was finished.`,
          { url, partial: partial() },
        );
      }
      const why =
        error instanceof SyntaxError
          ? 'is not valid JSON'
          : 'could not be read (nested too deeply or too large)';
      throw new MalformedStreamError(
        `The stream from ${url} sent an event that ${why}.`,
        this.#redactor.redact(data),
        { cause: error, url, partial: partial() },
      );
    }
    let outcome: ReturnType<CompletionAccumulator['apply']>;
    try {
      outcome = accumulator.apply(chunk, events);
    } catch (error) {
      // A shape no provider sends (e.g. nesting that overflows the stack) is malformed, never an untyped crash.
      throw new MalformedStreamError(
        `The stream from ${url} sent an event that could not be read${error instanceof RangeError ? ` (${error.message})` : ''}.`,
        this.#redactor.redact(data),
        { cause: error, url, partial: partial() },
      );
    }
    if (outcome) throw this.#streamError(outcome.errorPayload, url, partial());
    if (accumulator.finishReasonIsError)
      throw this.#streamError(
        { error: { message: 'The provider ended the response with finish_reason "error".' } },
        url,
        partial(),
      );
  }

  #streamError(payload: unknown, url: string, partial: PartialResponse): StreamError {
    return new StreamError(
      this.#cleanDetails(readProviderError(payload, (text) => this.#redactor.redact(text))),
      { url, partial },
    );
  }

  /** Provider error fields with secrets removed and absent ones left out. */
  #cleanDetails(details: ProviderErrorDetails): ProviderErrorDetails {
    const redact = this.#redactor;
    return {
      ...(details.providerMessage === undefined
        ? {}
        : { providerMessage: redact.redact(details.providerMessage) }),
      ...(details.code === undefined ? {} : { code: redact.redactValue(details.code) }),
      ...(details.type === undefined ? {} : { type: redact.redact(details.type) }),
      ...(details.param === undefined ? {} : { param: redact.redact(details.param) }),
    };
  }
}

/** The first header value that cannot be sent, the API key first; `undefined` when all can. */
function findHeaderProblem(
  apiKey: string | undefined,
  headers: Readonly<Record<string, string>>,
): ConstructorParameters<typeof APIKeyFormatError>[0] | undefined {
  const inKey = apiKey === undefined ? undefined : findUnsendableKeyCharacter(apiKey);
  if (inKey) return { header: 'Authorization', ...inKey };
  for (const [header, value] of Object.entries(headers)) {
    const found = findUnsendableHeaderCharacter(String(value));
    if (found) return { header, ...found };
  }
  return undefined;
}
