import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describeThrown } from '../internal/describe-thrown.js';
import { McpServerError } from './mcp-server-error.js';

/** Where the failure happened, for the message and for telling CORS from an unreachable server. */
export interface McpFailureContext {
  /** The server's name. */
  readonly server: string;
  /** The MCP endpoint (no credentials: they travel in headers, never in the URL we print). */
  readonly url: URL;
  /** What we were doing: `connecting`, `listing tools`, `calling "echo"`. */
  readonly doing: string;
  /** The fetch the transport uses, for the CORS probe. */
  readonly fetch: typeof globalThis.fetch;
  /** Header names the page sends besides MCP's own (they must be allowed by CORS too). */
  readonly extraHeaderNames: readonly string[];
  /** True once connected: a later network error is a lost connection, not CORS (the same requests passed it). */
  readonly connected?: boolean;
  /** Whether the page could read an `Mcp-Session-Id` from the server so far. */
  readonly hasSession?: () => boolean;
}

/** How long the CORS probe may take before the server counts as unreachable. */
const probeTimeoutMs = 5_000;

function printable(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

// The SDK repeats its prefix ("MCP error -32603: MCP error -32603: ..."): keep the server's words.
function serverWords(message: string): string {
  return message.replace(/^(MCP error -?\d+: )+/, '');
}

/**
 * A fetch that fails with a TypeError is either a server that never answered or an answer the
 * browser withheld (CORS); the page cannot see which. A `no-cors` request tells them apart: it
 * resolves (with an opaque response) whenever the server answered at all.
 */
async function answersWithoutCors(context: McpFailureContext): Promise<boolean> {
  try {
    await context.fetch(context.url, {
      mode: 'no-cors',
      credentials: 'omit',
      signal: AbortSignal.timeout(probeTimeoutMs),
    });
    return true;
  } catch {
    return false;
  }
}

/** The headers a browser page needs from an MCP server, named in the CORS error. */
export function corsAdvice(origin: string, extraHeaderNames: readonly string[]): string {
  const allowed = [
    'Content-Type',
    'Accept',
    'Mcp-Session-Id',
    'Mcp-Protocol-Version',
    'Last-Event-ID',
    ...extraHeaderNames,
  ];
  return (
    `The server must answer this page's origin with "Access-Control-Allow-Origin: ${origin}", ` +
    `"Access-Control-Allow-Methods: GET, POST, DELETE", "Access-Control-Allow-Headers: ${allowed.join(', ')}" ` +
    `and "Access-Control-Expose-Headers: Mcp-Session-Id" (without it the page cannot read the session id), ` +
    'also on OPTIONS preflight requests.'
  );
}

/**
 * Turns whatever the SDK or fetch threw into an {@link McpServerError} with a message that says
 * what happened, to which server, and what to do. An `McpServerError` passes through unchanged.
 */
export async function describeMcpFailure(
  error: unknown,
  context: McpFailureContext,
): Promise<McpServerError> {
  if (error instanceof McpServerError) return error;
  const { server, doing } = context;
  const where = `MCP server "${server}" (${printable(context.url)})`;
  const options = { cause: error, url: printable(context.url) };
  if (error instanceof TypeError) {
    const answers = await answersWithoutCors(context);
    if (answers && context.connected === true)
      return new McpServerError(
        'closed',
        server,
        `The connection to ${where} was lost while ${doing}: ${error.message}`,
        options,
      );
    if (answers) {
      const origin = typeof location === 'undefined' ? 'the page origin' : location.origin;
      return new McpServerError(
        'cors',
        server,
        `The browser blocked the answer of ${where} while ${doing} (CORS). ${corsAdvice(origin, context.extraHeaderNames)}`,
        options,
      );
    }
    return new McpServerError(
      'unreachable',
      server,
      `Could not reach ${where} while ${doing}: no answer (is it running, is the address right, does the page's Content-Security-Policy connect-src allow it?).`,
      options,
    );
  }
  if (error instanceof StreamableHTTPError) {
    const status = error.code ?? -1;
    if (status <= 0)
      return new McpServerError(
        'protocol',
        server,
        `${where} did not answer like an MCP server while ${doing}: ${error.message}`,
        options,
      );
    // A server whose CORS hides Mcp-Session-Id sees every request after initialize as sessionless.
    const hiddenSession =
      (status === 400 || status === 404) && context.hasSession?.() === false
        ? ' If the server uses sessions, it must send "Access-Control-Expose-Headers: Mcp-Session-Id": the page could not read a session id.'
        : '';
    const hint =
      status === 401 || status === 403
        ? ' Check the bearer token or the headers the server needs.'
        : status === 404
          ? ` Check the URL (MCP endpoints often end in /mcp), or the session has expired.${hiddenSession}`
          : hiddenSession;
    return new McpServerError(
      'http',
      server,
      `${where} answered HTTP ${status} while ${doing}.${hint} ${error.message}`.trim(),
      { ...options, status },
    );
  }
  if (error instanceof McpError) {
    if (error.code === Number(ErrorCode.RequestTimeout))
      return new McpServerError(
        'timeout',
        server,
        `${where} did not answer in time while ${doing}.`,
        {
          ...options,
          code: error.code,
        },
      );
    if (error.code === Number(ErrorCode.ConnectionClosed))
      return new McpServerError(
        'closed',
        server,
        `The connection to ${where} closed while ${doing}.`,
        { ...options, code: error.code },
      );
    return new McpServerError(
      'protocol',
      server,
      `${where} answered with an error while ${doing}: ${serverWords(error.message)} (JSON-RPC code ${error.code}).`,
      { ...options, code: error.code },
    );
  }
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return new McpServerError(
      'timeout',
      server,
      `${where} did not answer in time while ${doing}.`,
      options,
    );
  return new McpServerError(
    'protocol',
    server,
    `${where} failed while ${doing}: ${describeThrown(error)}`,
    options,
  );
}
