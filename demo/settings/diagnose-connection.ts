import {
  APIKeyFormatError,
  HTTPError,
  NetworkError,
  StreamError,
  TimeoutError,
} from '../../src/index.js';
import { mentionsInvalidKey } from '../../src/provider/key-rejection.js';
import type { EndpointPreset } from './endpoint-presets.js';

/** What a connection test found. */
type DiagnosisKind =
  | 'ok'
  | 'network'
  | 'unauthorized'
  | 'key-format'
  | 'model-not-found'
  | 'endpoint-not-found'
  | 'no-tool-support'
  | 'stream-options-rejected'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'rejected-request'
  | 'unknown';

/** A verdict worded for a person: what happened, what the server said, and what to do. */
export interface Diagnosis {
  readonly kind: DiagnosisKind;
  /** One line. */
  readonly title: string;
  /** What the server or the browser reported. */
  readonly detail: string;
  /** What to do about it, for this endpoint. */
  readonly fix: string;
  /** A shell command that applies the fix, when there is one. */
  readonly command?: string;
  /** A change the panel can make for the user: switching `includeUsage` off. */
  readonly action?: 'disable-include-usage';
}

/** What {@link diagnoseConnection} needs to know besides the error. */
export interface DiagnosisContext {
  readonly preset: EndpointPreset;
  readonly model: string;
  /** Whether a key was sent. */
  readonly hasKey: boolean;
  /** The page's origin, for CORS advice (e.g. `http://127.0.0.1:5173`). */
  readonly pageOrigin: string;
}

/** What a successful test saw. */
export interface ConnectionSuccess {
  readonly ok: true;
  /** Milliseconds to the first streamed event. */
  readonly firstEventMs: number;
  /** The model's first words, if any came. */
  readonly sample: string;
}

/** The provider's message and the body, lower-cased, to search for telltale words. */
function textOf(error: HTTPError | StreamError): string {
  const body = error instanceof HTTPError ? error.body : '';
  return `${error.providerMessage ?? ''} ${String(error.code ?? '')} ${body}`.toLowerCase();
}

function serverSaid(error: HTTPError | StreamError): string {
  const message =
    error.providerMessage ??
    (error instanceof HTTPError ? error.body.slice(0, 300) || error.statusText : '');
  const status = error instanceof HTTPError ? `HTTP ${error.status}` : 'An error inside the stream';
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

function httpDiagnosis(error: HTTPError | StreamError, context: DiagnosisContext): Diagnosis {
  const { preset, model } = context;
  const text = textOf(error);
  const detail = serverSaid(error);
  const status = error instanceof HTTPError ? error.status : 400;

  if (status === 401 || status === 403 || mentionsInvalidKey(text)) {
    return context.hasKey
      ? {
          kind: 'unauthorized',
          title: 'The server rejected the API key.',
          detail,
          fix: `Check that the key is right, active and belongs to ${preset.label}${preset.keyURL ? ` (keys: ${preset.keyURL})` : ''}.${preset.keyFormat ? ` ${preset.keyFormat}` : ''}`,
        }
      : {
          kind: 'unauthorized',
          title: 'This endpoint needs an API key.',
          detail,
          fix: `Paste your ${preset.label} key${preset.keyURL ? ` (create one at ${preset.keyURL})` : ''}.`,
        };
  }
  if (mentionsStreamOptions(text)) {
    return {
      kind: 'stream-options-rejected',
      title: 'The server rejects stream_options (the usage request).',
      detail,
      fix: 'Switch "Ask for token usage" off: requests then leave out stream_options, which this host does not accept.',
      action: 'disable-include-usage',
    };
  }
  if (mentionsTools(text))
    return {
      kind: 'no-tool-support',
      title: 'The server or model does not support tools.',
      detail,
      fix: preset.toolsFix,
    };
  if (mentionsUnknownModel(text)) {
    const command = preset.modelCommand?.(model);
    return {
      kind: 'model-not-found',
      title: `Unknown model "${model}".`,
      detail,
      fix: preset.modelFix(model),
      ...(command ? { command } : {}),
    };
  }
  if (status === 404) {
    return {
      kind: 'endpoint-not-found',
      title: 'No chat-completions endpoint at this base URL.',
      detail,
      fix: `Check the base URL: it usually ends in /v1${preset.baseURL ? `, e.g. ${preset.baseURL}` : ''}.`,
    };
  }
  if (status === 429 || status === 402) {
    return {
      kind: 'rate-limited',
      title: status === 402 ? 'The account has no credit left.' : 'Rate limited or out of quota.',
      detail,
      fix: 'The key works. Wait a moment, or check the plan, credits and limits of the account.',
    };
  }
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

/**
 * Tells what went wrong with a connection test, for the endpoint tested: a CORS or network
 * failure (with the fix for that server), a rejected or missing key, an unknown model or URL, a
 * server without tool support, a host that rejects `stream_options`, limits, server failures
 * and timeouts. Pure: it only reads the error the library threw.
 */
export function diagnoseConnection(
  outcome: ConnectionSuccess | { readonly ok: false; readonly error: unknown },
  context: DiagnosisContext,
): Diagnosis {
  if (outcome.ok) {
    const sample = outcome.sample.trim();
    return {
      kind: 'ok',
      title: `Connected: ${context.model || 'the model'} streamed its first event after ${Math.round(outcome.firstEventMs)} ms.`,
      detail: sample ? `It said: "${sample.slice(0, 80)}"` : 'Streaming and tools work.',
      fix: 'Press "Use this endpoint" to chat with it.',
    };
  }
  const { error } = outcome;
  if (error instanceof HTTPError || error instanceof StreamError)
    return httpDiagnosis(error, context);
  if (error instanceof NetworkError) {
    const command = context.preset.corsCommand?.(context.pageOrigin);
    const fix = context.preset.corsFix(context.pageOrigin);
    return {
      kind: 'network',
      title: 'The request did not get through (a network or CORS failure).',
      detail: 'The browser hides which one it was, on purpose.',
      fix,
      ...(command ? { command } : {}),
    };
  }
  if (error instanceof APIKeyFormatError) {
    const what = error.header === 'Authorization' ? 'The API key' : `The "${error.header}" header`;
    return {
      kind: 'key-format',
      title: `${what} holds a character that cannot be sent.`,
      detail: `A ${error.character} at position ${error.position}; nothing was sent.`,
      fix: `Copy the key again${context.preset.keyURL ? ` from ${context.preset.keyURL}` : ''} and paste it as plain text, or type that part by hand.`,
    };
  }
  if (error instanceof TimeoutError) {
    const detail =
      error.phase === 'response'
        ? `No response headers within ${error.timeoutMs} ms.`
        : `The response stopped: nothing arrived for ${error.timeoutMs} ms.`;
    return {
      kind: 'timeout',
      title: 'No answer in time.',
      detail,
      fix: 'A local model may still be loading: wait and test again. Otherwise check the server.',
    };
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return {
      kind: 'timeout',
      title: 'No answer in time.',
      detail: 'The server accepted the connection but sent nothing back.',
      fix: 'A local model may still be loading: wait and test again. Otherwise check the server.',
    };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    kind: 'unknown',
    title: 'The test failed.',
    detail: message,
    fix: 'Check the base URL and the model name.',
  };
}
