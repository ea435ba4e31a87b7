import { ToolAgentsError, copyError } from '../errors.js';
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
 * message, code, type, param, stream data, hint, URL), its stack and its cause chain. A library
 * error that held one comes back as a cleaned copy of the same class (the thrown one is never
 * rewritten); anything else thrown is returned as is, or as a redacted copy when its message
 * holds a secret.
 */
export function redactError(error: unknown, redactor: SecretRedactor): unknown {
  if (redactor.isEmpty) return error;
  if (!(error instanceof ToolAgentsError)) return redactor.redactCause(error);
  const fields = error as unknown as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const field of textFields) {
    const value = fields[field];
    if (typeof value !== 'string') continue;
    const clean = redactor.redact(value);
    if (clean !== value) changes[field] = clean;
  }
  if (typeof error.stack === 'string') {
    const stack = redactor.redact(error.stack);
    if (stack !== error.stack) changes['stack'] = stack;
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined) {
    const clean = redactor.redactCause(cause);
    if (clean !== cause) changes['cause'] = clean;
  }
  return Object.keys(changes).length === 0 ? error : copyError(error, changes);
}
