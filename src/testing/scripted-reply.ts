/**
 * One piece of a scripted response body, delivered as one network read.
 *
 * Set `text` (sent as UTF-8) or `base64` (raw bytes, for cuts inside a multi-byte
 * character or deliberately invalid bytes), never both. A chunk with only `delayMs` is a pause.
 */
export type ScriptedChunk =
  | { readonly text: string; readonly base64?: never; readonly delayMs?: number }
  | { readonly base64: string; readonly text?: never; readonly delayMs?: number }
  | { readonly delayMs: number; readonly text?: never; readonly base64?: never };

/**
 * What a scripted endpoint answers to one request. Plain JSON, so the same script drives
 * {@link createScriptedFetch} in-process and the HTTP mock server of this repository's tests.
 */
export interface ScriptedReply {
  /** HTTP status. Default `200`. */
  readonly status?: number;
  /**
   * Response headers. `content-type` defaults to `text/event-stream` for status 200 and
   * `application/json` otherwise.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Milliseconds to wait before the status and headers are sent (time to first byte). Default `0`. */
  readonly delayMs?: number;
  /** The body, in the pieces and with the pauses a client should see. Default: empty body. */
  readonly chunks?: readonly ScriptedChunk[];
  /** Kill the connection after the chunks instead of ending the body cleanly. Default `false`. */
  readonly dropAfterChunks?: boolean;
  /** Fail before any response (after `delayMs`), as an offline or refused connection does. Default `false`. */
  readonly networkError?: boolean;
}

/** A request as a scripted endpoint saw it. */
export interface RecordedRequest {
  /** The absolute URL requested. */
  readonly url: string;
  /**
   * The path the reply was chosen for. For the HTTP mock server this is the path after
   * `/__mock__/<id>` (for example `/v1/chat/completions`); otherwise the URL's pathname.
   */
  readonly path: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Request headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body parsed as JSON; the raw text when it is not JSON; `undefined` when empty. */
  readonly body: unknown;
  /** True when the client aborted or cancelled before the reply had been delivered in full. */
  aborted: boolean;
}

/** Picks the reply for a request; `index` counts requests from 0. */
export type ScriptedReplyFunction = (
  request: RecordedRequest,
  index: number,
) => ScriptedReply | Promise<ScriptedReply>;
