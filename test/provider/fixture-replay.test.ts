import { expect } from 'chai';
import { ChatMessage, ChatToolAgent, OpenAIChatAPI, ToolAgentsError } from '../../src/index.js';
import { createScriptedFetch, type ScriptedReply } from '../../src/testing/index.js';
import { fixtureAsReply, fixtureNames, loadFixture, mockServer } from '../helpers/index.js';
import { fixtureExpectations, type FixtureExpectation } from './fixture-expectations.js';

interface Observed {
  finishReason?: string;
  error?: string;
  textLength: number;
  textStart?: string;
  reasoningLength?: number;
  toolCalls?: { name: string; arguments: unknown }[];
  usage?: { inputTokens: number; outputTokens: number; totalTokens: number };
}

/** Streams one fixture through the whole pipeline (fetch, SSE, accumulator, agent) and records what came out. */
async function observe(reply: ScriptedReply, baseURL?: string): Promise<Observed> {
  const scripted = baseURL ? undefined : createScriptedFetch([reply]);
  const api = new OpenAIChatAPI({
    model: 'fixture',
    maxRetries: 0,
    ...(baseURL ? { baseURL } : { fetch: scripted!.fetch }),
  });
  // One step only: the fixtures are single responses; tool calls are reported, not run.
  const agent = new ChatToolAgent({ chatApi: api, maxIterations: 1 });
  let text = '';
  let reasoning = '';
  const toolCalls: { name: string; arguments: unknown }[] = [];
  try {
    for await (const chunk of agent.getStreamingResponse({
      messages: [ChatMessage.createUserMessage('hi')],
    })) {
      text += chunk.chunk;
      reasoning += chunk.reasoningChunk;
      if (chunk.type === 'tool-call-ready')
        toolCalls.push({
          name: chunk.toolCallReady.name,
          arguments: chunk.toolCallReady.arguments,
        });
      if (chunk.finished) {
        const { usage, messages } = chunk.finishedResponse;
        const finishReason = messages[0]?.metadata?.['finishReason'];
        return {
          finishReason: String(finishReason),
          textLength: [...text].length,
          textStart: [...text].slice(0, 30).join(''),
          reasoningLength: [...reasoning].length,
          toolCalls,
          usage: {
            inputTokens: usage.inputTokens,
            outputTokens: usage.outputTokens,
            totalTokens: usage.totalTokens,
          },
        };
      }
    }
  } catch (error) {
    expect(error).to.be.instanceOf(ToolAgentsError);
    // Text delivered before the error must also be in the error's partial response.
    expect((error as ToolAgentsError).partial.text).to.equal(text);
    return { error: (error as Error).name, textLength: [...text].length };
  }
  throw new Error('the stream ended without a final chunk');
}

function expectMatches(observed: Observed, expected: FixtureExpectation): void {
  expect(observed).to.deep.equal(expected);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Wire variants every real stream must survive (wire-quirks §1): same result as the original. */
const variants: Record<string, (text: string) => string> = {
  'CRLF line endings': (text) => text.replace(/\r?\n/g, '\r\n'),
  'a UTF-8 BOM': (text) => `\uFEFF${text}`,
  '"data:" without a space': (text) => text.replace(/^data: /gm, 'data:'),
  'comment and keep-alive lines': (text) =>
    `: OPENROUTER PROCESSING\n\n:\n\n${text.replace(/\n\n/g, '\n\n: keep-alive\n\n')}`,
  'no blank line after the last event': (text) => text.replace(/\s+$/, ''),
};

describe('recorded provider streams', () => {
  it('has an expectation for every fixture', () => {
    expect([...fixtureNames].sort()).to.deep.equal(Object.keys(fixtureExpectations).sort());
  });

  for (const name of fixtureNames) {
    describe(name, () => {
      const expected = fixtureExpectations[name]!;
      let bytes: Uint8Array;
      before(async () => {
        bytes = await loadFixture(name);
      });

      it('replays whole over HTTP', async () => {
        const script = await mockServer.script([fixtureAsReply(bytes, 'whole')]);
        expectMatches(await observe(fixtureAsReply(bytes, 'whole'), script.baseURL), expected);
      });

      it('replays at random split points over HTTP (seed 7)', async () => {
        const script = await mockServer.script([fixtureAsReply(bytes, 'random', 7)]);
        expectMatches(await observe(fixtureAsReply(bytes, 'random', 7), script.baseURL), expected);
      });

      it('replays one byte per read, splitting every UTF-8 sequence', async () => {
        expectMatches(await observe(fixtureAsReply(bytes, 'bytes')), expected);
      });

      for (const seed of [1, 2, 3]) {
        it(`replays at random split points in process (seed ${seed})`, async () => {
          expectMatches(await observe(fixtureAsReply(bytes, 'random', seed)), expected);
        });
      }

      for (const [variant, transform] of Object.entries(variants)) {
        it(`gives the same result with ${variant}`, async () => {
          const changed = encoder.encode(transform(decoder.decode(bytes)));
          expectMatches(await observe(fixtureAsReply(changed, 'random', 11)), expected);
        });
      }
    });
  }
});
