import type { RecordedEnd, RecordedResponse } from './recording.js';
import { SSEEventCollector } from './sse-event-collector.js';

/** Response headers a recording keeps by default: what the library or a reader acts on, never cookies or keys. */
export const defaultKeptHeaders: readonly string[] = [
  'content-type',
  'retry-after',
  'retry-after-ms',
  'x-should-retry',
  'x-request-id',
  'request-id',
  'openai-model',
  'openai-processing-ms',
  'openai-version',
];

const keptPrefixes = ['x-ratelimit-'];

function keptHeaders(headers: Headers, extra: readonly string[]): Record<string, string> {
  const names = new Set([...defaultKeptHeaders, ...extra.map((name) => name.toLowerCase())]);
  const kept: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (names.has(name) || keptPrefixes.some((prefix) => name.startsWith(prefix)))
      kept[name] = value;
  });
  return kept;
}

/** What {@link recordResponse} needs besides the response. */
export interface RecordResponseOptions {
  /** Milliseconds from the request to the headers. */
  readonly headersAfterMs: number;
  /** The clock, in milliseconds. */
  readonly now: () => number;
  /** Header names to keep beyond {@link defaultKeptHeaders}. */
  readonly keepHeaders: readonly string[];
  /** The request's signal: a body that fails after it aborted was cancelled, not broken. */
  readonly signal: AbortSignal | undefined;
}

/**
 * Wraps a response so its body is recorded as the client reads it: each read is timed and, for an
 * event stream, cut into events. Reading one read ahead (the stream's default) keeps the timing
 * the network's, not the consumer's. `recorded` settles when the body ends, fails or is cancelled.
 */
export function recordResponse(
  response: Response,
  options: RecordResponseOptions,
): { readonly response: Response; readonly recorded: Promise<RecordedResponse> } {
  const { now, signal } = options;
  const start = now();
  const elapsed = (): number => Math.max(0, Math.round(now() - start));
  const base = {
    status: response.status,
    headers: keptHeaders(response.headers, options.keepHeaders),
    headersAfterMs: Math.max(0, Math.round(options.headersAfterMs)),
  };
  const source = response.body;
  if (!source)
    return { response, recorded: Promise.resolve({ ...base, endMs: 0, end: 'complete' }) };

  const isEventStream = (response.headers.get('content-type') ?? '').includes('event-stream');
  const collector = isEventStream ? new SSEEventCollector() : undefined;
  const decoder = new TextDecoder();
  let text = '';
  let settle: (recorded: RecordedResponse) => void = () => undefined;
  const recorded = new Promise<RecordedResponse>((resolve) => (settle = resolve));
  let ended = false;
  const finish = (end: RecordedEnd): void => {
    if (ended) return;
    ended = true;
    const endMs = elapsed();
    const body = collector ? { events: collector.end(endMs) } : { body: text + decoder.decode() };
    settle({ ...base, ...body, endMs, end });
  };

  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        finish(signal?.aborted ? 'cancelled' : 'error');
        controller.error(error);
        return;
      }
      if (read.done) {
        finish('complete');
        controller.close();
        return;
      }
      if (collector) collector.push(read.value, elapsed());
      else text += decoder.decode(read.value, { stream: true });
      controller.enqueue(read.value);
    },
    cancel(reason) {
      finish('cancelled');
      return reader.cancel(reason);
    },
  });
  const wrapped = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  return { response: wrapped, recorded };
}
