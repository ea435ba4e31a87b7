/** Statuses worth another try: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

const maxServerWaitMs = 60_000;

/**
 * The wait the server asked for, from `retry-after-ms` or `retry-after` (seconds or an HTTP date).
 * Waits over a minute are ignored; browsers only expose these headers when CORS allows it.
 */
export function serverRetryDelayMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms <= maxServerWaitMs ? ms : undefined;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  const wait = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(wait) && wait >= 0 && wait <= maxServerWaitMs ? wait : undefined;
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s... capped at 8 s, times a random factor in [0.75, 1]. */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** attempt, 8000);
  return base * (0.75 + 0.25 * random());
}

/** Whether the server explicitly asked for (or against) a retry with `x-should-retry`. */
export function serverRetryHint(headers: Headers): boolean | undefined {
  const value = headers.get('x-should-retry');
  return value === 'true' ? true : value === 'false' ? false : undefined;
}
