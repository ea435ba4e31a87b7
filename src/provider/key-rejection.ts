import { isHTTPError, isStreamError } from '../error-guards.js';

// Gemini answers a bad key with HTTP 400 and these words ("API key not valid", reason API_KEY_INVALID), not with a 401.
const invalidKeyWords =
  /api[_ ]key[_ ]invalid|api key not valid|invalid api key|incorrect api key/iu;

/** True when a provider's words say the API key is wrong, whatever the status it came with. */
export function mentionsInvalidKey(text: string): boolean {
  return invalidKeyWords.test(text);
}

/**
 * True when the server refused the API key: HTTP 401, or an error whose provider message, code
 * or body says the key is invalid (Gemini's HTTP 400). Not for a missing key: check that first.
 */
export function isKeyRejection(error: unknown): boolean {
  if (isHTTPError(error)) {
    if (error.status === 401) return true;
    return (
      error.status >= 400 &&
      error.status < 500 &&
      mentionsInvalidKey(`${error.providerMessage ?? ''} ${String(error.code ?? '')} ${error.body}`)
    );
  }
  return (
    isStreamError(error) &&
    mentionsInvalidKey(`${error.providerMessage ?? ''} ${String(error.code ?? '')}`)
  );
}
