import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  FunctionTool,
  HTTPError,
  IncompleteStreamError,
  MalformedStreamError,
  NetworkError,
  StreamError,
  ToolAgentsError,
  ToolRegistry,
} from '../../src/index.js';
import { errorReply, streamErrorReply, textReply, toolCallReply } from '../../src/testing/index.js';
import { collectUntilError, ofType, requestBodies, scriptedAgent } from './agent-kit.js';

const multiply = new FunctionTool({
  name: 'multiply',
  description: 'a*b',
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a * b,
});
const question = (): ChatMessage[] => [ChatMessage.createUserMessage('What is 6 times 7?')];
const toolRound = () =>
  toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }], {
    usage: { prompt_tokens: 12, completion_tokens: 4 },
  });

describe('ChatToolAgent errors', () => {
  it('rejects an HTTP 500 on the second step with an HTTPError carrying the finished tool round and its usage', async () => {
    const { agent, server } = await scriptedAgent([
      toolRound(),
      errorReply(500, 'The server had an error while processing your request.'),
    ]);
    const { items, error } = await collectUntilError(
      agent.getStreamingResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([multiply]),
      }),
    );

    expect(error).to.be.instanceOf(HTTPError).and.instanceOf(ToolAgentsError);
    const http = error as HTTPError;
    expect(http.name).to.equal('HTTPError');
    expect(http.status).to.equal(500);
    expect(http.providerMessage).to.equal('The server had an error while processing your request.');
    expect(http.type).to.equal('server_error');
    expect(http.url).to.equal(`${server.baseURL}/chat/completions`);
    expect(http.message).to.equal(
      `HTTP 500 from ${server.baseURL}/chat/completions: The server had an error while processing your request.`,
    );

    const { messages, usage, text, reasoning } = http.partial;
    expect(messages.map((message) => message.role)).to.deep.equal(['assistant', 'tool']);
    expect(messages[0]!.content).to.deep.equal([
      { type: 'tool_call', id: 'call_mul', name: 'multiply', arguments: '{"a":6,"b":7}' },
    ]);
    expect(messages[1]!.content).to.deep.equal([
      { type: 'tool_result', toolCallId: 'call_mul', toolName: 'multiply', result: '42' },
    ]);
    expect(usage).to.deep.equal({ inputTokens: 12, outputTokens: 4, totalTokens: 16 });
    expect({ text, reasoning }).to.deep.equal({ text: '', reasoning: '' });
    // The chunks of the finished round were delivered before the rejection.
    expect(
      ofType(items, 'tool-call-result').map((chunk) => chunk.toolCallResult.resultText),
    ).to.deep.equal(['42']);
    expect(await requestBodies(server)).to.have.length(2);
  });

  it('rejects an HTTP error on the first step with an empty partial response and no API key in sight', async () => {
    const { agent } = await scriptedAgent([
      errorReply(401, 'Incorrect API key provided: sk-test-key.', { code: 'invalid_api_key' }),
    ]);
    const { items, error } = await collectUntilError(
      agent.getStreamingResponse({ messages: question() }),
    );
    expect(items).to.deep.equal([]);
    expect(error).to.be.instanceOf(HTTPError);
    const http = error as HTTPError;
    expect(http.status).to.equal(401);
    expect(http.code).to.equal('invalid_api_key');
    expect(http.partial).to.deep.equal({
      text: '',
      reasoning: '',
      messages: [],
      usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
    });
    expect(http.message).to.not.include('sk-test-key');
    expect(http.providerMessage).to.equal('Incorrect API key provided: [redacted].');
    expect(http.body).to.not.include('sk-test-key');
  });

  it('rejects an error reported mid-stream with a StreamError carrying the text so far', async () => {
    const { agent } = await scriptedAgent([
      streamErrorReply('The model is overloaded.', {
        text: ['Partial', ' answer'],
        code: 'overloaded',
      }),
    ]);
    const { items, error } = await collectUntilError(
      agent.getStreamingResponse({ messages: question() }),
    );
    expect(items.map((chunk) => chunk.chunk)).to.deep.equal(['Partial', ' answer']);
    expect(error).to.be.instanceOf(StreamError);
    const stream = error as StreamError;
    expect(stream.name).to.equal('StreamError');
    expect(stream.providerMessage).to.equal('The model is overloaded.');
    expect(stream.code).to.equal('overloaded');
    expect(stream.partial.text).to.equal('Partial answer');
    expect(stream.partial.messages).to.deep.equal([]);
  });

  it('keeps the finished tool round when the second step fails mid-stream', async () => {
    const { agent } = await scriptedAgent([
      toolRound(),
      streamErrorReply('Connection reset by model.', { text: 'The answer is' }),
    ]);
    const { error } = await collectUntilError(
      agent.getStreamingResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([multiply]),
      }),
    );
    expect(error).to.be.instanceOf(StreamError);
    const { partial } = error as StreamError;
    expect(partial.text).to.equal('The answer is');
    expect(partial.messages.map((message) => message.role)).to.deep.equal(['assistant', 'tool']);
    expect(partial.usage).to.deep.equal({ inputTokens: 12, outputTokens: 4, totalTokens: 16 });
  });

  it('rejects a connection dropped mid-text with an IncompleteStreamError carrying the text and reasoning so far', async () => {
    const { agent } = await scriptedAgent([
      textReply(['Half', ' a sentence'], {
        reasoning: 'Thinking hard',
        finishReason: null,
        done: false,
        dropAfterChunks: true,
      }),
    ]);
    const { items, error } = await collectUntilError(
      agent.getStreamingResponse({ messages: question() }),
    );
    expect(items.map((chunk) => chunk.chunk).join('')).to.equal('Half a sentence');
    expect(error).to.be.instanceOf(IncompleteStreamError);
    const incomplete = error as IncompleteStreamError;
    expect(incomplete.name).to.equal('IncompleteStreamError');
    expect(incomplete.partial.text).to.equal('Half a sentence');
    expect(incomplete.partial.reasoning).to.equal('Thinking hard');
  });

  it('rejects a stream that ends cleanly but unfinished (no finish reason, no [DONE]) with an IncompleteStreamError', async () => {
    const { agent } = await scriptedAgent([
      textReply(['Cut', ' short'], { finishReason: null, done: false }),
    ]);
    const { error } = await collectUntilError(agent.getStreamingResponse({ messages: question() }));
    expect(error).to.be.instanceOf(IncompleteStreamError);
    expect((error as IncompleteStreamError).partial.text).to.equal('Cut short');
  });

  it('rejects an event that is not JSON with a MalformedStreamError carrying the text so far', async () => {
    const good = textReply(['Hello', ' there']);
    const { agent } = await scriptedAgent([
      { ...good, chunks: [...good.chunks!.slice(0, 3), { text: 'data: {"choices": [oops\n\n' }] },
    ]);
    const { items, error } = await collectUntilError(
      agent.getStreamingResponse({ messages: question() }),
    );
    expect(items.map((chunk) => chunk.chunk).join('')).to.equal('Hello there');
    expect(error).to.be.instanceOf(MalformedStreamError);
    expect((error as MalformedStreamError).data).to.equal('{"choices": [oops');
    expect((error as MalformedStreamError).partial.text).to.equal('Hello there');
  });

  it('rejects a request that never gets an answer with a NetworkError', async () => {
    const { agent } = await scriptedAgent([{ networkError: true }]);
    const { error } = await collectUntilError(agent.getStreamingResponse({ messages: question() }));
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as NetworkError).hint)
      .to.be.a('string')
      .and.not.equal('');
  });

  it('makes getResponse reject with the same error', async () => {
    const { agent } = await scriptedAgent([toolRound(), errorReply(503, 'Overloaded')]);
    let caught: unknown;
    try {
      await agent.getResponse({ messages: question(), toolRegistry: new ToolRegistry([multiply]) });
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(HTTPError);
    expect((caught as HTTPError).status).to.equal(503);
    expect((caught as HTTPError).partial.messages).to.have.length(2);
  });
});
