import {
  APIKeyFormatError,
  ContextBudgetError,
  EventTooLargeError,
  ImageError,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  StreamError,
  TimeoutError,
  ToolAgentsError,
} from './errors.js';

// `instanceof` fails across two copies of the library on one page (a bundled element next to the
// page's own import): these guards also recognise an error by its name and its own fields.

type Fields = Record<string, unknown>;

function named(error: unknown, names: readonly string[]): error is Fields {
  if (typeof error !== 'object' || error === null) return false;
  const { name, partial } = error as Fields;
  // Every error of this library carries its partial response; that tells it from a DOMException of the same name.
  return (
    typeof name === 'string' &&
    names.includes(name) &&
    typeof partial === 'object' &&
    partial !== null
  );
}

const libraryNames = [
  'ToolAgentsError',
  'HTTPError',
  'NetworkError',
  'StreamError',
  'IncompleteStreamError',
  'MalformedStreamError',
  'EventTooLargeError',
  'TimeoutError',
  'APIKeyFormatError',
  'ImageError',
  'ImageTooLargeError',
  'ImageURLError',
  'ContextBudgetError',
];

/** Any error of this library, from this copy or another one on the page. */
export function isToolAgentsError(error: unknown): error is ToolAgentsError {
  return error instanceof ToolAgentsError || named(error, libraryNames);
}

/** The endpoint answered with a non-2xx status. */
export function isHTTPError(error: unknown): error is HTTPError {
  return (
    error instanceof HTTPError ||
    (named(error, ['HTTPError']) && typeof error['status'] === 'number')
  );
}

/** The request got no HTTP answer (offline, DNS, refused, CORS). */
export function isNetworkError(error: unknown): error is NetworkError {
  return (
    error instanceof NetworkError ||
    (named(error, ['NetworkError']) && typeof error['hint'] === 'string')
  );
}

/** The provider reported an error inside a started stream. */
export function isStreamError(error: unknown): error is StreamError {
  return error instanceof StreamError || named(error, ['StreamError']);
}

/** The stream ended before the response was finished. */
export function isIncompleteStreamError(error: unknown): error is IncompleteStreamError {
  return error instanceof IncompleteStreamError || named(error, ['IncompleteStreamError']);
}

/** An event could not be read (including one past `maxEventBytes`). */
export function isMalformedStreamError(error: unknown): error is MalformedStreamError {
  return (
    error instanceof MalformedStreamError ||
    named(error, ['MalformedStreamError', 'EventTooLargeError'])
  );
}

/** One event grew past `maxEventBytes`. */
export function isEventTooLargeError(error: unknown): error is EventTooLargeError {
  return (
    error instanceof EventTooLargeError ||
    (named(error, ['EventTooLargeError']) && typeof error['limit'] === 'number')
  );
}

/** The response headers or the next bytes did not come in time (not a DOMException of the same name). */
export function isTimeoutError(error: unknown): error is TimeoutError {
  return (
    error instanceof TimeoutError ||
    (named(error, ['TimeoutError']) && typeof error['phase'] === 'string')
  );
}

/** The key or a header value holds a character that cannot be sent. */
export function isAPIKeyFormatError(error: unknown): error is APIKeyFormatError {
  return (
    error instanceof APIKeyFormatError ||
    (named(error, ['APIKeyFormatError']) && typeof error['position'] === 'number')
  );
}

/** An image of the request could not be sent (too large, or a URL other than https: and data:image). */
export function isImageError(error: unknown): error is ImageError {
  return (
    error instanceof ImageError ||
    (named(error, ['ImageError', 'ImageTooLargeError', 'ImageURLError']) &&
      typeof error['partIndex'] === 'number')
  );
}

/** What must stay in a request is estimated above the agent's `contextBudget`. */
export function isContextBudgetError(error: unknown): error is ContextBudgetError {
  return (
    error instanceof ContextBudgetError ||
    (named(error, ['ContextBudgetError']) && typeof error['budget'] === 'number')
  );
}
