import { createScriptedFetch, type ScriptedFetch } from './create-scripted-fetch.js';
import { errorReply } from './error-reply.js';
import type { Recording } from './recording.js';
import { recordingReplies, type ReplayOptions } from './recording-replies.js';
import type { RecordedRequest, ScriptedReply } from './scripted-reply.js';

/** `error.code` of the HTTP 500 a replay answers when the client asks for more requests than were recorded. */
export const recordingExhaustedCode = 'recording_exhausted';

function exhausted(request: RecordedRequest, index: number, count: number): ScriptedReply {
  const message = `The recording has ${count} ${count === 1 ? 'response' : 'responses'}, but request ${index + 1} (${request.method} ${request.path}) asked for another: the turn made more model requests than the recorded one (different tools, tool results or settings?).`;
  return errorReply(500, message, {
    type: 'replay_error',
    code: recordingExhaustedCode,
    // Retrying cannot help: without it the client would wait through its backoff for the same answer.
    headers: { 'x-should-retry': 'false' },
  });
}

/**
 * A `fetch` that replays a recording: request n gets the n-th recorded response, its body a
 * `ReadableStream` delivering each recorded event at its recorded time (divided by `speed`), so
 * the real parser and agent run on real bytes. The request's `AbortSignal` is honoured (the body
 * errors with its reason). A request beyond the recorded ones gets HTTP 500 with
 * `x-should-retry: false` and `error.code` `'recording_exhausted'`, which `OpenAIChatAPI` reports
 * as an `HTTPError` at once. `requests` lists what was asked, to compare with the recording.
 *
 * @throws RangeError when `speed` is not above 0.
 * @example
 * const replay = replayFetch(parseRecording(json), { speed: 4 });
 * const api = new OpenAIChatAPI({ model: 'recorded', fetch: replay.fetch });
 */
export function replayFetch(recording: Recording, options: ReplayOptions = {}): ScriptedFetch {
  const replies = recordingReplies(recording, options);
  return createScriptedFetch(
    (request, index) => replies[index] ?? exhausted(request, index, replies.length),
  );
}
