import type { RecordedRequest, ScriptedReply } from './scripted-reply.js';
import { statusText } from './status-text.js';
import { chunkToBytes } from './utf8-bytes.js';

// Statuses whose Response must not have a body.
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/** A reply checked and decoded once, ready to be delivered. */
export interface PreparedReply {
  readonly reply: ScriptedReply;
  readonly status: number;
  /** The body pieces as bytes, with the delay before each. */
  readonly pieces: readonly { readonly bytes: Uint8Array; readonly delayMs: number }[];
}

/** Checks and decodes a reply before use, so a broken script fails with a message instead of odd behaviour. */
export function prepareReply(reply: ScriptedReply): PreparedReply {
  const status = reply.status ?? 200;
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new RangeError(`A scripted reply has status ${status}; use an integer from 200 to 599.`);
  }
  const pieces = (reply.chunks ?? []).map((chunk) => ({
    bytes: chunkToBytes(chunk),
    delayMs: chunk.delayMs ?? 0,
  }));
  return { reply, status, pieces };
}

/** The response headers of a reply, with the default `content-type` filled in. */
function replyHeaders(reply: ScriptedReply): Headers {
  const headers = new Headers(reply.headers ?? {});
  const status = reply.status ?? 200;
  if (!headers.has('content-type'))
    headers.set('content-type', status === 200 ? 'text/event-stream' : 'application/json');
  return headers;
}

/**
 * A `Response` whose body delivers the reply's chunks with their delays. Aborting `signal`
 * or cancelling the body stops the timers and marks `record.aborted`; an abort errors the
 * body with `signal.reason`, and `dropAfterChunks` errors it with a `TypeError`.
 */
export function scriptedResponse(
  prepared: PreparedReply,
  record: RecordedRequest,
  signal: AbortSignal | undefined,
): Response {
  const { reply, status, pieces } = prepared;
  const init = { status, statusText: statusText(status), headers: replyHeaders(reply) };
  if (nullBodyStatuses.has(status)) return new Response(null, init);
  // An index, not shift(): byte-per-read bodies have hundreds of thousands of pieces.
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let wake: (() => void) | undefined;
  let finished = false;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;

  const stop = (): void => {
    finished = true;
    clearTimeout(timer);
    wake?.();
    signal?.removeEventListener('abort', onAbort);
  };
  const onAbort = (): void => {
    if (finished) return;
    record.aborted = true;
    stop();
    controller?.error(signal?.reason);
  };

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      signal?.addEventListener('abort', onAbort, { once: true });
    },
    // Delivers the next non-empty chunk after its delay; one chunk per pull keeps reads separate.
    async pull(streamController) {
      while (!finished) {
        const piece = pieces[next++];
        if (piece === undefined) {
          stop();
          if (reply.dropAfterChunks) streamController.error(new TypeError('network error'));
          else streamController.close();
          return;
        }
        const delay = piece.delayMs;
        if (delay > 0) {
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, delay);
          });
        }
        // An abort or cancel during the delay has already settled the stream.
        if (finished) return;
        if (piece.bytes.length > 0) {
          // A copy, so a consumer that transfers or mutates the buffer cannot change a replay.
          streamController.enqueue(piece.bytes.slice());
          return;
        }
      }
    },
    cancel() {
      if (finished) return;
      record.aborted = true;
      stop();
    },
  });
  return new Response(body, init);
}
