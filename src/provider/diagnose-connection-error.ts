import {
  isAPIKeyFormatError,
  isHTTPError,
  isNetworkError,
  isStreamError,
  isTimeoutError,
} from '../error-guards.js';
import type { HTTPError, StreamError } from '../errors.js';
import type { ConnectionDiagnosis, ConnectionDiagnosisContext } from './connection-diagnosis.js';
import { mentionsInvalidKey } from './key-rejection.js';
import { providerOf, type KnownProvider } from './known-providers.js';

type Verdict = Omit<ConnectionDiagnosis, 'provider'>;

/** The provider's message, code and body, lower-cased, to search for telltale words. */
function textOf(error: HTTPError | StreamError): string {
  const body = isHTTPError(error) ? error.body : '';
  return `${error.providerMessage ?? ''} ${String(error.code ?? '')} ${body}`.toLowerCase();
}

function serverSaid(error: HTTPError | StreamError): string {
  const http = isHTTPError(error) ? error : undefined;
  const message = error.providerMessage ?? (http ? http.body.slice(0, 300) || http.statusText : '');
  const status = http ? `HTTP ${http.status}` : 'An error inside the stream';
  return message ? `${status}: ${message}` : status;
}

const mentionsStreamOptions = (text: string): boolean => /stream_options|include_usage/u.test(text);
const mentionsTools = (text: string): boolean =>
  /\btools?\b|tool_choice|function[ _]call|--jinja/u.test(text) &&
  /support|jinja|not allowed|unsupported|unrecognized|not (?:permitted|available|enabled)|invalid|unknown|extra/u.test(
    text,
  );
const mentionsUnknownModel = (text: string): boolean =>
  text.includes('model_not_found') ||
  (/\bmodel\b/u.test(text) &&
    /not found|does not exist|doesn't exist|no such|unknown|invalid|not a valid|not available|unavailable|decommissioned|pull/u.test(
      text,
    ));

function keyVerdict(hasKey: boolean, provider: KnownProvider, detail: string): Verdict {
  const where = provider.id === 'other' ? 'this server' : provider.label;
  const local =
    provider.id === 'llamacpp' ? ' (the one llama-server was started with --api-key)' : '';
  return hasKey
    ? {
        kind: 'key-rejected',
        title: 'The server rejected the API key.',
        detail,
        fix: `Check that the key is right, active and belongs to ${where}${local}${provider.keyURL ? ` (keys: ${provider.keyURL})` : ''}.${provider.keyFormat ? ` ${provider.keyFormat}` : ''}`,
      }
    : {
        kind: 'no-key',
        title: 'This endpoint needs an API key.',
        detail,
        fix: `No key was sent. Enter your ${where} key${local}${provider.keyURL ? ` (create one at ${provider.keyURL})` : ''}.`,
      };
}

function httpVerdict(
  error: HTTPError | StreamError,
  provider: KnownProvider,
  context: ConnectionDiagnosisContext,
): Verdict {
  const text = textOf(error);
  const detail = serverSaid(error);
  const status = isHTTPError(error) ? error.status : 400;
  const model = context.model ?? '';
  if (status === 401 || status === 403 || mentionsInvalidKey(text))
    return keyVerdict(context.hasKey, provider, detail);
  if (mentionsStreamOptions(text))
    return {
      kind: 'stream-options-rejected',
      title: 'The server rejects stream_options (the usage request).',
      detail,
      fix: 'Stop asking for token usage (includeUsage: false): requests then leave out stream_options, which this host does not accept.',
    };
  if (mentionsTools(text))
    return {
      kind: 'no-tool-support',
      title: 'The server or model does not support tools.',
      detail,
      fix: provider.toolsFix,
    };
  if (mentionsUnknownModel(text)) {
    const command = provider.modelCommand?.(model);
    return {
      kind: 'model-not-found',
      title: `Unknown model "${model}".`,
      detail,
      fix: provider.modelFix(model),
      ...(command ? { command } : {}),
    };
  }
  if (status === 404)
    return {
      kind: 'endpoint-not-found',
      title: 'No chat-completions endpoint at this base URL.',
      detail,
      fix: 'Check the base URL: it usually ends in /v1.',
    };
  if (status === 429 || status === 402)
    return {
      kind: 'rate-limited',
      title: status === 402 ? 'The account has no credit left.' : 'Rate limited or out of quota.',
      detail,
      fix: 'The key works. Wait a moment, or check the plan, credits and limits of the account.',
    };
  if (status >= 500)
    return {
      kind: 'server-error',
      title: 'The server failed.',
      detail,
      fix: 'The server had a problem of its own; try again in a moment, or check its logs if it is yours.',
    };
  return {
    kind: 'rejected-request',
    title: 'The server rejected the request.',
    detail,
    fix: 'Check the model name and the base URL; the server message above says what it did not like.',
  };
}

const timeoutFix =
  'A local model may still be loading: wait and try again. Otherwise check the server.';

function verdict(
  error: unknown,
  provider: KnownProvider,
  context: ConnectionDiagnosisContext,
): Verdict {
  if (isHTTPError(error) || isStreamError(error)) return httpVerdict(error, provider, context);
  if (isNetworkError(error)) {
    const origin = context.pageOrigin ?? globalThis.location?.origin ?? 'this page';
    const command = provider.corsCommand?.(origin);
    return {
      kind: 'cors-or-network',
      title: 'The request did not get through (a network or CORS failure).',
      detail: 'The browser hides which one it was, on purpose.',
      fix: provider.corsFix(origin),
      ...(command ? { command } : {}),
    };
  }
  if (isAPIKeyFormatError(error)) {
    const what = error.header === 'Authorization' ? 'The API key' : `The "${error.header}" header`;
    return {
      kind: 'key-format',
      title: `${what} holds a character that cannot be sent.`,
      detail: `A ${error.character} at position ${error.position}; nothing was sent.`,
      fix: `Copy the key again${provider.keyURL ? ` from ${provider.keyURL}` : ''} and paste it as plain text, or type that part by hand.`,
    };
  }
  if (isTimeoutError(error))
    return {
      kind: 'timeout',
      title: 'No answer in time.',
      detail:
        error.phase === 'response'
          ? `No response headers within ${error.timeoutMs} ms.`
          : `The response stopped: nothing arrived for ${error.timeoutMs} ms.`,
      fix: timeoutFix,
    };
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return {
      kind: 'timeout',
      title: 'No answer in time.',
      detail: 'The server accepted the connection but sent nothing back.',
      fix: timeoutFix,
    };
  return {
    kind: 'unknown',
    title: 'The connection failed.',
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    fix: 'Check the base URL and the model name.',
  };
}

/**
 * Tells what an error of a request says about the connection, with the fix for the endpoint's
 * provider: a CORS or network failure (e.g. `OLLAMA_ORIGINS` for Ollama, "Enable CORS" in LM
 * Studio), a missing or rejected key, an unknown model or URL, no tool support, a host that
 * rejects `stream_options`, limits, server failures and timeouts. Pure: it only reads the error.
 */
export function diagnoseConnectionError(
  error: unknown,
  context: ConnectionDiagnosisContext,
): ConnectionDiagnosis {
  const provider = providerOf(context.baseURL);
  return { ...verdict(error, provider, context), provider: provider.id };
}
