import { HTTPError, IncompleteStreamError, MalformedStreamError, NetworkError, StreamError, type PartialResponse } from '../errors.js';
import { abortableDelay } from '../internal/abortable-delay.js';
import { backoffDelayMs, isRetryableStatus, serverRetryDelayMs, serverRetryHint } from '../internal/retry-policy.js';
import type { ChatAPI, ChatRequest, ProviderEvent } from './chat-api.js';
import { baseChatSettings, cloneSettings, type ChatSettings } from './chat-settings.js';
import { CompletionAccumulator } from './completion-accumulator.js';
import { displayURL, joinURL, networkFailureHint } from './endpoint-url.js';
import { parseErrorBody, readProviderError } from './provider-error-body.js';
import { SSEEventReader, type ServerSentEvent } from './sse-event-reader.js';
import { buildRequestBody } from './wire-request.js';
import { zeroUsage } from './wire-usage.js';

/** Options of {@link OpenAIChatAPI}. */
export interface OpenAIChatAPIOptions {
  /** The model id, e.g. `gpt-4o-mini`, `llama3.1`. */
  model: string;
  /** Sent as `Authorization: Bearer <key>` when set. Never logged or put in an error. */
  apiKey?: string | undefined;
  /** Base URL of the OpenAI-compatible API. Default `https://api.openai.com/v1`. */
  baseURL?: string | undefined;
  /** Extra request headers. Each non-standard header makes CORS preflights stricter; add only what the host needs. */
  headers?: Record<string, string> | undefined;
  /** A `fetch` to use instead of the global one (a proxy, a test double, the demo model). */
  fetch?: typeof fetch | undefined;
  /** Retries for network errors and 408/409/429/5xx before the first byte. Default 2. */
  maxRetries?: number | undefined;
  /** Settings every request starts from; `getDefaultSettings()` returns a copy. */
  defaultSettings?: ChatSettings | undefined;
}

const maxErrorBodyBytes = 4096;

/** A streaming client for any OpenAI-compatible `/chat/completions` endpoint, built on `fetch`. */
export class OpenAIChatAPI implements ChatAPI {
  readonly model: string;
  readonly baseURL: string;
  readonly maxRetries: number;
  readonly #apiKey: string | undefined;
  readonly #headers: Record<string, string>;
  readonly #fetch: typeof fetch;
  readonly #defaults: ChatSettings;

  constructor(options: OpenAIChatAPIOptions) {
    this.model = options.model;
    this.baseURL = options.baseURL ?? 'https://api.openai.com/v1';
    this.maxRetries = Math.max(0, options.maxRetries ?? 2);
    this.#apiKey = options.apiKey || undefined;
    this.#headers = { ...options.headers };
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // Called through globalThis: the native fetch throws "Illegal invocation" on any other `this`.
    this.#fetch = (input, init) => fetchImpl.call(globalThis, input, init);
    this.#defaults = cloneSettings({ ...baseChatSettings, ...options.defaultSettings });
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
  async *streamChatBatches(request: ChatRequest): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
    const url = joinURL(this.baseURL, 'chat/completions');
    const body = JSON.stringify(buildRequestBody(this.model, request.messages, request.settings, request.tools));
    const response = await this.#send(url, body, request.signal);
    yield* this.#readResponse(response, displayURL(url), request.signal);
  }

  async #send(url: string, body: string, signal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...this.#headers };
    if (this.#apiKey) headers['Authorization'] = `Bearer ${this.#apiKey}`;
    const shownURL = displayURL(url);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.#fetch(url, { method: 'POST', headers, body, signal: signal ?? null });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (attempt < this.maxRetries) {
          await abortableDelay(backoffDelayMs(attempt), signal);
          continue;
        }
        throw new NetworkError(`Could not reach ${shownURL}: the request failed before any response arrived (network error or CORS refusal).`, networkFailureHint(url), { cause: error, url: shownURL });
      }
      if (response.ok) return response;
      const retry = serverRetryHint(response.headers) ?? isRetryableStatus(response.status);
      if (retry && attempt < this.maxRetries) {
        await response.body?.cancel().catch(() => undefined);
        await abortableDelay(serverRetryDelayMs(response.headers) ?? backoffDelayMs(attempt), signal);
        continue;
      }
      throw await this.#httpError(response, shownURL);
    }
  }

  async #httpError(response: Response, url: string): Promise<HTTPError> {
    const text = await readLimited(response, maxErrorBodyBytes).catch(() => '');
    const details = parseErrorBody(text, response.headers.get('content-type') ?? '');
    const retryAfterMs = serverRetryDelayMs(response.headers);
    return new HTTPError(
      {
        status: response.status,
        statusText: response.statusText,
        body: this.#redact(text),
        retryAfter: retryAfterMs === undefined ? undefined : retryAfterMs / 1000,
        ...(details.providerMessage === undefined ? {} : { providerMessage: this.#redact(details.providerMessage) }),
        ...(details.code === undefined ? {} : { code: details.code }),
        ...(details.type === undefined ? {} : { type: details.type }),
      },
      { url },
    );
  }

  async *#readResponse(response: Response, url: string, signal: AbortSignal | undefined): AsyncGenerator<readonly ProviderEvent[], void, undefined> {
    const accumulator = new CompletionAccumulator();
    const partial = (): PartialResponse => ({ text: accumulator.text, reasoning: accumulator.reasoning, messages: [], usage: zeroUsage });
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('json') && !contentType.includes('event-stream')) {
      // The host ignored `stream: true` (or sent an error with status 200): read the whole body.
      const text = await response.text();
      const events: ProviderEvent[] = [];
      this.#applyData(text, accumulator, events, url, partial);
      yield events;
      yield [{ type: 'finish', step: accumulator.finish() }];
      return;
    }
    if (!response.body) throw new IncompleteStreamError(`The response from ${url} has no body.`, { url });

    const reader = response.body.getReader();
    const sse = new SSEEventReader();
    let finished = false;
    try {
      let sawDone = false;
      while (!sawDone) {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await reader.read();
        } catch (error) {
          if (signal?.aborted) throw signal.reason;
          throw new IncompleteStreamError(`The connection to ${url} was lost mid-stream.`, { cause: error, url, partial: partial() });
        }
        const batch = read.done ? sse.end() : sse.push(read.value);
        const events: ProviderEvent[] = [];
        let failure: unknown;
        try {
          for (const event of batch) {
            if (event.data === '[DONE]') {
              sawDone = true;
              break;
            }
            this.#applyEvent(event, accumulator, events, url, partial);
          }
        } catch (error) {
          failure = error;
        }
        // What arrived before a failure in the same read is still delivered, then the error.
        if (events.length > 0) yield events;
        if (failure !== undefined) throw failure;
        if (read.done) break;
      }
      if (!sawDone && !accumulator.hasFinishReason) {
        throw new IncompleteStreamError(`The stream from ${url} ended before the response was finished (no finish reason and no [DONE]).`, { url, partial: partial() });
      }
      finished = true;
      yield [{ type: 'finish', step: accumulator.finish() }];
    } finally {
      // Leaving early (a `break`, an error, an abort) cancels the request.
      if (!finished) reader.cancel().catch(() => undefined);
      else reader.releaseLock();
    }
  }

  #applyEvent(event: ServerSentEvent, accumulator: CompletionAccumulator, events: ProviderEvent[], url: string, partial: () => PartialResponse): void {
    if (event.event === 'error') {
      let payload: unknown = event.data;
      try {
        payload = JSON.parse(event.data);
      } catch {
        // A plain-text error message.
      }
      throw this.#streamError(readProviderError(payload), url, partial());
    }
    this.#applyData(event.data, accumulator, events, url, partial);
  }

  #applyData(data: string, accumulator: CompletionAccumulator, events: ProviderEvent[], url: string, partial: () => PartialResponse): void {
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch (error) {
      throw new MalformedStreamError(`The stream from ${url} sent an event that is not valid JSON.`, data, { cause: error, url, partial: partial() });
    }
    const outcome = accumulator.apply(chunk, events);
    if (outcome) throw this.#streamError(outcome.error, url, partial());
    if (accumulator.finishReasonIsError) throw this.#streamError({ providerMessage: 'The provider ended the response with finish_reason "error".' }, url, partial());
  }

  #streamError(details: { providerMessage?: string | undefined; code?: string | number | undefined; type?: string | undefined }, url: string, partial: PartialResponse): StreamError {
    const clean = {
      ...(details.providerMessage === undefined ? {} : { providerMessage: this.#redact(details.providerMessage) }),
      ...(details.code === undefined ? {} : { code: details.code }),
      ...(details.type === undefined ? {} : { type: details.type }),
    };
    return new StreamError(clean, { url, partial });
  }

  #redact(text: string): string {
    return this.#apiKey && this.#apiKey.length >= 4 ? text.split(this.#apiKey).join('[redacted]') : text;
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  while (bytes < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  reader.cancel().catch(() => undefined);
  return (text + decoder.decode()).slice(0, maxBytes);
}
