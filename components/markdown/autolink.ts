import { sanitizeUrl } from './sanitize-url.js';

const URI_AUTOLINK = /^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/;
const EMAIL_AUTOLINK =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * Classifies the text between `<` and `>`: `undefined` if it is no autolink (raw HTML, say),
 * `''` for an autolink to a refused scheme, else the safe href.
 */
export function autolinkHref(body: string): string | undefined {
  if (URI_AUTOLINK.test(body)) return sanitizeUrl(body) ?? '';
  if (EMAIL_AUTOLINK.test(body)) return sanitizeUrl(`mailto:${body}`) ?? '';
  return undefined;
}
