/**
 * Node-side pieces of the latency and tools benchmarks, bundled by run.mjs (esbuild reads
 * src/'s TypeScript; this file is plain JS so the root's typecheck never needs bench/node_modules).
 */
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  OpenAIChatAPI,
  ToolRegistry,
} from '../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';

const now = () => process.hrtime.bigint();
const latencyMs = (stamp) => Number(now() - BigInt(stamp)) / 1e6;

/** Ours: OpenAIChatAPI over the global fetch to the loopback server; latency at each text chunk. */
export async function latencyOurs(url) {
  const latencies = [];
  const api = new OpenAIChatAPI({ apiKey: 'bench', model: 'latency', baseURL: url, maxRetries: 0 });
  const agent = new ChatToolAgent({ chatApi: api, maxIterations: 1 });
  for await (const chunk of agent.getStreamingResponse({
    messages: [ChatMessage.createUserMessage('Hi')],
  })) {
    if (chunk.type === 'text-delta') latencies.push(latencyMs(chunk.chunk));
  }
  return latencies;
}

const stampPattern = /"content":"(\d+)"/g;

/** The bare reader: fetch, getReader, TextDecoder; each complete event's stamp read as it arrives. */
export async function latencyBare(url) {
  const latencies = [];
  const response = await fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const end = buffer.lastIndexOf('\n\n');
    if (end === -1) continue;
    for (const match of buffer.slice(0, end).matchAll(stampPattern))
      latencies.push(latencyMs(match[1]));
    buffer = buffer.slice(end + 2);
  }
  return latencies;
}

const sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * One turn in which the model calls `calls` tools that each take `toolMs`, then answers. The
 * scripted model answers at once, so turn time minus the same turn with instant tools is the
 * time spent on tools; the tool phase is also timed directly (first ready → last result).
 */
export async function toolsTurn(calls, toolMs) {
  const registry = new ToolRegistry();
  const names = Array.from({ length: calls }, (_, i) => `wait_${i}`);
  for (const name of names) {
    registry.addTool(
      new FunctionTool({
        name,
        description: 'Waits, then answers.',
        parameters: z.object({ label: z.string() }),
        execute: async ({ label }, { signal }) => {
          await sleep(toolMs, signal);
          return `${label} done`;
        },
      }),
    );
  }
  const { fetch: scripted } = createScriptedFetch([
    toolCallReply(names.map((name, i) => ({ name, arguments: { label: `call ${i}` } }))),
    textReply('All done.'),
  ]);
  const agent = new ChatToolAgent({
    chatApi: new OpenAIChatAPI({ apiKey: 'bench', model: 'bench', fetch: scripted, maxRetries: 0 }),
    maxIterations: 3,
  });
  let firstReady;
  let lastResult = 0;
  let results = 0;
  let errors = 0;
  const start = performance.now();
  for await (const chunk of agent.getStreamingResponse({
    messages: [ChatMessage.createUserMessage('Run them all.')],
    toolRegistry: registry,
  })) {
    if (chunk.type === 'tool-call-ready') firstReady ??= performance.now();
    if (chunk.type === 'tool-call-result') {
      lastResult = performance.now();
      results++;
      if (chunk.toolCallResult.isError) errors++;
    }
  }
  return {
    turnMs: performance.now() - start,
    toolPhaseMs: lastResult - (firstReady ?? lastResult),
    results,
    errors,
  };
}
