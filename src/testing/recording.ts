import type { ChatResponseChunkType } from '../turn/chat-response.js';

/** The recording format this version of the library writes and reads. */
export const recordingVersion = 1;

/**
 * One server-sent event of a recorded response, `atMs` milliseconds after the response headers
 * arrived. A `data` event keeps its payload as the exact text sent; a comment is a keep-alive.
 */
export type RecordedEvent =
  | {
      /** Milliseconds since the response headers arrived. */
      readonly atMs: number;
      /** The event's data, exactly as sent (several `data:` lines joined by `\n`). */
      readonly data: string;
      /** The `event:` field, when the server sent one (`'error'` for a bare `error:` line, as old llama.cpp sends). */
      readonly event?: string;
      /** The `id:` field, when the server sent one. */
      readonly id?: string;
      readonly comment?: never;
    }
  | {
      /** Milliseconds since the response headers arrived. */
      readonly atMs: number;
      /** A comment line (`: keep-alive`), without its colon. */
      readonly comment: string;
      readonly data?: never;
      readonly event?: never;
      readonly id?: never;
    };

/**
 * How a recorded body ended: `complete` when it ended normally; `cancelled` when the client stopped
 * reading (an agent releases the connection after `[DONE]`; a stopped turn aborts it); `error`
 * when the connection failed mid-body. A replay errors the body only for `error`.
 */
export type RecordedEnd = 'complete' | 'cancelled' | 'error';

/** A recorded HTTP response: status, the headers worth keeping, and the body with its timing. */
export interface RecordedResponse {
  /** HTTP status. */
  readonly status: number;
  /** The kept response headers, names in lower case (never cookies or credentials). */
  readonly headers: Readonly<Record<string, string>>;
  /** Milliseconds from the request to the response headers (time to first byte). */
  readonly headersAfterMs: number;
  /** The body of a `text/event-stream` response, event by event. */
  readonly events?: readonly RecordedEvent[];
  /** The body of any other response (a JSON error), as text; delivered at `endMs`. */
  readonly body?: string;
  /** Milliseconds after the headers when the body ended. */
  readonly endMs: number;
  /** How the body ended. */
  readonly end: RecordedEnd;
}

/** What was asked, for readers of a recording; a replay does not check it. Headers are never kept. */
export interface RecordedRequestSummary {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The URL without its query string (which may hold a key). */
  readonly url: string;
  /** The JSON request body (messages, tools, settings), when it was JSON. */
  readonly body?: unknown;
}

/** One model request of a turn and its response. */
export interface RecordedExchange {
  /** The request, when known (a recording built from a bare SSE file has none). */
  readonly request?: RecordedRequestSummary;
  readonly response: RecordedResponse;
}

/**
 * A chunk of the turn in its JSON form (`JSON.parse(JSON.stringify(chunk))`): the finish chunk's
 * messages are plain objects, not `ChatMessage` instances.
 */
export interface RecordedChunk {
  readonly type: ChatResponseChunkType;
  readonly step: number;
  readonly [field: string]: unknown;
}

/**
 * A recorded turn: every model request it made, in order, with the wire events and their timing,
 * and optionally the chunks the agent produced. Plain JSON: save it with `JSON.stringify`, load it
 * with `parseRecording`, replay it with `replayFetch`.
 */
export interface Recording {
  /** The format's version; `parseRecording` rejects newer ones. */
  readonly version: typeof recordingVersion;
  /** A short name for people ("OpenAI gpt-4o-mini calls a tool"). */
  readonly title?: string;
  /** Where it came from: provider, model, date, and how it was captured. */
  readonly source?: string;
  /** When it was recorded (ISO 8601). */
  readonly recordedAt?: string;
  /** The model requests of the turn, in order (retries and tool rounds each count). */
  readonly exchanges: readonly RecordedExchange[];
  /** The chunks the agent yielded, when the turn's stream was recorded too. */
  readonly chunks?: readonly RecordedChunk[];
}
