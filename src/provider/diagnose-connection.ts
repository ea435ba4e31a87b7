import { ChatMessage } from '../messages/chat-message.js';
import type { OpenAIToolDefinition } from '../tools/function-tool.js';
import type { ConnectionDiagnosis } from './connection-diagnosis.js';
import { diagnoseConnectionError } from './diagnose-connection-error.js';
import { providerOf } from './known-providers.js';
import { OpenAIChatAPI } from './openai-chat-api.js';

/** An endpoint to check, when no `OpenAIChatAPI` is at hand. */
export interface ConnectionTarget {
  /** Base URL of the OpenAI-compatible API (`…/v1`). */
  readonly baseURL: string;
  /** The model to ask; a server without it answers "model not found". */
  readonly model: string;
  readonly apiKey?: string | undefined;
  /** A `fetch` to use instead of the network. */
  readonly fetch?: typeof fetch | undefined;
}

/** Options of {@link diagnoseConnection}. */
export interface DiagnoseConnectionOptions {
  /** Ask for token usage (`stream_options`), as chats do by default, to find hosts that refuse it. Default `true`. */
  readonly includeUsage?: boolean;
  /** Give up after this long. Default 30 000 ms (a local model may need that long to load). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** The page's origin, for CORS advice. Default: `location.origin`. */
  readonly pageOrigin?: string;
}

// One tiny tool, so a server without tool support says so now rather than in the first chat.
const pingTool: OpenAIToolDefinition = {
  type: 'function',
  function: {
    name: 'ping',
    description: 'Replies pong.',
    parameters: { type: 'object', properties: {} },
  },
};

/**
 * Checks an endpoint with one tiny real streaming request (with a tool and, by default,
 * `stream_options`), stopping at the first streamed event: enough to prove the URL, key, model,
 * CORS and tool support. Never rejects: every failure becomes a diagnosis naming the fix for
 * the endpoint's provider (see {@link diagnoseConnectionError}). Retries are not made.
 */
export async function diagnoseConnection(
  target: OpenAIChatAPI | ConnectionTarget,
  options: DiagnoseConnectionOptions = {},
): Promise<ConnectionDiagnosis> {
  const api =
    target instanceof OpenAIChatAPI
      ? target
      : new OpenAIChatAPI({
          baseURL: target.baseURL,
          model: target.model,
          apiKey: target.apiKey,
          fetch: target.fetch,
          maxRetries: 0,
        });
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const settings = { ...api.getDefaultSettings(), includeUsage: options.includeUsage ?? true };
  const started = performance.now();
  try {
    let sample = '';
    let firstEventMs: number | undefined;
    for await (const event of api.streamChat({
      messages: [ChatMessage.createUserMessage('Reply with the single word: OK')],
      settings,
      tools: [pingTool],
      signal,
    })) {
      firstEventMs ??= performance.now() - started;
      if (event.type === 'text-delta') sample += event.text;
      // A few words are proof enough; leaving the loop cancels the request.
      if (event.type === 'finish' || event.type === 'tool-call-start' || sample.length >= 24) break;
    }
    const ms = Math.round(firstEventMs ?? performance.now() - started);
    const said = sample.trim().slice(0, 80);
    return {
      kind: 'ok',
      provider: providerOf(api.baseURL).id,
      title: `Connected: ${api.model || 'the model'} streamed its first event after ${ms} ms.`,
      detail: said ? `It said: "${said}"` : 'Streaming and tools work.',
      fix: 'Nothing to fix.',
      firstEventMs: ms,
      sample,
    };
  } catch (error) {
    return diagnoseConnectionError(signal.aborted ? signal.reason : error, {
      baseURL: api.baseURL,
      model: api.model,
      hasKey: api.hasAPIKey,
      pageOrigin: options.pageOrigin,
    });
  }
}
