import {
  ChatMessage,
  type OpenAIChatAPI,
  type ProviderEvent,
  type ProviderStepResult,
} from '../../src/index.js';

const hello = [ChatMessage.createUserMessage('Hello')];

/** Every event of one request to `api`, asking "Hello". */
export async function streamEvents(
  api: OpenAIChatAPI,
  signal?: AbortSignal,
): Promise<ProviderEvent[]> {
  const events: ProviderEvent[] = [];
  for await (const event of api.streamChat({
    messages: hello,
    settings: api.getDefaultSettings(),
    tools: [],
    signal,
  }))
    events.push(event);
  return events;
}

/** What `promise` rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** The streamed answer text. */
export function answerText(events: readonly ProviderEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
}

/** The step of the final `finish` event; fails when the stream did not finish. */
export function finishedStep(events: readonly ProviderEvent[]): ProviderStepResult {
  const last = events.at(-1);
  if (last?.type !== 'finish')
    throw new Error(`expected a finish event last, got ${JSON.stringify(last)}`);
  return last.step;
}

/**
 * All the text an error exposes: message, stack, every own field (as JSON where possible) and the
 * whole cause chain, so a test can assert a secret appears nowhere in it.
 */
export function everythingIn(error: unknown, depth = 0): string {
  if (depth > 8 || error === undefined || error === null) return '';
  if (
    typeof error === 'string' ||
    typeof error === 'number' ||
    typeof error === 'bigint' ||
    typeof error === 'boolean' ||
    typeof error === 'symbol'
  )
    return String(error);
  if (typeof error === 'function') return error.name;
  const parts: string[] = [];
  if (error instanceof Error) parts.push(error.name, error.message, String(error.stack));
  for (const key of Object.getOwnPropertyNames(error)) {
    if (key === 'cause' || key === 'stack') continue;
    const value = (error as Record<string, unknown>)[key];
    parts.push(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
  }
  parts.push(everythingIn((error as { cause?: unknown }).cause, depth + 1));
  return parts.join('\n');
}

/** The forms a secret can be echoed in: verbatim, JSON-escaped and URL-encoded. */
export function secretForms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

/** A body that sends `chunks` and then stays open forever, recording whether it was cancelled. */
export function bodyThatStaysOpen(chunks: readonly string[]): {
  body: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
} {
  let cancelled = false;
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk !== undefined) controller.enqueue(encoder.encode(chunk));
      // After the last chunk, pull never enqueues again: the body neither ends nor errors.
      return chunk === undefined ? new Promise<void>(() => undefined) : undefined;
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}
