import { ToolAgentsError } from '../errors.js';
import type { SecretRedactor } from './redact-secret.js';

// Every text field a library error may carry; `data` and `body` are redacted again here
// although their producers redact before cutting, so no path can skip it.
const textFields = [
  'message',
  'statusText',
  'providerMessage',
  'code',
  'type',
  'param',
  'body',
  'data',
  'hint',
  'url',
] as const;

/**
 * Removes secrets from every text field of an error (message, status text, body, provider
 * message, code, type, param, stream data, hint, URL) and from its cause chain, in place.
 * Anything else thrown is returned as is, or as a redacted copy when its message holds a secret.
 */
export function redactError(error: unknown, redactor: SecretRedactor): unknown {
  if (redactor.isEmpty) return error;
  if (!(error instanceof ToolAgentsError)) return redactor.redactCause(error);
  const fields = error as unknown as Record<string, unknown>;
  for (const field of textFields) {
    const value = fields[field];
    if (typeof value === 'string') fields[field] = redactor.redact(value);
  }
  if (typeof error.stack === 'string') error.stack = redactor.redact(error.stack);
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) {
    const clean = redactor.redactCause(cause);
    // `cause` is an own data property set by the Error constructor, so it can be replaced.
    if (clean !== cause)
      Object.defineProperty(error, 'cause', {
        value: clean,
        writable: true,
        configurable: true,
        enumerable: false,
      });
  }
  return error;
}
