import { finishChunk, reasoningDeltaChunk, textDeltaChunk, toolCallDeltaChunk, toolCallReadyChunk, toolCallResultChunk, toolCallStartChunk } from '../agents/chunk-factory.js';
import type { ChatResponse, ChatResponseChunk, ToolCallDelta, ToolCallReady, ToolCallResult, ToolCallStart } from '../agents/chat-response.js';
import { HTTPError, IncompleteStreamError, MalformedStreamError, NetworkError, StreamError, ToolAgentsError, emptyPartialResponse, type PartialResponse } from '../errors.js';
import { SSEEventReader } from '../provider/sse-event-reader.js';

/** The error event a relay sends when the turn fails. */
interface RelayedError {
  readonly name: string;
  readonly message: string;
  readonly status?: number;
  readonly providerMessage?: string;
  readonly partial?: PartialResponse;
}

const encoder = new TextEncoder();

function encodeEvent(data: unknown, event?: string): Uint8Array {
  return encoder.encode(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
}

function describe(error: unknown): RelayedError {
  if (error instanceof ToolAgentsError) {
    return {
      name: error.name,
      message: error.message,
      partial: error.partial,
      ...(error instanceof HTTPError ? { status: error.status } : {}),
      ...((error instanceof HTTPError || error instanceof StreamError) && error.providerMessage !== undefined ? { providerMessage: error.providerMessage } : {}),
    };
  }
  const name = error instanceof Error ? error.name : 'Error';
  return { name, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Turns an agent's chunk stream into a `text/event-stream` body: one `data:` event per chunk, an
 * `event: error` event if the turn fails. Cancelling the body stops the agent.
 */
export function toEventStream(chunks: AsyncIterable<ChatResponseChunk>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encodeEvent(next.value));
      } catch (error) {
        controller.enqueue(encodeEvent(describe(error), 'error'));
        controller.close();
      }
    },
    async cancel() {
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
  const options = { partial: error.partial ?? emptyPartialResponse };
  switch (error.name) {
    case 'HTTPError':
      return new HTTPError({ status: error.status ?? 0, statusText: '', body: '', ...(error.providerMessage === undefined ? {} : { providerMessage: error.providerMessage }) }, options);
    case 'NetworkError':
      return new NetworkError(error.message, '', options);
    case 'StreamError':
      return new StreamError(error.providerMessage === undefined ? {} : { providerMessage: error.providerMessage }, options);
    case 'IncompleteStreamError':
      return new IncompleteStreamError(error.message, options);
    case 'MalformedStreamError':
      return new MalformedStreamError(error.message, '', options);
    default:
      return new ToolAgentsError(error.message, options);
  }
}

type Json = Record<string, unknown>;

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
      return toolCallReadyChunk(step, raw['toolCallReady'] as ToolCallReady);
    case 'tool-call-result':
      return toolCallResultChunk(step, raw['toolCallResult'] as ToolCallResult);
    case 'finish':
      return finishChunk(step, raw['finishedResponse'] as ChatResponse);
    default:
      throw new MalformedStreamError(`Unknown chunk type ${JSON.stringify(raw['type'])} in a relayed stream.`, JSON.stringify(raw));
  }
}

/**
 * Reads a body written by {@link toEventStream} back into the same chunks. A relayed error
 * rejects the iteration with a `ToolAgentsError` of the same name, carrying the partial response.
 */
export async function* readEventStream(source: Response | ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<ChatResponseChunk, void, undefined> {
  const body = source instanceof Response ? source.body : source;
  if (!body) throw new IncompleteStreamError('The relayed response has no body.');
  const reader = body.getReader();
  const sse = new SSEEventReader();
  let finished = false;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const read = await reader.read();
      for (const event of read.done ? sse.end() : sse.push(read.value)) {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch (error) {
          throw new MalformedStreamError('A relayed event is not valid JSON.', event.data, { cause: error });
        }
        if (event.event === 'error') throw revive(data as RelayedError);
        const chunk = reviveChunk(data as Json);
        yield chunk;
        if (chunk.finished) finished = true;
      }
      if (read.done) break;
    }
    if (!finished) throw new IncompleteStreamError('The relayed stream ended before its final chunk.');
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
