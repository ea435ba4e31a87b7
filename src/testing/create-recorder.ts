import type { ChatResponseChunk } from '../turn/chat-response.js';
import { recordRequest } from './record-request.js';
import { recordResponse } from './record-response.js';
import type {
  RecordedChunk,
  RecordedExchange,
  RecordedRequestSummary,
  Recording,
} from './recording.js';
import { recordingVersion } from './recording.js';

/** Options of {@link createRecorder}. */
export interface RecorderOptions {
  /** The `fetch` to record. Default: the global `fetch`. */
  readonly fetch?: typeof fetch;
  /**
   * Response header names to keep besides the defaults (`content-type`, `retry-after`,
   * `x-request-id`, `x-ratelimit-*`, ...). Cookies and credentials are never worth naming here.
   */
  readonly keepHeaders?: readonly string[];
  /** Keep each request's JSON body (messages, tools, settings) in the recording. Default `true`. */
  readonly requestBodies?: boolean;
  /** The clock, in milliseconds. Default `performance.now()`; tests may pass a fake one. */
  readonly now?: () => number;
}

/** What a recording says about itself; see {@link Recording}. */
export interface RecordingDetails {
  readonly title?: string;
  readonly source?: string;
  /** Default: now. */
  readonly recordedAt?: string;
}

/** Records the model requests of a turn, and optionally its chunks; see {@link createRecorder}. */
export interface Recorder {
  /** A `fetch` that records every response it passes on; give it to `OpenAIChatAPI` or the element. */
  readonly fetch: typeof fetch;
  /** Passes a chunk stream on unchanged, keeping each chunk (in its JSON form) for the recording. */
  recordChunks<T extends ChatResponseChunk>(
    chunks: AsyncIterable<T>,
  ): AsyncGenerator<T, void, undefined>;
  /**
   * The recording so far: every request whose response arrived, in the order they were sent.
   * Waits for bodies still being read, so call it after the turn ended (or was stopped).
   */
  recording(details?: RecordingDetails): Promise<Recording>;
}

function summary(
  request: Awaited<ReturnType<typeof recordRequest>>,
  withBody: boolean,
): RecordedRequestSummary {
  const url = new URL(request.url);
  return {
    method: request.method,
    // The query string may carry a key (some gateways take `?key=`); the path is what readers need.
    url: `${url.origin}${url.pathname}`,
    ...(withBody && request.body !== undefined ? { body: request.body } : {}),
  };
}

/**
 * Records a turn as it streams: wrap a `fetch`, run the turn through it, then save
 * `await recorder.recording()` as JSON. Each response's status, kept headers and body (as
 * server-sent events stamped with milliseconds since the headers) is recorded as the client reads
 * it; request headers (the API key) never are. A request that fails before any response (a
 * network error the client retries) is left out, so a replay serves the retry's response.
 *
 * @example
 * const recorder = createRecorder();
 * const agent = new ChatToolAgent({ chatApi: new OpenAIChatAPI({ apiKey, model, fetch: recorder.fetch }) });
 * for await (const chunk of recorder.recordChunks(agent.getStreamingResponse({ messages }))) show(chunk);
 * const json = JSON.stringify(await recorder.recording({ title: 'A tool round' }));
 */
export function createRecorder(options: RecorderOptions = {}): Recorder {
  const inner = options.fetch ?? globalThis.fetch;
  const now = options.now ?? (() => performance.now());
  const keepHeaders = options.keepHeaders ?? [];
  const withBodies = options.requestBodies ?? true;
  const exchanges: Promise<RecordedExchange | undefined>[] = [];
  const chunks: RecordedChunk[] = [];

  const recordingFetch = async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    const started = now();
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    // Read from a copy before sending, so the body is still there for the real request.
    const request = recordRequest(input instanceof Request ? input.clone() : input, init).catch(
      () => undefined,
    );
    let settle: (exchange: RecordedExchange | undefined) => void = () => undefined;
    exchanges.push(new Promise((resolve) => (settle = resolve)));
    let response: Response;
    try {
      // Called through globalThis: the native fetch throws "Illegal invocation" on any other `this`.
      response = await inner.call(globalThis, input, init);
    } catch (error) {
      settle(undefined);
      throw error;
    }
    const recorded = recordResponse(response, {
      headersAfterMs: now() - started,
      now,
      keepHeaders,
      signal: signal ?? undefined,
    });
    void Promise.all([request, recorded.recorded]).then(
      ([sent, received]) =>
        settle({
          ...(sent ? { request: summary(sent, withBodies) } : {}),
          response: received,
        }),
      () => settle(undefined),
    );
    return recorded.response;
  };

  return {
    fetch: recordingFetch,
    async *recordChunks(stream) {
      for await (const chunk of stream) {
        chunks.push(JSON.parse(JSON.stringify(chunk)) as RecordedChunk);
        yield chunk;
      }
    },
    async recording(details = {}) {
      const settled = await Promise.all(exchanges);
      return {
        version: recordingVersion,
        ...(details.title === undefined ? {} : { title: details.title }),
        ...(details.source === undefined ? {} : { source: details.source }),
        recordedAt: details.recordedAt ?? new Date().toISOString(),
        exchanges: settled.filter((exchange) => exchange !== undefined),
        ...(chunks.length > 0 ? { chunks: [...chunks] } : {}),
      };
    },
  };
}
