import { finishChunk, reasoningDeltaChunk, textDeltaChunk, toolCallDeltaChunk, toolCallReadyChunk, toolCallResultChunk, toolCallStartChunk } from '../agents/chunk-factory.js';
import type { ChatResponse, ChatResponseChunk, ToolCallDelta, ToolCallReady, ToolCallResult, ToolCallStart } from '../agents/chat-response.js';
import { HTTPError, IncompleteStreamError, MalformedStreamError, NetworkError, StreamError, ToolAgentsError, emptyPartialResponse, type PartialResponse } from '../errors.js';
import { raceAbort } from '../internal/race-abort.js';
import { SSEEventReader } from '../provider/sse-event-reader.js';

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
  readonly hint?: string | undefined;
  readonly data?: string | undefined;
  readonly partial?: PartialResponse | undefined;
}

const encoder = new TextEncoder();

function encodeEvent(data: unknown, event?: string): Uint8Array {
  return encoder.encode(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
}

// Undefined fields vanish in JSON, which is what we want here. The HTTP body stays behind: it is the provider's, not the page's.
function describe(error: unknown): RelayedError {
  if (error instanceof ToolAgentsError) {
    return {
      name: error.name,
      message: error.message,
      url: error.url,
      partial: error.partial,
      ...(error instanceof HTTPError || error instanceof StreamError ? { providerMessage: error.providerMessage, code: error.code, type: error.type } : {}),
      ...(error instanceof HTTPError ? { status: error.status, statusText: error.statusText, retryAfter: error.retryAfter } : {}),
      ...(error instanceof NetworkError ? { hint: error.hint } : {}),
      ...(error instanceof MalformedStreamError ? { data: error.data } : {}),
    };
  }
  const name = error instanceof Error ? error.name : 'Error';
  return { name, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Turns an agent's chunk stream into a `text/event-stream` body: one `data:` event per chunk, an
 * `event: error` event if the turn fails. Cancelling the body stops the agent at once (its request
 * and running tools). An async generator wrapped around the agent's stream only passes the cancel
 * on at its next chunk, so give the agent the request's `signal` as well.
 */
export function toEventStream(chunks: AsyncIterable<ChatResponseChunk>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  // A read still waiting when the body is cancelled settles afterwards (often with the abort): drop it.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<ChatResponseChunk>;
      try {
        next = await iterator.next();
      } catch (error) {
        if (cancelled) return;
        controller.enqueue(encodeEvent(describe(error), 'error'));
        controller.close();
        return;
      }
      if (cancelled) return;
      if (next.done) controller.close();
      else controller.enqueue(encodeEvent(next.value));
    },
    async cancel() {
      cancelled = true;
      await iterator.return?.();
    },
  });
}

/** A `Response` streaming the chunks as server-sent events, for a worker, service worker or fetch-style server. */
export function toEventStreamResponse(chunks: AsyncIterable<ChatResponseChunk>, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'text/event-stream; charset=utf-8');
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-cache');
  return new Response(toEventStream(chunks), { ...init, headers });
}

function revive(error: RelayedError): ToolAgentsError {
  const options = { partial: error.partial ?? emptyPartialResponse, ...(error.url === undefined ? {} : { url: error.url }) };
  const details = { providerMessage: error.providerMessage, code: error.code, type: error.type };
  let revived: ToolAgentsError;
  switch (error.name) {
    case 'HTTPError':
      revived = new HTTPError({ status: error.status ?? 0, statusText: error.statusText ?? '', body: '', retryAfter: error.retryAfter, ...details }, options);
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
    default:
      // Any other failure (an AbortError, a bug) keeps its name, so `error.name` checks still work.
      revived = new ToolAgentsError(error.message, options);
      revived.name = error.name;
  }
  // The constructors word their own messages; the reader gets the original's, word for word.
  revived.message = error.message;
  return revived;
}

type Json = Record<string, unknown>;

/** JSON drops undefined values: puts back keys an object always has, so relayed chunks deep-equal the originals. */
function withKeys<T>(value: unknown, keys: readonly (keyof T & string)[]): T {
  const copy: Json = { ...(value as Json) };
  for (const key of keys) if (!(key in copy)) copy[key] = undefined;
  return copy as T;
}

function reviveChunk(raw: Json): ChatResponseChunk {
  const step = typeof raw['step'] === 'number' ? raw['step'] : 0;
  switch (raw['type']) {
    case 'text-delta':
      return textDeltaChunk(step, String(raw['chunk'] ?? ''));
    case 'reasoning-delta':
      return reasoningDeltaChunk(step, String(raw['reasoningChunk'] ?? ''));
    case 'tool-call-start':
      return toolCallStartChunk(step, raw['toolCallStart'] as ToolCallStart);
    case 'tool-call-delta':
      return toolCallDeltaChunk(step, raw['toolCallDelta'] as ToolCallDelta);
    case 'tool-call-ready':
      return toolCallReadyChunk(step, withKeys<ToolCallReady>(raw['toolCallReady'], ['arguments']));
    case 'tool-call-result':
      return toolCallResultChunk(step, withKeys<ToolCallResult>(raw['toolCallResult'], ['arguments', 'result']));
    case 'finish':
      return finishChunk(step, raw['finishedResponse'] as ChatResponse);
    default:
      throw new MalformedStreamError(`Unknown chunk type ${JSON.stringify(raw['type'])} in a relayed stream.`, JSON.stringify(raw));
  }
}

/**
 * Reads a body written by {@link toEventStream} back into the same chunks. A relayed error
 * rejects the iteration with an error of the same class (any other error: a `ToolAgentsError` of
 * the same name) and message, carrying the partial response; a body that ends or breaks off before the final chunk rejects with an
 * `IncompleteStreamError`. Aborting `signal` rejects with `signal.reason` and cancels the body.
 */
export async function* readEventStream(source: Response | ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<ChatResponseChunk, void, undefined> {
  const body = source instanceof Response ? source.body : source;
  if (!body) throw new IncompleteStreamError('The relayed response has no body.');
  const reader = body.getReader();
  const sse = new SSEEventReader();
  let finished = false;
  // What the interrupted step had streamed, for the error's partial response.
  let step = 0;
  let text = '';
  let reasoning = '';
  const incomplete = (message: string, cause?: unknown): IncompleteStreamError =>
    new IncompleteStreamError(message, { partial: { ...emptyPartialResponse, text, reasoning }, ...(cause === undefined ? {} : { cause }) });
  try {
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await (signal ? raceAbort(reader.read(), signal) : reader.read());
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw incomplete('The relayed stream broke off before its final chunk.', error);
      }
      for (const event of read.done ? sse.end() : sse.push(read.value)) {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch (error) {
          // Every relayed event ends with a blank line: one still open when the body ends was cut off.
          if (read.done) throw incomplete('The relayed stream was cut off inside an event.', error);
          throw new MalformedStreamError('A relayed event is not valid JSON.', event.data, { cause: error });
        }
        if (event.event === 'error') throw revive(data as RelayedError);
        const chunk = reviveChunk(data as Json);
        if (chunk.step !== step) {
          step = chunk.step;
          text = '';
          reasoning = '';
        }
        text += chunk.chunk;
        reasoning += chunk.reasoningChunk;
        yield chunk;
        if (chunk.finished) finished = true;
      }
      if (read.done) break;
    }
    if (!finished) throw incomplete('The relayed stream ended before its final chunk.');
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
