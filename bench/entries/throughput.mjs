/**
 * The four stream consumers of the throughput benchmark, bundled once for Node and once for
 * Chromium. Each reads the same synthetic stream (a fresh `Response` over the same pieces) to
 * the end and returns what it saw, so a consumer that dropped events is caught.
 * Plain JS (bundled by esbuild, which reads src/'s TypeScript), so the root's typecheck never
 * needs bench/node_modules.
 */
import { createParser } from 'eventsource-parser';
import OpenAI from 'openai';
import { streamText, tool } from 'ai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  OpenAIChatAPI,
  ToolRegistry,
} from '../../src/index.js';
import { responseOver, syntheticStream } from '../lib/synthetic-stream.mjs';

globalThis.AI_SDK_LOG_WARNINGS = false;

/** @typedef {{ items: number, textChars: number, argumentChars: number }} Seen */

const baseURL = 'http://127.0.0.1:9/v1';
const seenNothing = () => ({ items: 0, textChars: 0, argumentChars: 0 });

/** The floor: one `reader.read()` loop, a streaming `TextDecoder`, `createParser`, `JSON.parse`. */
async function floor(fetchImpl) {
  const seen = seenNothing();
  const response = await fetchImpl(`${baseURL}/chat/completions`, { method: 'POST', body: '{}' });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let done = false;
  const parser = createParser({
    onEvent(event) {
      if (event.data === '[DONE]') {
        done = true;
        return;
      }
      const chunk = JSON.parse(event.data);
      seen.items++;
      const delta = chunk.choices[0]?.delta;
      if (typeof delta?.content === 'string') seen.textChars += delta.content.length;
      const call = delta?.tool_calls?.[0];
      if (call) seen.argumentChars += call.function?.arguments?.length ?? 0;
    },
  });
  while (!done) {
    const { done: end, value } = await reader.read();
    if (end) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  parser.feed(decoder.decode());
  return seen;
}

const lookupParameters = z.object({ query: z.string() });

/** Ours: OpenAIChatAPI over the `fetch` option, ChatToolAgent chunks out of the async iterator. */
async function ours(fetchImpl) {
  const seen = seenNothing();
  const api = new OpenAIChatAPI({
    apiKey: 'bench',
    model: 'bench-model',
    baseURL,
    fetch: fetchImpl,
    maxRetries: 0,
  });
  // maxIterations 1: the tools of the mixed stream get their results, no second request is made.
  const agent = new ChatToolAgent({ chatApi: api, maxIterations: 1 });
  const toolRegistry = new ToolRegistry();
  toolRegistry.addTool(
    new FunctionTool({
      name: 'lookup',
      description: 'Looks something up.',
      parameters: lookupParameters,
      execute: () => 'ok',
    }),
  );
  for await (const chunk of agent.getStreamingResponse({
    messages: [ChatMessage.createUserMessage('Hi')],
    toolRegistry,
  })) {
    seen.items++;
    seen.textChars += chunk.chunk.length;
    if (chunk.type === 'tool-call-delta')
      seen.argumentChars += chunk.toolCallDelta.argumentsDelta.length;
  }
  return seen;
}

/** openai: `chat.completions.create({ stream: true })` with the `fetch` option. */
async function openai(fetchImpl) {
  const seen = seenNothing();
  const client = new OpenAI({
    apiKey: 'bench',
    baseURL,
    fetch: fetchImpl,
    maxRetries: 0,
    dangerouslyAllowBrowser: true,
  });
  const stream = await client.chat.completions.create({
    model: 'bench-model',
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
    tools: [
      {
        type: 'function',
        function: {
          name: 'lookup',
          description: 'Looks something up.',
          parameters: {
            type: 'object',
            properties: { query: { type: 'string' } },
            required: ['query'],
          },
        },
      },
    ],
  });
  for await (const chunk of stream) {
    seen.items++;
    const delta = chunk.choices[0]?.delta;
    if (typeof delta?.content === 'string') seen.textChars += delta.content.length;
    const call = delta?.tool_calls?.[0];
    if (call) seen.argumentChars += call.function?.arguments?.length ?? 0;
  }
  return seen;
}

/** ai: `streamText` with @ai-sdk/openai-compatible and one tool, reading `fullStream`. */
async function ai(fetchImpl) {
  const seen = seenNothing();
  const provider = createOpenAICompatible({
    name: 'bench',
    baseURL,
    apiKey: 'bench',
    fetch: fetchImpl,
  });
  const result = streamText({
    model: provider.chatModel('bench-model'),
    prompt: 'Hi',
    maxRetries: 0,
    tools: { lookup: tool({ description: 'Looks something up.', inputSchema: lookupParameters }) },
  });
  for await (const part of result.fullStream) {
    seen.items++;
    if (part.type === 'text-delta') seen.textChars += part.text.length;
    if (part.type === 'tool-input-delta') seen.argumentChars += part.delta.length;
    if (part.type === 'error') throw part.error;
  }
  return seen;
}

export const consumers = { floor, ours, openai, ai };

let stream;

/** Builds the synthetic stream once per scenario (not timed). */
export function prepare(options) {
  stream = syntheticStream(options);
  return { bytes: stream.bytes, pieces: stream.pieces.length, expected: stream.expected };
}

/** Runs one consumer over the prepared stream; returns what it saw and the wall time in ms. */
export async function runOnce(name) {
  const consumer = consumers[name];
  if (!consumer || !stream) throw new Error(`unknown consumer ${name} or no stream prepared`);
  const pieces = stream.pieces;
  const fetchImpl = async () => responseOver(pieces);
  const start = performance.now();
  const seen = await consumer(fetchImpl);
  return { ...seen, ms: performance.now() - start };
}
