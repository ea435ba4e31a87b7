import type { ChatResponse, ChatResponseChunk } from '../turn/chat-response.js';
import { partialResponse } from '../turn/turn-messages.js';
import { chunkOf, eventOfChunk, finishChunk } from '../turn/turn-chunks.js';
import type { TurnEvent } from '../turn/turn-event.js';
import { applyEvent, initialTurnState } from '../turn/turn-state.js';
import {
  APIKeyFormatError,
  ContextBudgetError,
  ImageError,
  ImageTooLargeError,
  ImageURLError,
  EventTooLargeError,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  StreamError,
  TimeoutError,
  ToolAgentsError,
  emptyPartialResponse,
  type PartialResponse,
  type TimeoutPhase,
  withPartial as withPartialResponse,
} from '../errors.js';
import { describeThrown } from '../internal/describe-thrown.js';
import { raceAbort } from '../internal/race-abort.js';
import { redactError } from '../provider/redact-error.js';
import { SecretRedactor } from '../provider/redact-secret.js';
import { SSEEventReader } from '../provider/sse-event-reader.js';

/** Most steps in a relayed turn, and most tool calls in one of its steps. */
const maxRelayedPositions = 10_000;

/** The step and tool-call position an event names (0 where it names none). */
function positionOf(event: TurnEvent): readonly [step: number, call: number] {
  const step = 'step' in event ? event.step : 0;
  if (event.type === 'call-result') return [step, event.result.index];
  return [step, 'index' in event ? event.index : 0];
}

/** Options of {@link toEventStream} and {@link toEventStreamResponse}. */
export interface EventStreamOptions {
  /**
   * Secrets (API keys, tokens) that must never cross the relay: removed from every field of a
   * relayed error, in every form a server may echo them. Errors of `OpenAIChatAPI` are already
   * free of its own key; list here whatever else the relaying side holds.
   */
  readonly secrets?: readonly string[] | undefined;
}

/** Options of {@link readEventStream}. */
export interface ReadEventStreamOptions {
  /** Aborting it rejects the iteration with `signal.reason` and cancels the body. */
  readonly signal?: AbortSignal | undefined;
  /** Secrets to remove from every field of an error read back from the stream. */
  readonly secrets?: readonly string[] | undefined;
  /** Most characters one relayed event may hold. Default 16 MiB. */
  readonly maxEventBytes?: number | undefined;
}

/** The error event a relay sends when the turn fails: every field the reader needs to rebuild the error. */
interface RelayedError {
  readonly name: string;
  readonly message: string;
  readonly url?: string | undefined;
  readonly status?: number | undefined;
  readonly statusText?: string | undefined;
  readonly retryAfter?: number | undefined;
  readonly providerMessage?: string | undefined;
  readonly code?: string | number | undefined;
  readonly type?: string | undefined;
  readonly param?: string | undefined;
  readonly hint?: string | undefined;
  readonly data?: string | undefined;
  readonly limit?: number | undefined;
  readonly phase?: TimeoutPhase | undefined;
  readonly timeoutMs?: number | undefined;
  readonly header?: string | undefined;
  readonly character?: string | undefined;
  readonly position?: number | undefined;
  readonly messageIndex?: number | undefined;
  readonly messageId?: string | undefined;
  readonly partIndex?: number | undefined;
  readonly bytes?: number | undefined;
  readonly reason?: string | undefined;
  readonly budget?: number | undefined;
  readonly requiredTokens?: number | undefined;
  readonly partial?: PartialResponse | undefined;
}

const encoder = /* @__PURE__ */ new TextEncoder();

function encodeEvent(data: unknown, event?: string): Uint8Array {
  return encoder.encode(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
}

// Undefined fields vanish in JSON, which is what we want here. The HTTP body stays behind: it is the provider's, not the page's.
function describe(error: unknown): RelayedError {
  try {
    return describeError(error);
  } catch {
    // A hostile thrown value (a Proxy whose traps throw, a throwing getter): described, never rethrown.
    return { name: 'Error', message: describeThrown(error) };
  }
}

function describeError(error: unknown): RelayedError {
  if (error instanceof ToolAgentsError) {
    return {
      name: error.name,
      message: error.message,
      url: error.url,
      partial: error.partial,
      ...(error instanceof HTTPError || error instanceof StreamError
        ? {
            providerMessage: error.providerMessage,
            code: error.code,
            type: error.type,
            param: error.param,
          }
        : {}),
      ...(error instanceof HTTPError
        ? { status: error.status, statusText: error.statusText, retryAfter: error.retryAfter }
        : {}),
      ...(error instanceof NetworkError ? { hint: error.hint } : {}),
      ...(error instanceof MalformedStreamError ? { data: error.data } : {}),
      ...(error instanceof EventTooLargeError ? { limit: error.limit } : {}),
      ...(error instanceof TimeoutError ? { phase: error.phase, timeoutMs: error.timeoutMs } : {}),
      ...(error instanceof APIKeyFormatError
        ? { header: error.header, character: error.character, position: error.position }
        : {}),
      ...(error instanceof ImageError
        ? {
            messageIndex: error.messageIndex,
            messageId: error.messageId,
            partIndex: error.partIndex,
          }
        : {}),
      ...(error instanceof ImageTooLargeError ? { bytes: error.bytes, limit: error.limit } : {}),
      ...(error instanceof ImageURLError ? { reason: error.reason } : {}),
      ...(error instanceof ContextBudgetError
        ? { budget: error.budget, requiredTokens: error.requiredTokens }
        : {}),
    };
  }
  if (error instanceof Error) return { name: String(error.name), message: String(error.message) };
  return { name: 'Error', message: describeThrown(error) };
}

/**
 * Turns an agent's chunk stream into a `text/event-stream` body: one `data:` event per chunk, an
 * `event: error` event if the turn fails. Cancelling the body stops the agent at once (its request
 * and running tools). An async generator wrapped around the agent's stream only passes the cancel
 * on at its next chunk, so give the agent the request's `signal` as well.
 */
export function toEventStream(
  chunks: AsyncIterable<ChatResponseChunk>,
  options: EventStreamOptions = {},
): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const redactor = new SecretRedactor(options.secrets ?? []);
  // A read still waiting when the body is cancelled settles afterwards (often with the abort): drop it.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<ChatResponseChunk>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (cancelled) return;
        controller.enqueue(encodeEvent(redactRelayedError(describe(error), redactor), 'error'));
        controller.close();
        return;
      }
      if (cancelled) return;
      if (next.done) controller.close();
      else controller.enqueue(encodeEvent(wireChunk(next.value)));
    },
    async cancel() {
      cancelled = true;
      await iterator.return?.();
    },
  });
}

/**
 * A chunk as the relay sends it. A tool-call delta goes without `argumentsText` (everything so
 * far): sending it on every delta would make the stream quadratic in the arguments' length; the
 * reader rebuilds it from the deltas.
 */
function wireChunk(chunk: ChatResponseChunk): unknown {
  if (chunk.type !== 'tool-call-delta') return chunk;
  const { argumentsText: _rebuiltByTheReader, ...delta } = chunk.toolCallDelta;
  return { ...chunk, toolCallDelta: delta };
}

/** A `Response` streaming the chunks as server-sent events, for a worker, service worker or fetch-style server. */
export function toEventStreamResponse(
  chunks: AsyncIterable<ChatResponseChunk>,
  init: ResponseInit = {},
  options: EventStreamOptions = {},
): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'text/event-stream; charset=utf-8');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-cache');
  return new Response(toEventStream(chunks, options), { ...init, headers });
}

// Every text field of a relayed error, whichever side redacts it.
const relayedTextFields = [
  'message',
  'url',
  'statusText',
  'providerMessage',
  'code',
  'type',
  'param',
  'hint',
  'data',
  'header',
  'character',
  'messageId',
  'reason',
] as const;

/** A relayed error with secrets removed from every text field. */
function redactRelayedError(error: RelayedError, redactor: SecretRedactor): RelayedError {
  if (redactor.isEmpty) return error;
  const copy: Record<string, unknown> = { ...error };
  for (const field of relayedTextFields) copy[field] = redactor.redactValue(copy[field]);
  return copy as unknown as RelayedError;
}

function revive(error: RelayedError): ToolAgentsError {
  const options = {
    partial: error.partial ?? emptyPartialResponse,
    ...(error.url === undefined ? {} : { url: error.url }),
  };
  const details = {
    providerMessage: error.providerMessage,
    code: error.code,
    type: error.type,
    param: error.param,
  };
  let revived: ToolAgentsError;
  switch (error.name) {
    case 'HTTPError':
      revived = new HTTPError(
        {
          status: error.status ?? 0,
          statusText: error.statusText ?? '',
          body: '',
          retryAfter: error.retryAfter,
          ...details,
        },
        options,
      );
      break;
    case 'NetworkError':
      revived = new NetworkError('', error.hint ?? '', options);
      break;
    case 'StreamError':
      revived = new StreamError(details, options);
      break;
    case 'IncompleteStreamError':
      revived = new IncompleteStreamError(error.message, options);
      break;
    case 'MalformedStreamError':
      revived = new MalformedStreamError(error.message, error.data ?? '', options);
      break;
    case 'EventTooLargeError':
      revived = new EventTooLargeError(error.limit ?? 0, error.data ?? '', options);
      break;
    case 'TimeoutError':
      revived = new TimeoutError(
        error.phase === 'response' ? 'response' : 'idle',
        error.timeoutMs ?? 0,
        options,
      );
      break;
    case 'APIKeyFormatError':
      revived = new APIKeyFormatError(
        {
          header: error.header ?? 'Authorization',
          character: error.character ?? 'character',
          position: error.position ?? 0,
        },
        options,
      );
      break;
    case 'ImageTooLargeError':
    case 'ImageURLError': {
      const at = {
        messageIndex: error.messageIndex ?? 0,
        messageId: error.messageId ?? '',
        partIndex: error.partIndex ?? 0,
      };
      revived =
        error.name === 'ImageURLError'
          ? new ImageURLError({ ...at, reason: error.reason ?? '' }, options)
          : new ImageTooLargeError(
              { ...at, bytes: error.bytes ?? 0, limit: error.limit ?? 0 },
              options,
            );
      break;
    }
    case 'ContextBudgetError':
      revived = new ContextBudgetError(
        { budget: error.budget ?? 0, requiredTokens: error.requiredTokens ?? 0 },
        options,
      );
      break;
    default:
      // Any other failure (an AbortError, a bug) keeps its name, so `error.name` checks still work.
      revived = new ToolAgentsError(error.message, options);
      revived.name = error.name;
  }
  // The constructors word their own messages; the reader gets the original's, word for word.
  revived.message = error.message;
  return revived;
}

/**
 * Reads a body written by {@link toEventStream} back into the same chunks. A relayed error
 * rejects the iteration with an error of the same class (any other error: a `ToolAgentsError` of
 * the same name) and message, carrying the partial response; a body that ends or breaks off before
 * the final chunk rejects with an `IncompleteStreamError`. Aborting the signal (passed directly or
 * as `options.signal`) rejects with `signal.reason` and cancels the body. `options.secrets` are
 * removed from every field of any error this rejects with.
 */
export async function* readEventStream(
  source: Response | ReadableStream<Uint8Array>,
  options?: AbortSignal | ReadEventStreamOptions,
): AsyncGenerator<ChatResponseChunk, void, undefined> {
  const { signal, secrets, maxEventBytes } =
    options instanceof AbortSignal
      ? { signal: options, secrets: undefined, maxEventBytes: undefined }
      : (options ?? {});
  const redactor = new SecretRedactor(secrets ?? []);
  try {
    yield* readRelayedChunks(source, signal, redactor, maxEventBytes);
  } catch (error) {
    if (signal?.aborted && error === signal.reason) throw error;
    throw redactError(error, redactor);
  }
}

async function* readRelayedChunks(
  source: Response | ReadableStream<Uint8Array>,
  signal: AbortSignal | undefined,
  redactor: SecretRedactor,
  maxEventBytes: number | undefined,
): AsyncGenerator<ChatResponseChunk, void, undefined> {
  const body = source instanceof Response ? source.body : source;
  if (!body) throw new IncompleteStreamError('The relayed response has no body.');
  const reader = body.getReader();
  let finished = false;
  // What the relayed turn has produced, for the partial response of an error that ends it.
  let state = initialTurnState('relayed');
  const partial = (): PartialResponse => partialResponse(state);
  const incomplete = (message: string, cause?: unknown): IncompleteStreamError =>
    new IncompleteStreamError(message, {
      partial: partial(),
      ...(cause === undefined ? {} : { cause }),
    });
  const sse = new SSEEventReader({
    ...(maxEventBytes === undefined ? {} : { maxEventSize: maxEventBytes }),
    tooLarge: (limit, preview) => new EventTooLargeError(limit, redactor.redact(preview)),
  });
  // The partial text is attached where the error surfaces, after the chunks before it were read.
  const withPartial = (error: unknown): unknown =>
    error instanceof EventTooLargeError ? withPartialResponse(error, partial()) : error;
  try {
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await (signal ? raceAbort(reader.read(), signal) : reader.read());
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw incomplete('The relayed stream broke off before its final chunk.', error);
      }
      let batch: ReturnType<SSEEventReader['push']>;
      try {
        batch = read.done ? sse.end() : sse.push(read.value);
      } catch (error) {
        throw withPartial(error);
      }
      for (const event of batch) {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch (error) {
          // Every relayed event ends with a blank line: one still open when the body ends was cut off.
          if (read.done && error instanceof SyntaxError)
            throw incomplete('The relayed stream was cut off inside an event.', error);
          const why =
            error instanceof SyntaxError
              ? 'is not valid JSON'
              : 'could not be read (nested too deeply or too large)';
          throw new MalformedStreamError(`A relayed event ${why}.`, redactor.redact(event.data), {
            cause: error,
            partial: partial(),
          });
        }
        // Redacted before the error is rebuilt, so no field is cut with a secret still in it.
        if (event.event === 'error')
          throw revive(redactRelayedError(data as RelayedError, redactor));
        const raw = (data !== null && typeof data === 'object' ? data : {}) as Record<
          string,
          unknown
        >;
        const turnEvent = eventOfChunk(raw, new Date().toISOString());
        if (turnEvent === undefined)
          throw new MalformedStreamError(
            `Unknown chunk type ${JSON.stringify(raw['type'])} in a relayed stream.`,
            JSON.stringify(raw),
          );
        if (turnEvent === null) {
          finished = true;
          const step = raw['step'];
          yield finishChunk(
            typeof step === 'number' ? step : 0,
            raw['finishedResponse'] as ChatResponse,
          );
          continue;
        }
        // Steps and calls beyond what any agent makes are a hostile stream: stopped before the state grows without bound.
        const [step, call] = positionOf(turnEvent);
        if (step >= maxRelayedPositions || call >= maxRelayedPositions)
          throw new MalformedStreamError(
            `A relayed chunk names step ${step}, tool call ${call}; at most ${maxRelayedPositions} of each are read.`,
            JSON.stringify(raw).slice(0, 200),
            { partial: partial() },
          );
        state = applyEvent(state, turnEvent);
        const chunk = chunkOf(turnEvent, state);
        if (chunk) yield chunk;
      }
      try {
        sse.throwIfFailed();
      } catch (error) {
        throw withPartial(error);
      }
      if (read.done) break;
    }
    if (!finished) throw incomplete('The relayed stream ended before its final chunk.');
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
