import { HTTPError, IncompleteStreamError, MalformedStreamError, NetworkError, StreamError, ToolAgentsError } from '../src/index.js';
import type { ErrorNotice } from './transcript-entry.js';

const statusMeanings: Readonly<Record<number, string>> = {
  400: 'the request was rejected',
  401: 'the API key was rejected',
  403: 'access is not allowed',
  404: 'the endpoint or model was not found',
  408: 'the request timed out',
  413: 'the request is too large',
  429: 'too many requests or quota exceeded',
  500: 'the server failed',
  502: 'a gateway failed',
  503: 'the service is unavailable',
  504: 'a gateway timed out',
};

/** Words a person can act on, for any failure of a turn. Library messages never hold the key. */
export function describeError(error: unknown): ErrorNotice {
  if (error instanceof HTTPError) {
    const meaning = statusMeanings[error.status] ?? (error.status >= 500 ? 'the server failed' : 'the request was rejected');
    const said = error.providerMessage ?? error.statusText ?? '';
    const detail = error.status === 401 ? `${said ? `${said} ` : ''}Enter a valid API key, then retry.`.trim() : said || 'The server gave no message.';
    return { title: `HTTP ${error.status}: ${meaning}`, detail, unauthorized: error.status === 401 };
  }
  if (error instanceof NetworkError) return { title: 'Could not reach the server', detail: error.hint, unauthorized: false };
  if (error instanceof StreamError) {
    return { title: 'The provider reported an error mid-answer', detail: error.providerMessage ?? 'No message was given.', unauthorized: false };
  }
  if (error instanceof IncompleteStreamError) {
    return { title: 'The answer was cut short', detail: 'The connection ended before the response was finished.', unauthorized: false };
  }
  if (error instanceof MalformedStreamError) {
    return { title: 'The server sent an unreadable response', detail: error.message, unauthorized: false };
  }
  if (error instanceof ToolAgentsError) return { title: 'The request failed', detail: error.message, unauthorized: false };
  const message = error instanceof Error ? error.message : String(error);
  return { title: 'Something went wrong', detail: message || 'No message was given.', unauthorized: false };
}
