import type { RecordedRequest } from './scripted-reply.js';

function baseURL(): string {
  // Pages resolve relative URLs against their location; Node has none, so use a neutral origin.
  const location = (globalThis as { location?: { href?: string } }).location;
  return location?.href ?? 'http://localhost/';
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Reads a fetch call into a {@link RecordedRequest} (the body is consumed from a copy). */
export async function recordRequest(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<RecordedRequest> {
  const target = input instanceof Request ? input : new URL(String(input), baseURL()).href;
  // The signal is handled by the caller; keeping it here would make reading the body abortable.
  const { signal: _signal, ...rest } = init ?? {};
  const request = new Request(target, rest);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    url: request.url,
    path: new URL(request.url).pathname,
    method: request.method,
    headers,
    body: parseBody(await request.text()),
    aborted: false,
  };
}
