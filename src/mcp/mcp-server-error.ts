import { ToolAgentsError, type ToolAgentsErrorOptions } from '../errors.js';
import { describeThrown } from '../internal/describe-thrown.js';

/**
 * What went wrong with an MCP server:
 * - `unreachable`: no answer at all (server down, wrong address, DNS, or the page's own CSP `connect-src`).
 * - `cors`: the server answered, but the browser withheld the answer (missing CORS headers).
 * - `http`: the server answered with an HTTP error status (`status`), e.g. 401 for a missing token.
 * - `protocol`: the server answered with a JSON-RPC error (`code`), or with something that is not MCP.
 * - `timeout`: no answer within the time allowed.
 * - `closed`: the connection was lost or closed while waiting (the server went away mid-call).
 */
export type McpServerErrorKind =
  'unreachable' | 'cors' | 'http' | 'protocol' | 'timeout' | 'closed';

/** Options of {@link McpServerError}. */
export interface McpServerErrorOptions extends ToolAgentsErrorOptions {
  /** The HTTP status, for kind `http`. */
  status?: number;
  /** The JSON-RPC error code, for kind `protocol` (and the SDK's codes for `timeout`/`closed`). */
  code?: number;
}

/** A failure talking to one MCP server; `kind` says which, `server` names the server. */
export class McpServerError extends ToolAgentsError {
  override name = 'McpServerError' as const;
  readonly kind: McpServerErrorKind;
  /** The server's name, as given to `connect`. */
  readonly server: string;
  readonly status: number | undefined;
  readonly code: number | undefined;

  constructor(
    kind: McpServerErrorKind,
    server: string,
    message: string,
    options: McpServerErrorOptions = {},
  ) {
    super(message, options);
    this.kind = kind;
    this.server = server;
    this.status = options.status;
    this.code = options.code;
  }
}

/** True for an {@link McpServerError}, also one from another copy of the library (by name and fields). */
export function isMcpServerError(value: unknown): value is McpServerError {
  if (value instanceof McpServerError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { name, kind, server } = value as Record<string, unknown>;
  return name === 'McpServerError' && typeof kind === 'string' && typeof server === 'string';
}

/** Why `server` could not be connected, as an {@link McpServerError} (kind `protocol` when it was something else). */
export function connectFailure(server: string, reason: unknown): McpServerError {
  return isMcpServerError(reason)
    ? reason
    : new McpServerError(
        'protocol',
        server,
        `MCP server "${server}" could not be connected: ${describeThrown(reason)}`,
        { cause: reason },
      );
}
