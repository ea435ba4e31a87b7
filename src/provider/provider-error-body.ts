import type { ProviderErrorDetails } from '../errors.js';

type Json = Record<string, unknown>;

/** The readable parts of a provider's error payload. */
export type ProviderErrorInfo = ProviderErrorDetails;

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

/** Removes secrets from a text before it is cut; the identity when there are none. */
export type Redact = (text: string) => string;

const keepText: Redact = (text) => text;

interface MutableErrorInfo {
  providerMessage?: string;
  code?: string | number;
  type?: string;
  param?: string;
}

function pick(info: MutableErrorInfo, source: Json): void {
  const message = source['message'] ?? source['detail'] ?? source['error_message'];
  if (typeof message === 'string' && message.trim() !== '' && info.providerMessage === undefined)
    info.providerMessage = message.trim();
  const code = source['code'];
  if ((typeof code === 'string' || typeof code === 'number') && info.code === undefined)
    info.code = code;
  const type = source['type'];
  if (typeof type === 'string' && type !== 'error' && info.type === undefined) info.type = type;
  const param = source['param'];
  if (typeof param === 'string' && param !== '' && info.param === undefined) info.param = param;
}

/** Up to 300 characters of a value as JSON; a placeholder when it is nested too deeply to serialise. */
function shortJson(value: unknown, redact: Redact): string {
  try {
    return redact(JSON.stringify(value)).slice(0, 300);
  } catch {
    return '(an error detail too deeply nested to show)';
  }
}

/**
 * Reads an error object in any of the shapes providers use: `{error:{message,type,code}}` (OpenAI,
 * llama.cpp, OpenRouter), `{error:"text"}` (Ollama), flat `{object:"error",message}` (old vLLM),
 * `{type:"error",error:{...}}` (Anthropic), `{detail:...}` (FastAPI servers) or `[{error:{...}}]`
 * (Gemini). Reads `param` too.
 */
export function readProviderError(body: unknown, redact: Redact = keepText): ProviderErrorInfo {
  const info: MutableErrorInfo = {};
  // Gemini's OpenAI-compatible endpoint wraps its error in an array: `[{"error":{...}}]`.
  const root = asObject(Array.isArray(body) && body.length > 0 ? body[0] : body);
  if (!root)
    return typeof body === 'string' && body.trim() !== '' ? { providerMessage: body.trim() } : info;
  const error = root['error'];
  if (typeof error === 'string' && error.trim() !== '') info.providerMessage = error.trim();
  const nested = asObject(error);
  if (nested) pick(info, nested);
  pick(info, root);
  if (info.providerMessage === undefined && Array.isArray(root['detail']))
    info.providerMessage = shortJson(root['detail'], redact);
  return info;
}

/** Text of an HTML error page: its title, else its visible text, shortened. */
function htmlText(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const text = (
    title ?? html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, ' ')
  )
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, 300);
}

/** Reads an error response body (JSON, HTML or text) into provider error details; `redact` runs before any cut. */
export function parseErrorBody(
  text: string,
  contentType: string,
  redact: Redact = keepText,
): ProviderErrorInfo {
  const trimmed = redact(text).trim();
  if (trimmed === '') return {};
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || contentType.includes('json')) {
    try {
      return readProviderError(JSON.parse(trimmed));
    } catch {
      // Not JSON after all: fall through to text.
    }
  }
  if (contentType.includes('html') || /^<(!doctype|html)/i.test(trimmed)) {
    const message = htmlText(trimmed);
    return message ? { providerMessage: message } : {};
  }
  return { providerMessage: trimmed.slice(0, 300) };
}
