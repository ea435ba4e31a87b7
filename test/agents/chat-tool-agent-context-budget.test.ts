import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  ContextBudgetError,
  FunctionTool,
  HTTPError,
  ToolRegistry,
  readEventStream,
  toEventStream,
  type ChatResponseChunk,
} from '../../src/index.js';
import { textReply, toolCallReply, type ScriptedReply } from '../../src/testing/index.js';
import { loadJsonFixture } from '../helpers/index.js';
import {
  collect,
  collectUntilError,
  deepFreeze,
  finalResponse,
  ofType,
  requestBodies,
  scriptedAgent,
} from './agent-kit.js';

// One token per character: budgets below are counted by hand from the message texts.
const perChar = (text: string): number => text.length;

/** A system prompt, two earlier exchanges, and the question. */
function history(): ChatMessage[] {
  return [
    ChatMessage.createSystemMessage('Be brief.', { id: 'sys' }),
    ChatMessage.createUserMessage('x'.repeat(400), { id: 'old-q' }),
    ChatMessage.createAssistantMessage('y'.repeat(400), { id: 'old-a' }),
    ChatMessage.createUserMessage('Hi again', { id: 'mid-q' }),
    ChatMessage.createAssistantMessage('Hello', { id: 'mid-a' }),
    ChatMessage.createUserMessage('What is 6 times 7?', { id: 'q' }),
  ];
}

const multiply = new FunctionTool({
  name: 'multiply',
  description: 'a*b',
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a * b,
});

describe('ChatToolAgent contextBudget', () => {
  it("leaves the oldest turns out of each request, reports it as a context-trimmed chunk and in the state, and never changes the caller's messages", async () => {
    const { server, agent } = await scriptedAgent([textReply('42')], {
      contextBudget: 200,
      estimateTokens: perChar,
    });
    const messages = deepFreeze(history());
    const turn = agent.startTurn({ messages });
    const chunks = await collect(turn);
    const [trimmed] = ofType(chunks, 'context-trimmed');
    expect(chunks[0]).to.equal(trimmed);
    expect(trimmed!.step).to.equal(0);
    expect(trimmed!.chunk).to.equal('');
    expect(trimmed!.finished).to.equal(false);
    expect(trimmed!.contextTrimmed).to.deep.equal({
      droppedMessages: 2,
      droppedMessageIds: ['old-q', 'old-a'],
      // sys 4+9, mid-q 4+8, mid-a 4+5, q 4+18
      estimatedTokens: 56,
      budget: 200,
    });
    expect(turn.state.steps[0]!.contextTrimmed).to.deep.equal(trimmed!.contextTrimmed);
    const [body] = await requestBodies(server);
    expect(body!.messages.map((m) => m.content)).to.deep.equal([
      'Be brief.',
      'Hi again',
      'Hello',
      'What is 6 times 7?',
    ]);
    expect(messages).to.have.length(6);
    expect(finalResponse(chunks).response).to.equal('42');
  });

  it('sends everything, with no context-trimmed chunk, when the request fits; Infinity per turn turns it off', async () => {
    const { server, agent } = await scriptedAgent([textReply('a'), textReply('b')], {
      contextBudget: 10_000,
      estimateTokens: perChar,
    });
    const fits = await collect(agent.getStreamingResponse({ messages: history() }));
    expect(ofType(fits, 'context-trimmed')).to.deep.equal([]);
    const off = await collect(
      agent.getStreamingResponse({ messages: history(), contextBudget: Infinity }),
    );
    expect(ofType(off, 'context-trimmed')).to.deep.equal([]);
    const bodies = await requestBodies(server);
    expect(bodies.map((body) => body.messages.length)).to.deep.equal([6, 6]);
  });

  it("applies a per-turn budget and estimator over the agent's, before every step, keeping a tool round whole", async () => {
    const replies: ScriptedReply[] = [
      toolCallReply([{ id: 'call_1', name: 'multiply', arguments: { a: 6, b: 7 } }]),
      textReply('42'),
    ];
    const { server, agent } = await scriptedAgent(replies, { contextBudget: 1 });
    const chunks = await collect(
      agent.getStreamingResponse({
        messages: history(),
        toolRegistry: new ToolRegistry([multiply]),
        contextBudget: 400,
        estimateTokens: perChar,
      }),
    );
    const trimmed = ofType(chunks, 'context-trimmed');
    expect(trimmed.map((chunk) => chunk.step)).to.deep.equal([0, 1]);
    expect(trimmed.map((chunk) => chunk.contextTrimmed.droppedMessageIds)).to.deep.equal([
      ['old-q', 'old-a'],
      ['old-q', 'old-a'],
    ]);
    const bodies = await requestBodies(server);
    // The second request keeps this turn's tool call with its result.
    expect(bodies[1]!.messages.map((m) => m.role)).to.deep.equal([
      'system',
      'user',
      'assistant',
      'user',
      'assistant',
      'tool',
    ]);
    expect(finalResponse(chunks).response).to.equal('42');
  });

  it('fails the turn with a ContextBudgetError, sending nothing, when the system and latest user messages do not fit', async () => {
    const { server, agent } = await scriptedAgent([textReply('unused')], {
      contextBudget: 30,
      estimateTokens: perChar,
    });
    const turn = agent.startTurn({ messages: history() });
    const { error } = await collectUntilError(turn);
    expect(error).to.be.instanceOf(ContextBudgetError);
    expect((error as ContextBudgetError).requiredTokens).to.equal(35);
    expect((error as ContextBudgetError).turn?.status).to.equal('failed');
    expect(turn.status).to.equal('failed');
    expect(await server.requests()).to.have.length(0);
  });

  it('rejects a budget that is not a whole number of tokens', async () => {
    const { api } = await scriptedAgent([]);
    for (const contextBudget of [0, 1.5, Number.NaN])
      expect(() => new ChatToolAgent({ chatApi: api, contextBudget })).to.throw(
        TypeError,
        /contextBudget/,
      );
    expect(new ChatToolAgent({ chatApi: api }).contextBudget).to.equal(Infinity);
  });

  it('carries the context-trimmed chunk through the relay (toEventStream, readEventStream)', async () => {
    const { agent } = await scriptedAgent([textReply('42')], {
      contextBudget: 200,
      estimateTokens: perChar,
    });
    const direct: ChatResponseChunk[] = [];
    async function* recorded(): AsyncGenerator<ChatResponseChunk, void, undefined> {
      for await (const chunk of agent.getStreamingResponse({ messages: history() })) {
        direct.push(chunk);
        yield chunk;
      }
    }
    const relayed = await collect(readEventStream(toEventStream(recorded())));
    expect(relayed.map((chunk) => chunk.type)).to.deep.equal(direct.map((chunk) => chunk.type));
    expect(ofType(relayed, 'context-trimmed')).to.deep.equal(ofType(direct, 'context-trimmed'));
  });

  it('explains a provider\'s "context length exceeded" (the recorded OpenAI 400) and names the budget option', async () => {
    const fixture = await loadJsonFixture('openai-error-400-context-length-exceeded.json');
    const { agent } = await scriptedAgent([
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
        chunks: [{ text: JSON.stringify(fixture) }],
      },
    ]);
    const { error } = await collectUntilError(agent.getStreamingResponse({ messages: history() }));
    expect(error).to.be.instanceOf(HTTPError);
    const http = error as HTTPError;
    expect(http.status).to.equal(400);
    expect(http.code).to.equal('context_length_exceeded');
    expect(http.contextExceeded).to.equal(true);
    expect(http.message)
      .to.include('the conversation is too long for the model')
      .and.include('contextBudget')
      .and.include('Input tokens exceed the configured limit');
    const relayed = await collectUntilError(
      readEventStream(
        toEventStream(
          (
            await scriptedAgent([
              {
                status: 400,
                headers: { 'content-type': 'application/json' },
                chunks: [{ text: JSON.stringify(fixture) }],
              },
            ])
          ).agent.getStreamingResponse({ messages: history() }),
        ),
      ),
    );
    expect((relayed.error as HTTPError).contextExceeded).to.equal(true);
  });
});
