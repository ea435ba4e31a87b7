import type { RecordedEvent, RecordedResponse, Recording } from './recording.js';
import type { ScriptedChunk, ScriptedReply } from './scripted-reply.js';
import { sseEvent } from './sse-events.js';

/** Options of {@link recordingReplies} and `replayFetch`. */
export interface ReplayOptions {
  /**
   * How fast to replay: `1` keeps the recorded pace, `2` is twice as fast, `0.5` half as fast,
   * `Infinity` sends everything without waiting. Default `1`.
   */
  readonly speed?: number;
}

/** The wire text of one recorded event, framed as a server writes it. */
function eventText(event: RecordedEvent): string {
  if (event.comment !== undefined) return `: ${event.comment}\n\n`;
  const fields = `${event.event === undefined ? '' : `event: ${event.event}\n`}${event.id === undefined ? '' : `id: ${event.id}\n`}`;
  return fields + sseEvent(event.data);
}

function checkSpeed(speed: number): number {
  if (!(speed > 0))
    throw new RangeError(`Replay speed must be a number above 0 (or Infinity), got ${speed}.`);
  return speed;
}

function replyOf(response: RecordedResponse, speed: number): ScriptedReply {
  const scaled = (ms: number): number => (speed === Infinity ? 0 : ms / speed);
  const chunks: ScriptedChunk[] = [];
  let at = 0;
  for (const event of response.events ?? []) {
    // Recorded times only grow; a hand-edited file that goes back in time just gets no pause.
    const delayMs = scaled(Math.max(0, event.atMs - at));
    at = Math.max(at, event.atMs);
    chunks.push(delayMs > 0 ? { text: eventText(event), delayMs } : { text: eventText(event) });
  }
  const tail = scaled(Math.max(0, response.endMs - at));
  if (response.body !== undefined)
    chunks.push(tail > 0 ? { text: response.body, delayMs: tail } : { text: response.body });
  else if (tail > 0) chunks.push({ delayMs: tail });
  const wait = scaled(response.headersAfterMs);
  return {
    status: response.status,
    headers: response.headers,
    ...(wait > 0 ? { delayMs: wait } : {}),
    chunks,
    ...(response.end === 'error' ? { dropAfterChunks: true } : {}),
  };
}

/**
 * The scripted replies that replay a recording, one per recorded request, each event one network
 * read at its recorded time divided by `speed`. `replayFetch` serves them in-process; the same
 * replies also drive any server that speaks {@link ScriptedReply}.
 *
 * @throws RangeError when `speed` is not above 0.
 */
export function recordingReplies(
  recording: Recording,
  options: ReplayOptions = {},
): ScriptedReply[] {
  const speed = checkSpeed(options.speed ?? 1);
  return recording.exchanges.map((exchange) => replyOf(exchange.response, speed));
}
