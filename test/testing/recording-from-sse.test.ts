import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  OpenAIChatAPI,
  StreamError,
  ToolRegistry,
} from '../../src/index.js';
import {
  createScriptedFetch,
  recordingFromSSE,
  replayFetch,
  type Recording,
} from '../../src/testing/index.js';
import { fixtureAsReply, loadFixture, type FixtureName } from '../helpers/index.js';
import { comparable } from './recorded-turn.js';

/** Runs "What is the current llm version?" with an `llm_version` tool, as the recorded session did. */
async function llmVersionTurn(fetch: typeof globalThis.fetch) {
  const tools = new ToolRegistry();
  tools.addTool(
    new FunctionTool({
      name: 'llm_version',
      description: 'Return the installed version of llm',
      parameters: z.object({}),
      execute: () => '0.fixed-version',
    }),
  );
  const agent = new ChatToolAgent({
    chatApi: new OpenAIChatAPI({ model: 'kimi', fetch, maxRetries: 0 }),
  });
  const chunks: unknown[] = [];
  let error: unknown;
  try {
    for await (const chunk of agent.getStreamingResponse({
      messages: [ChatMessage.createUserMessage('What is the current llm version?')],
      toolRegistry: tools,
    }))
      chunks.push(comparable(chunk));
  } catch (thrown) {
    error = thrown;
  }
  return { chunks, error };
}

const fixtures = (...names: FixtureName[]) => Promise.all(names.map(loadFixture));

describe('recordingFromSSE', () => {
  it('builds a two-request session from real OpenRouter bodies that replays as the bodies do', async () => {
    const bodies = await fixtures(
      'openrouter-novita-kimi-repeated-tool-call-chunk.sse',
      'openrouter-moonshot-kimi-text-role-every-chunk.sse',
    );
    const recording = recordingFromSSE(bodies, {
      title: 'Kimi K2 calls llm_version',
      pacing: { headersAfterMs: 5, eventMs: 1 },
    });
    expect(recording.exchanges).to.have.length(2);
    const replayed = await llmVersionTurn(replayFetch(recording, { speed: Infinity }).fetch);
    const direct = await llmVersionTurn(
      createScriptedFetch(bodies.map((bytes) => fixtureAsReply(bytes, 'whole'))).fetch,
    );
    expect(replayed.error).to.equal(undefined);
    expect(replayed.chunks).to.deep.equal(direct.chunks);
    const finish = replayed.chunks.at(-1) as { finishedResponse: { response: string } };
    expect(finish.finishedResponse.response).to.equal(
      'The current version of *llm* is **0.fixed-version**.',
    );
  });

  it('spaces the events by the synthetic pacing and ends at the last one', () => {
    const recording = recordingFromSSE('data: a\n\ndata: b\n\ndata: c', {
      pacing: { headersAfterMs: 100, eventMs: 30 },
      source: 'hand-written',
    });
    const { response } = recording.exchanges[0]!;
    expect(response.headersAfterMs).to.equal(100);
    // The last event had no blank line after it: kept, as the library's reader keeps it.
    expect(response.events).to.deep.equal([
      { atMs: 0, data: 'a' },
      { atMs: 30, data: 'b' },
      { atMs: 60, data: 'c' },
    ]);
    expect(response.endMs).to.equal(60);
    expect(recording).to.include({ source: 'hand-written' });
  });

  it('keeps comments and bare error lines, so a replay acts on them as on the original', async () => {
    const [comments, errorLine] = await fixtures(
      'derived-openrouter-processing-comments.sse',
      'llamacpp-b5966-error-field-not-data.sse',
    );
    const events = recordingFromSSE(comments!).exchanges[0]!.response.events!;
    expect(events.slice(0, 2)).to.deep.equal([
      { atMs: 0, comment: 'OPENROUTER PROCESSING' },
      { atMs: 25, comment: 'OPENROUTER PROCESSING' },
    ]);
    const recording: Recording = recordingFromSSE(errorLine!, { pacing: { eventMs: 0 } });
    expect(
      recording.exchanges[0]!.response.events!.some((event) => event.event === 'error'),
    ).to.equal(true);
    const replayed = await llmVersionTurn(replayFetch(recording).fetch);
    const direct = await llmVersionTurn(
      createScriptedFetch([fixtureAsReply(errorLine!, 'whole')]).fetch,
    );
    expect(replayed.error).to.be.instanceOf(StreamError);
    expect((replayed.error as StreamError).message).to.equal((direct.error as StreamError).message);
  });
});
