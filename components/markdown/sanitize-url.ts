/** Schemes a rendered link may use; everything else (javascript:, data:, vbscript:, relative) is refused. */
const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns `url` normalised as an absolute `http:`, `https:` or `mailto:` URL, or `undefined` when it
 * is anything else.
 *
 * The check runs on the browser's own URL parser, so the obfuscations that fool pattern matching
 * (mixed case, tabs or newlines inside the scheme, leading control characters) are resolved exactly
 * as a click would resolve them. Relative and protocol-relative URLs (`/x`, `//host`, `#frag`) are
 * refused: text written by a model must not navigate the host page's own origin.
 *
 * @param url - an untrusted URL, already free of markdown escapes and HTML entities
 * @returns the serialised absolute URL, safe for `setAttribute('href', …)`, or `undefined`
 */
export function sanitizeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    // No base: a relative URL throws, which is how relative links are refused.
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return undefined;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return undefined;
  return parsed.href;
}
