import {
  isAPIKeyFormatError,
  isContextBudgetError,
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
type Meaning = 'http401' | 'http403' | 'http404' | 'http429' | 'http503' | 'http5xx' | 'http4xx';
const statusMeanings: Readonly<Record<number, Meaning>> = {
  401: 'http401',
  403: 'http403',
  404: 'http404',
  429: 'http429',
  503: 'http503',
};

const notice = (text: ErrorNotice['text'], unauthorized = false): ErrorNotice => ({
  text,
  unauthorized,
});

/**
 * Words a person can act on, for any failure of a turn, in the strings in force when it is shown.
 * `keySent` false turns a refusal into a request for a key rather than "the key was rejected".
 * Library messages never hold the key.
 */
export function describeError(error: unknown, keySent = true): ErrorNotice {
  if (isHTTPError(error) && error.contextExceeded) {
    const said = error.providerMessage ?? '';
    return {
      text: (s) => [s.contextExceeded, `${said ? `${said} ` : ''}${s.contextExceededDetail}`],
      unauthorized: false,
      contextExceeded: true,
    };
  }
  if (isContextBudgetError(error))
    return notice((s) => [s.overBudget, s.overBudgetDetail(error.requiredTokens, error.budget)]);
  if (isHTTPError(error)) {
    const rejectedKey = isKeyRejection(error);
    if (rejectedKey && !keySent)
      return notice((s) => [s.httpTitle(error.status, s.httpNoKey), s.enterKey], true);
    const meaning =
      statusMeanings[rejectedKey ? 401 : error.status] ??
      (error.status >= 500 ? 'http5xx' : 'http4xx');
    const said = error.providerMessage ?? error.statusText ?? '';
    return notice(
      (s) => [
        s.httpTitle(error.status, s[meaning]),
        rejectedKey ? `${said ? `${said} ` : ''}${s.enterValidKey}` : said || s.noServerMessage,
      ],
      rejectedKey,
    );
  }
  if (isNetworkError(error)) return notice((s) => [s.unreachable, error.hint]);
  if (isStreamError(error))
    return notice((s) => [s.streamFailed, error.providerMessage ?? s.noMessage]);
  if (isIncompleteStreamError(error)) return notice((s) => [s.cutShort, s.cutShortDetail]);
  if (isAPIKeyFormatError(error)) {
    const header = error.header === 'Authorization' ? undefined : error.header;
    // Kind and position only: the key itself is never shown.
    return notice((s) => [
      s.unsendable(header),
      s.unsendableDetail(error.character, error.position),
    ]);
  }
  if (isTimeoutError(error)) {
    const seconds = Math.round(error.timeoutMs / 100) / 10;
    return error.phase === 'response'
      ? notice((s) => [s.noResponse, s.noResponseDetail(seconds)])
      : notice((s) => [s.stalled, s.stalledDetail(seconds)]);
  }
  if (isEventTooLargeError(error)) return notice((s) => [s.oversized, error.message]);
  if (isMalformedStreamError(error)) return notice((s) => [s.malformed, error.message]);
  if (isToolAgentsError(error)) return notice((s) => [s.requestFailed, error.message]);
  const message = error instanceof Error ? error.message : String(error);
  return notice((s) => [s.unexpected, message || s.noMessage]);
}
