/** Options of {@link sseEvents}. */
export interface SSEEventsOptions {
  /** End with `data: [DONE]`, as OpenAI does. Default `true`. */
  readonly done?: boolean;
}

/** One `data:` event; a value that is not a string is sent as JSON. */
export function sseEvent(data: unknown): string {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  if (text === undefined)
    throw new TypeError('An SSE event payload must be a string or JSON-serialisable.');
  // A line break inside data needs one data: line per line to survive SSE framing.
  return `${text
    .split(/\r\n|\r|\n/u)
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;
}

/**
 * A `text/event-stream` body: one `data:` event per item, each followed by a blank line.
 * Objects become compact JSON; strings are sent as they are (so `'[DONE]'` or broken JSON
 * can be scripted too).
 *
 * @example sseEvents([{ choices: [] }]) // 'data: {"choices":[]}\n\ndata: [DONE]\n\n'
 */
export function sseEvents(events: readonly unknown[], options: SSEEventsOptions = {}): string {
  const body = events.map(sseEvent).join('');
  return options.done === false ? body : body + sseEvent('[DONE]');
}
