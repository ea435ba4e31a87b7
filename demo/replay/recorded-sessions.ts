import * as z from 'zod';
import { FunctionTool, type AnyFunctionTool } from '../../src/index.js';
import { recordingFromSSE, type Recording, type SyntheticPacing } from '../../src/testing/index.js';

/** A real provider session the demo can replay in the chat, without a key. */
export interface RecordedSession {
  readonly id: string;
  /** What the select shows. */
  readonly label: string;
  /** Who answered, for the badge: provider and model. */
  readonly provider: string;
  /** The model as the recording names it. */
  readonly model: string;
  /** The user message sent to start the replay. */
  readonly prompt: string;
  /** Where the bytes come from and what is known or guessed about the session. */
  readonly about: string;
  /** Stand-ins for the tools the recorded model called, so the replayed calls run. */
  readonly tools: readonly AnyFunctionTool[];
  /** Loads the recorded bodies (lazily: they are large) and builds the recording. */
  load(): Promise<Recording>;
}

const timingNote = 'The timing is made up: the source saved the bytes, not when they arrived.';

/** The response bodies of one session, in request order, as a recording with the given pacing. */
async function fromBodies(
  bodies: readonly Promise<{ default: string }>[],
  pacing: SyntheticPacing,
  source: string,
): Promise<Recording> {
  const texts = (await Promise.all(bodies)).map((module) => module.default);
  return recordingFromSSE(texts, { pacing, source });
}

const llmVersion = new FunctionTool({
  name: 'llm_version',
  description: 'Return the installed version of llm',
  parameters: z.object({}),
  // The recorded answer quotes this value (the test suite it comes from pins it).
  execute: () => '0.fixed-version',
});

/**
 * The sessions on offer: recorded responses of real providers (test/fixtures/sse/, see its
 * SOURCES.md), chosen for variety: a tool round, reasoning, and two plain answers.
 */
export const recordedSessions: readonly RecordedSession[] = [
  {
    id: 'openrouter-kimi-tool-round',
    label: 'OpenRouter · Kimi K2: calls a tool, then answers',
    provider: 'OpenRouter (moonshotai/kimi-k2)',
    model: 'moonshotai/kimi-k2',
    prompt: 'What is the current llm version?',
    about: `Two real responses from OpenRouter, July 2025 (Novita served the tool call, Moonshot AI the answer), recorded by the test suite of simonw/llm. The provider sends the tool call twice; the library keeps one. ${timingNote}`,
    tools: [llmVersion],
    load: () =>
      fromBodies(
        [
          import('../../test/fixtures/sse/openrouter-novita-kimi-repeated-tool-call-chunk.sse?raw'),
          import('../../test/fixtures/sse/openrouter-moonshot-kimi-text-role-every-chunk.sse?raw'),
        ],
        { headersAfterMs: 600, eventMs: 60 },
        'simonw/llm tests/cassettes/test_tools_streaming/test_tools_streaming_variant_a.yaml',
      ),
  },
  {
    id: 'deepseek-reasoner',
    label: 'DeepSeek reasoner: thinks, then answers',
    provider: 'DeepSeek (deepseek-reasoner)',
    model: 'deepseek-reasoner',
    prompt: 'How many times does the letter "r" appear in "strawberry"?',
    about: `A real DeepSeek response, December 2025, from the Vercel AI SDK's fixtures: reasoning_content deltas, then the answer. The prompt was not saved; this one is read from the reasoning. ${timingNote}`,
    tools: [],
    load: () =>
      fromBodies(
        [import('../../test/fixtures/sse/deepseek-reasoner-reasoning_content.sse?raw')],
        { headersAfterMs: 900, eventMs: 30 },
        'vercel/ai packages/deepseek/src/chat/__fixtures__/deepseek-reasoning.chunks.txt',
      ),
  },
  {
    id: 'openai-gpt-4.1-nano',
    label: 'OpenAI · gpt-4.1-nano: a markdown answer',
    provider: 'OpenAI (gpt-4.1-nano)',
    model: 'gpt-4.1-nano',
    prompt: 'Invent a new holiday and describe its traditions.',
    about: `A real OpenAI response, February 2026, from the Vercel AI SDK's fixtures, with OpenAI's obfuscation padding and a usage chunk. The prompt was not saved; this is the SDK's usual example prompt. ${timingNote}`,
    tools: [],
    load: () =>
      fromBodies(
        [import('../../test/fixtures/sse/openai-text-obfuscation-usage.sse?raw')],
        { headersAfterMs: 500, eventMs: 20 },
        'vercel/ai packages/openai/src/chat/__fixtures__/openai-text.chunks.txt',
      ),
  },
  {
    id: 'groq-llama-3.3-70b',
    label: 'Groq · Llama 3.3 70B: a long answer, fast',
    provider: 'Groq (llama-3.3-70b-versatile)',
    model: 'llama-3.3-70b-versatile',
    prompt: 'Invent a new holiday and describe its traditions.',
    about: `A real Groq response, February 2026, from the Vercel AI SDK's fixtures, with Groq's x_groq usage fields. The prompt was not saved; this is the SDK's usual example prompt. ${timingNote}`,
    tools: [],
    load: () =>
      fromBodies(
        [import('../../test/fixtures/sse/groq-text-x_groq-usage.sse?raw')],
        { headersAfterMs: 250, eventMs: 6 },
        'vercel/ai packages/groq/src/__fixtures__/groq-text.chunks.txt',
      ),
  },
];

/** The session with this id. */
export function sessionById(id: string): RecordedSession | undefined {
  return recordedSessions.find((session) => session.id === id);
}
