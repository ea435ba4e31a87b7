import type { RecordingDetails } from './create-recorder.js';
import type { RecordedExchange, Recording } from './recording.js';
import { recordingVersion } from './recording.js';
import { SSEEventCollector } from './sse-event-collector.js';

/** Made-up timing for a body saved without any: a bare `.sse` file only has the bytes. */
export interface SyntheticPacing {
  /** Milliseconds before the response headers. Default `300`. */
  readonly headersAfterMs?: number;
  /** Milliseconds between events. Default `25`. */
  readonly eventMs?: number;
}

/** Options of {@link recordingFromSSE}. */
export interface SSERecordingOptions extends RecordingDetails {
  /** The timing to give the events. */
  readonly pacing?: SyntheticPacing;
  /** Response headers. Default `content-type: text/event-stream`. */
  readonly headers?: Readonly<Record<string, string>>;
}

const bodyText = (body: string | Uint8Array): string =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

/**
 * Builds a recording from saved `text/event-stream` bodies (such as a provider's response saved
 * with `curl -N`), one body per model request of the turn, in order. The bodies are cut into
 * events by the same SSE parser a replay feeds; as a bare body has no timing, events are spaced
 * by `pacing` (say so in `source`).
 *
 * @example const recording = recordingFromSSE([toolCallBody, answerBody], { title: 'A tool round' });
 */
export function recordingFromSSE(
  bodies: string | Uint8Array | readonly (string | Uint8Array)[],
  options: SSERecordingOptions = {},
): Recording {
  const list = typeof bodies === 'string' || bodies instanceof Uint8Array ? [bodies] : bodies;
  const headersAfterMs = options.pacing?.headersAfterMs ?? 300;
  const eventMs = options.pacing?.eventMs ?? 25;
  const exchanges = list.map((body): RecordedExchange => {
    const collector = new SSEEventCollector();
    collector.push(bodyText(body), 0);
    const events = collector.end(0).map((event, index) => ({ ...event, atMs: index * eventMs }));
    return {
      response: {
        status: 200,
        headers: options.headers ?? { 'content-type': 'text/event-stream' },
        headersAfterMs,
        events,
        endMs: events.at(-1)?.atMs ?? 0,
        end: 'complete',
      },
    };
  });
  return {
    version: recordingVersion,
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.source === undefined ? {} : { source: options.source }),
    ...(options.recordedAt === undefined ? {} : { recordedAt: options.recordedAt }),
    exchanges,
  };
}
