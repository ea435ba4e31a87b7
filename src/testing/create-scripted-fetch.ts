import type { RecordedRequest, ScriptedReply, ScriptedReplyFunction } from './scripted-reply.js';
import { abortableDelay } from '../internal/abortable-delay.js';
import { noReplyLeft } from './no-reply-left.js';
import { recordRequest } from './record-request.js';
import { prepareReply, scriptedResponse } from './scripted-response.js';

/** An in-process endpoint: pass `fetch` to the code under test, then inspect `requests`. */
export interface ScriptedFetch {
  /** A `fetch` that answers from the script. */
  readonly fetch: typeof fetch;
  /** Every request received so far, in order (a live array). */
  readonly requests: RecordedRequest[];
}

/**
 * Creates a `fetch` that answers from a script instead of the network, in browsers and Node 20.
 *
 * - Every request is recorded (URL, method, headers, JSON-parsed body) before its reply is chosen.
 * - Replies come from the array in order (read when each request arrives), or from the function.
 * - The `Response` body is a `ReadableStream` that delivers each chunk after its `delayMs`.
 * - The request's `AbortSignal` is honoured: before the response `fetch` rejects with
 *   `signal.reason`; afterwards the body errors with it. Timers are cleared and the
 *   request is marked `aborted`, as is one whose body the client cancels early.
 * - `networkError` rejects with `TypeError('Failed to fetch')`; `dropAfterChunks` errors the
 *   body with a `TypeError` after the chunks.
 * - Once the array is used up, requests get HTTP 500 with a JSON error whose `code` is
 *   `'no_scripted_reply'`. A signal that is already aborted rejects without recording anything.
 *
 * @example
 * const { fetch, requests } = createScriptedFetch([textReply('Hi!')]);
 * const api = new OpenAIChatAPI({ apiKey: 'test', model: 'gpt-4o-mini', fetch });
 */
export function createScriptedFetch(
  script: readonly ScriptedReply[] | ScriptedReplyFunction,
): ScriptedFetch {
  const requests: RecordedRequest[] = [];

  const pickReply = async (record: RecordedRequest, index: number): Promise<ScriptedReply> => {
    if (typeof script === 'function') return script(record, index);
    return script[index] ?? noReplyLeft(record, index, script.length);
  };

  const scriptedFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const signal =
      init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined;
    if (signal?.aborted) throw signal.reason;
    const record = await recordRequest(input, init);
    const index = requests.push(record) - 1;
    const prepared = prepareReply(await pickReply(record, index));
    const { reply } = prepared;
    try {
      await abortableDelay(reply.delayMs ?? 0, signal);
    } catch (reason) {
      record.aborted = true;
      throw reason;
    }
    if (reply.networkError) throw new TypeError('Failed to fetch');
    return scriptedResponse(prepared, record, signal);
  };

  return { fetch: scriptedFetch, requests };
}
