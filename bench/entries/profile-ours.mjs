// Profile driver (see profile.mjs): our pipeline over the synthetic stream, src/ kept as
// separate modules (transpiled one file each) so the profile names src files and functions.
// V8's CPU profiler (what `node --cpu-prof` uses) runs only over the timed runs, after warm-up.
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  OpenAIChatAPI,
  ToolRegistry,
} from './src/index.js';
import { responseOver, syntheticStream } from './synthetic-stream.mjs';
import * as z from 'zod';

const [count, toolShare, runs, out] = [
  Number(process.argv[2]),
  Number(process.argv[3]),
  Number(process.argv[4]),
  process.argv[5],
];
const { pieces } = syntheticStream({ count, toolShare, seed: 42, maxPiece: 512 });
const registry = new ToolRegistry();
registry.addTool(
  new FunctionTool({
    name: 'lookup',
    description: 'Looks something up.',
    parameters: z.object({ query: z.string() }),
    execute: () => 'ok',
  }),
);

async function once() {
  const api = new OpenAIChatAPI({
    apiKey: 'bench',
    model: 'bench-model',
    fetch: async () => responseOver(pieces),
    maxRetries: 0,
  });
  const agent = new ChatToolAgent({ chatApi: api, maxIterations: 1 });
  let items = 0;
  for await (const chunk of agent.getStreamingResponse({
    messages: [ChatMessage.createUserMessage('Hi')],
    toolRegistry: registry,
  }))
    items += chunk.chunk.length >= 0 ? 1 : 0;
  return items;
}

for (let r = 0; r < 2; r++) await once();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const t0 = performance.now();
let items = 0;
for (let r = 0; r < runs; r++) items += await once();
const ms = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
console.log(`${runs} profiled runs: ${items} chunks in ${ms.toFixed(0)} ms`);
