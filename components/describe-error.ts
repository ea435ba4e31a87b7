import {
  isAPIKeyFormatError,
  isEventTooLargeError,
  isHTTPError,
  isIncompleteStreamError,
  isKeyRejection,
  isMalformedStreamError,
  isNetworkError,
  isStreamError,
  isTimeoutError,
  isToolAgentsError,
} from '../src/index.js';
import type { ErrorNotice } from './transcript-entry.js';

// The statuses worth their own words; the rest read as "rejected" (4xx) or "the server failed" (5xx).
const statusMeanings: Readonly<Record<number, string>> = {
  401: 'the API key was rejected',
  403: 'access is not allowed',
  404: 'the endpoint or model was not found',
  429: 'too many requests or quota exceeded',
  503: 'the service is unavailable',
};

/** Words a person can act on, for any failure of a turn. Library messages never hold the key. */
export function describeError(error: unknown): ErrorNotice {
  if (isHTTPError(error)) {
    const meaning =
      statusMeanings[error.status] ??
      (error.status >= 500 ? 'the server failed' : 'the request was rejected');
    const said = error.providerMessage ?? error.statusText ?? '';
    const rejectedKey = isKeyRejection(error);
    const detail = rejectedKey
      ? `${said ? `${said} ` : ''}Enter a valid API key, then retry.`.trim()
      : said || 'The server gave no message.';
    return {
      title: `HTTP ${error.status}: ${rejectedKey ? statusMeanings[401] : meaning}`,
      detail,
      unauthorized: rejectedKey,
    };
  }
  if (isNetworkError(error))
    return { title: 'Could not reach the server', detail: error.hint, unauthorized: false };
  if (isStreamError(error)) {
    return {
      title: 'The provider reported an error mid-answer',
      detail: error.providerMessage ?? 'No message was given.',
      unauthorized: false,
    };
  }
  if (isIncompleteStreamError(error)) {
    return {
      title: 'The answer was cut short',
      detail: 'The connection ended before the response was finished.',
      unauthorized: false,
    };
  }
  if (isAPIKeyFormatError(error)) {
    const subject =
      error.header === 'Authorization' ? 'The API key' : `The header "${error.header}"`;
    return {
      title: `${subject} cannot be sent`,
      // Kind and position only: the key itself is never shown.
      detail: `It contains a ${error.character} at position ${error.position}, probably copied along with it. Paste it again or type that part by hand.`,
      unauthorized: false,
    };
  }
  if (isTimeoutError(error)) {
    const seconds = `${Math.round(error.timeoutMs / 100) / 10} s`;
    return error.phase === 'response'
      ? {
          title: 'The server did not answer in time',
          detail: `No response within ${seconds}. A local model may still be loading, or the server is overloaded; try again.`,
          unauthorized: false,
        }
      : {
          title: 'The answer stalled',
          detail: `Nothing arrived for ${seconds}, so the request was stopped; what arrived is kept.`,
          unauthorized: false,
        };
  }
  if (isEventTooLargeError(error)) {
    return {
      title: 'The server sent an oversized response',
      detail: error.message,
      unauthorized: false,
    };
  }
  if (isMalformedStreamError(error)) {
    return {
      title: 'The server sent an unreadable response',
      detail: error.message,
      unauthorized: false,
    };
  }
  if (isToolAgentsError(error))
    return { title: 'The request failed', detail: error.message, unauthorized: false };
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'Something went wrong',
    detail: message || 'No message was given.',
    unauthorized: false,
  };
}
