import type { ScriptedReply } from './scripted-reply.js';

/** Options of {@link errorReply}. */
export interface ErrorReplyOptions {
  /** `error.type`. Default: OpenAI's type for the status (`'invalid_request_error'`, `'server_error'`, ...). */
  readonly type?: string;
  /** `error.code`. Default `null`. */
  readonly code?: string | number | null;
  /** `error.param`. Default `null`. */
  readonly param?: string | null;
  /** A `retry-after` header: seconds, or an HTTP date. */
  readonly retryAfter?: number | string;
  /** Extra response headers. */
  readonly headers?: Readonly<Record<string, string>>;
}

function defaultType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/**
 * An HTTP error answered before any streaming, with OpenAI's JSON body
 * `{"error":{"message","type","param","code"}}`.
 *
 * @example errorReply(429, 'Rate limit reached', { retryAfter: 2, code: 'rate_limit_exceeded' })
 */
export function errorReply(
  status: number,
  message: string,
  options: ErrorReplyOptions = {},
): ScriptedReply {
  const body = {
    error: {
      message,
      type: options.type ?? defaultType(status),
      param: options.param ?? null,
      code: options.code ?? null,
    },
  };
  return {
    status,
    headers: {
      'content-type': 'application/json',
      ...(options.retryAfter === undefined ? {} : { 'retry-after': String(options.retryAfter) }),
      ...options.headers,
    },
    chunks: [{ text: JSON.stringify(body) }],
  };
}
