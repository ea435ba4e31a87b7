import { expect } from 'chai';
import {
  backoffDelayMs,
  isRetryableStatus,
  serverRetryDelayMs,
  serverRetryHint,
} from '../../src/internal/retry-policy.js';

describe('retry policy', () => {
  it('retries timeouts, conflicts, rate limits and server errors only', () => {
    expect([408, 409, 429, 500, 502, 503, 504].every(isRetryableStatus)).to.equal(true);
    expect([400, 401, 403, 404, 422].some(isRetryableStatus)).to.equal(false);
  });

  it('reads retry-after-ms, retry-after seconds and HTTP dates, ignoring waits over a minute', () => {
    expect(serverRetryDelayMs(new Headers({ 'retry-after-ms': '250' }))).to.equal(250);
    expect(serverRetryDelayMs(new Headers({ 'retry-after': '2' }))).to.equal(2000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(
      serverRetryDelayMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now),
    ).to.equal(5000);
    expect(serverRetryDelayMs(new Headers({ 'retry-after': '3600' }))).to.equal(undefined);
    expect(serverRetryDelayMs(new Headers({ 'retry-after': 'soon' }))).to.equal(undefined);
    expect(serverRetryDelayMs(new Headers())).to.equal(undefined);
  });

  it('backs off exponentially with jitter and a cap', () => {
    expect(backoffDelayMs(0, () => 1)).to.equal(500);
    expect(backoffDelayMs(0, () => 0)).to.equal(375);
    expect(backoffDelayMs(2, () => 1)).to.equal(2000);
    expect(backoffDelayMs(10, () => 1)).to.equal(8000);
  });

  it('reads x-should-retry', () => {
    expect(serverRetryHint(new Headers({ 'x-should-retry': 'true' }))).to.equal(true);
    expect(serverRetryHint(new Headers({ 'x-should-retry': 'false' }))).to.equal(false);
    expect(serverRetryHint(new Headers())).to.equal(undefined);
  });
});
