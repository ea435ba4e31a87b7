import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  OpenAIChatAPI,
  ToolRegistry,
  type ChatResponseChunk,
} from '../../src/index.js';

/** A tool the recorded turns call: multiplies two numbers. */
export function multiplyTools(): ToolRegistry {
  const tools = new ToolRegistry();
  tools.addTool(
    new FunctionTool({
      name: 'multiply',
      description: 'Multiplies a by b.',
      parameters: z.object({ a: z.number(), b: z.number() }),
      execute: ({ a, b }) => a * b,
    }),
  );
  return tools;
}

/** What a turn produced, in a form two runs of the same recording can be compared by. */
export interface TurnOutcome {
  readonly chunks: unknown[];
  readonly text: string;
  readonly toolCalls: { name: string; arguments: unknown; result: unknown }[];
  readonly error: unknown;
}

const turnScopedId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(:|$)/u;

/** A chunk in its JSON form, without what differs on every run: turn-scoped message ids and creation times. */
export function comparable(chunk: unknown): unknown {
  return JSON.parse(JSON.stringify(chunk), (key, value: unknown) =>
    key === 'createdAt' || (key === 'id' && typeof value === 'string' && turnScopedId.test(value))
      ? undefined
      : value,
  ) as unknown;
}

/** Runs one turn ("What is 6 times 7?") with the multiply tool through `fetch` (or a base URL). */
export async function runTurn(
  target: { fetch: typeof fetch } | { baseURL: string },
  options: {
    signal?: AbortSignal;
    wrap?: (chunks: AsyncIterable<ChatResponseChunk>) => AsyncIterable<ChatResponseChunk>;
    onChunk?: (chunk: ChatResponseChunk) => void;
    apiKey?: string;
  } = {},
): Promise<TurnOutcome> {
  const api = new OpenAIChatAPI({
    model: 'gpt-4o-mini',
    maxRetries: 0,
    ...target,
    apiKey: options.apiKey,
  });
  const agent = new ChatToolAgent({ chatApi: api });
  const stream = agent.getStreamingResponse({
    messages: [ChatMessage.createUserMessage('What is 6 times 7?')],
    toolRegistry: multiplyTools(),
    signal: options.signal,
  });
  const chunks: unknown[] = [];
  const toolCalls: TurnOutcome['toolCalls'] = [];
  let text = '';
  let error: unknown;
  try {
    for await (const chunk of options.wrap ? options.wrap(stream) : stream) {
      chunks.push(comparable(chunk));
      text += chunk.chunk;
      if (chunk.type === 'tool-call-result')
        toolCalls.push({
          name: chunk.toolCallResult.name,
          arguments: chunk.toolCallResult.arguments,
          result: chunk.toolCallResult.result,
        });
      options.onChunk?.(chunk);
    }
  } catch (thrown) {
    error = thrown;
  }
  return { chunks, text, toolCalls, error };
}
