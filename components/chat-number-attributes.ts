import { isCount, isDuration } from '../src/internal/check-option.js';
import { numberAttribute } from './number-attribute.js';

// The numeric attributes of <tool-agent-chat>, checked with the library's own predicates so the
// element accepts exactly what the agent and the built-in API accept.

/** Most model requests in one turn (the agent's `maxIterations`, default 10). */
export const maxIterationsAttribute = numberAttribute({
  attribute: 'max-iterations',
  property: 'maxIterations',
  fallback: 10,
  accepts: (value) => isCount(value, 1),
  expected: 'a whole number of at least 1',
});

/** Retries of the built-in API (its `maxRetries`, default 2). */
export const maxRetriesAttribute = numberAttribute({
  attribute: 'max-retries',
  property: 'maxRetries',
  fallback: 2,
  accepts: (value) => isCount(value, 0),
  expected: 'a whole number of at least 0',
});

/** How long the built-in API waits for the response headers, in ms (its `timeout`, default 120000). */
export const timeoutAttribute = numberAttribute({
  attribute: 'timeout',
  property: 'timeout',
  fallback: 120_000,
  accepts: isDuration,
  expected: 'a positive number of milliseconds (or Infinity for no limit)',
});

/** How long the built-in API waits for the next bytes of a response, in ms (its `idleTimeout`, default 120000). */
export const idleTimeoutAttribute = numberAttribute({
  attribute: 'idle-timeout',
  property: 'idleTimeout',
  fallback: 120_000,
  accepts: isDuration,
  expected: 'a positive number of milliseconds (or Infinity for no limit)',
});

/** Sampling temperature; unset by default. */
export const temperatureAttribute = numberAttribute({
  attribute: 'temperature',
  property: 'temperature',
  fallback: undefined,
  accepts: (value) => Number.isFinite(value) && value >= 0,
  expected: 'a number of at least 0',
});

/** Upper bound on generated tokens per request; unset by default. */
export const maxTokensAttribute = numberAttribute({
  attribute: 'max-tokens',
  property: 'maxTokens',
  fallback: undefined,
  accepts: (value) => isCount(value, 1),
  expected: 'a whole number of at least 1',
});

/** Most estimated tokens per request (the agent's `contextBudget`); unset (no trimming) by default. */
export const contextBudgetAttribute = numberAttribute({
  attribute: 'context-budget',
  property: 'contextBudget',
  fallback: undefined,
  accepts: (value) => isCount(value, 1) || value === Infinity,
  expected: 'a whole number of tokens of at least 1 (or Infinity for no budget)',
});

/** How often, in ms, streamed answer text is written into the transcript (0: every piece as it comes). */
export const renderIntervalAttribute = numberAttribute({
  attribute: 'render-interval',
  property: 'renderInterval',
  fallback: 50,
  accepts: (value) => Number.isFinite(value) && value >= 0,
  expected: 'a number of milliseconds of at least 0',
});

/** The longest side, in pixels, an attached image is sent with (larger ones are downscaled). */
export const imageMaxSideAttribute = numberAttribute({
  attribute: 'image-max-side',
  property: 'imageMaxSide',
  fallback: 1568,
  accepts: (value) => isCount(value, 16),
  expected: 'a whole number of pixels of at least 16',
});

/** The largest file, in bytes, the user may attach. */
export const attachmentMaxBytesAttribute = numberAttribute({
  attribute: 'attachment-max-bytes',
  property: 'attachmentMaxBytes',
  fallback: 10_000_000,
  accepts: (value) => isCount(value, 1),
  expected: 'a whole number of bytes of at least 1',
});
