import * as z from 'zod';
import { ChatMessage, FunctionTool, OpenAIChatAPI } from '../../src/index.js';
import {
  diagnoseConnection,
  type Diagnosis,
  type DiagnosisContext,
} from './diagnose-connection.js';

/** What a connection test sends to. */
export interface ConnectionTarget {
  readonly baseURL: string;
  readonly model: string;
  readonly apiKey: string | undefined;
  readonly includeUsage: boolean;
  /** A `fetch` to use instead of the network (the demo model). */
  readonly fetch?: typeof fetch | undefined;
  /** Give up after this long. Default 30 s (a local model may need that long to load). */
  readonly timeoutMs?: number;
}

// One tiny tool, so a server without tool support says so now rather than in the first chat.
const pingTool = new FunctionTool({
  name: 'ping',
  description: 'Replies pong.',
  parameters: z.object({}),
  execute: () => 'pong',
});

/**
 * Sends one tiny real streaming request (with a tool and, when asked, `stream_options`) and stops
 * at the first streamed event: enough to prove the URL, key, model, CORS and tool support.
 */
export async function testConnection(
  target: ConnectionTarget,
  context: Omit<DiagnosisContext, 'hasKey'>,
): Promise<Diagnosis> {
  const api = new OpenAIChatAPI({
    baseURL: target.baseURL,
    model: target.model,
    apiKey: target.apiKey,
    fetch: target.fetch,
    maxRetries: 0,
  });
  const settings = { ...api.getDefaultSettings(), includeUsage: target.includeUsage };
  const messages = [ChatMessage.createUserMessage('Reply with the single word: OK')];
  const signal = AbortSignal.timeout(target.timeoutMs ?? 30_000);
  const diagnosisContext = { ...context, hasKey: Boolean(target.apiKey) };
  const started = performance.now();
  try {
    let sample = '';
    let firstEventMs: number | undefined;
    for await (const event of api.streamChat({
      messages,
      settings,
      tools: [pingTool.toOpenAITool()],
      signal,
    })) {
      firstEventMs ??= performance.now() - started;
      if (event.type === 'text-delta') sample += event.text;
      // A few words are proof enough; leaving the loop cancels the request.
      if (event.type === 'finish' || event.type === 'tool-call-start' || sample.length >= 24) break;
    }
    return diagnoseConnection(
      { ok: true, firstEventMs: firstEventMs ?? performance.now() - started, sample },
      diagnosisContext,
    );
  } catch (error) {
    return diagnoseConnection(
      { ok: false, error: signal.aborted ? signal.reason : error },
      diagnosisContext,
    );
  }
}
