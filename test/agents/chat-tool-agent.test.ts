import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  ToolRegistry,
  type ChatResponseChunk,
  type ToolApprovalHandler,
  type ToolApprovalRequest,
} from '../../src/index.js';
import { textReply, toolCallReply, type ScriptedReply } from '../../src/testing/index.js';
import {
  collect,
  deepFreeze,
  deferred,
  finalResponse,
  ofType,
  orGiveUp,
  parseContent,
  requestBodies,
  requestBody,
  scriptedAgent,
  type WireMessage,
} from './agent-kit.js';

const multiply = new FunctionTool({
  name: 'multiply',
  description: 'Multiplies two numbers.',
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => a * b,
});

const question = (): ChatMessage[] => [ChatMessage.createUserMessage('What is 6 times 7?')];

describe('ChatToolAgent', () => {
  describe('a text answer', () => {
    it('streams the answer as text deltas in order, then exactly one final chunk', async () => {
      const { agent } = await scriptedAgent([textReply(['The answer', ' is', ' 42.'])]);
      const chunks = await collect(agent.getStreamingResponse({ messages: question() }));
      expect(chunks.map((chunk) => chunk.type)).to.deep.equal([
        'text-delta',
        'text-delta',
        'text-delta',
        'finish',
      ]);
      expect(chunks.map((chunk) => chunk.chunk)).to.deep.equal(['The answer', ' is', ' 42.', '']);
      expect(chunks.filter((chunk) => chunk.finished)).to.have.length(1);
      const response = finalResponse(chunks);
      expect(response.response).to.equal('The answer is 42.');
      expect(response.finishReason).to.equal('stop');
      expect(response.messages).to.have.length(1);
      expect(response.messages[0]!.role).to.equal('assistant');
      expect(ChatMessage.getText(response.messages[0]!)).to.equal('The answer is 42.');
    });

    it('streams reasoning as reasoningChunk and keeps it on the assistant message', async () => {
      const { agent } = await scriptedAgent([
        textReply('42.', { reasoning: 'Six sevens are forty-two.' }),
      ]);
      const chunks = await collect(agent.getStreamingResponse({ messages: question() }));
      const reasoning = ofType(chunks, 'reasoning-delta');
      expect(reasoning.map((chunk) => chunk.reasoningChunk).join('')).to.equal(
        'Six sevens are forty-two.',
      );
      expect(reasoning.every((chunk) => chunk.chunk === '')).to.equal(true);
      // Reasoning comes before the answer.
      expect(chunks.findIndex((chunk) => chunk.type === 'text-delta')).to.be.greaterThan(
        chunks.findLastIndex((chunk) => chunk.type === 'reasoning-delta'),
      );
      const [message] = finalResponse(chunks).messages;
      expect(message!.content).to.deep.equal([
        { type: 'reasoning', text: 'Six sevens are forty-two.' },
        { type: 'text', text: '42.' },
      ]);
    });

    it('sends the settings, the tools and the conversation in the request body', async () => {
      const { agent, api, server } = await scriptedAgent([textReply('Hi.')]);
      const settings = api.getDefaultSettings();
      settings.temperature = 0.25;
      settings.maxTokens = 100;
      await agent.getResponse({
        messages: [ChatMessage.createSystemMessage('Be brief.'), ...question()],
        settings,
        toolRegistry: new ToolRegistry([multiply]),
      });
      expect(await requestBody(server, 0)).to.deep.equal({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'What is 6 times 7?' },
        ],
        stream: true,
        stream_options: { include_usage: true },
        tools: [JSON.parse(JSON.stringify(multiply.toOpenAITool())) as unknown],
        temperature: 0.25,
        max_tokens: 100,
      });
      expect(api.getDefaultSettings()).to.not.have.property('temperature');
    });
  });

  describe('the tool loop', () => {
    it('runs a tool, sends its JSON result back with the call, and returns the final answer', async () => {
      const { agent, server } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }]),
        textReply('6 times 7 is 42.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([multiply]),
        }),
      );
      const [result] = ofType(chunks, 'tool-call-result');
      expect(result!.toolCallResult).to.deep.equal({
        id: 'call_mul',
        index: 0,
        name: 'multiply',
        arguments: { a: 6, b: 7 },
        result: 42,
        resultText: '42',
        isError: false,
        denied: false,
      });
      const bodies = await requestBodies(server);
      expect(bodies).to.have.length(2);
      expect(bodies[1]!.messages).to.deep.equal([
        { role: 'user', content: 'What is 6 times 7?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_mul',
              type: 'function',
              function: { name: 'multiply', arguments: '{"a":6,"b":7}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_mul', content: '42' },
      ]);
      const response = finalResponse(chunks);
      expect(response.response).to.equal('6 times 7 is 42.');
      expect(response.finishReason).to.equal('stop');
      expect(response.messages.map((message) => message.role)).to.deep.equal([
        'assistant',
        'tool',
        'assistant',
      ]);
      expect(response.messages[1]!.content).to.deep.equal([
        { type: 'tool_result', toolCallId: 'call_mul', toolName: 'multiply', result: '42' },
      ]);
      expect(chunks.map((chunk) => chunk.step)).to.include.members([0, 1]);
      expect(chunks.at(-1)!.step).to.equal(1);
    });

    it('keeps text streamed before a tool call on the assistant message and answers with the last step only', async () => {
      const { agent, server } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 2, b: 3 } }], {
          text: 'Let me compute that.',
        }),
        textReply('It is 6.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([multiply]),
        }),
      );
      expect(chunks.map((chunk) => chunk.chunk).join('')).to.equal('Let me compute that.It is 6.');
      expect(finalResponse(chunks).response).to.equal('It is 6.');
      const second = await requestBody(server, 1);
      expect(second.messages[1]).to.deep.equal({
        role: 'assistant',
        content: 'Let me compute that.',
        tool_calls: [
          {
            id: 'call_mul',
            type: 'function',
            function: { name: 'multiply', arguments: '{"a":2,"b":3}' },
          },
        ],
      });
    });

    it('runs the tool calls of one step concurrently and reports each result as it lands', async () => {
      const events: string[] = [];
      const slowStarted = deferred();
      const fastFinished = deferred();
      const slow = new FunctionTool({
        name: 'slow',
        description: 'Finishes after fast.',
        parameters: z.object({}),
        execute: async () => {
          events.push('slow started');
          slowStarted.resolve();
          // Sequential execution would deadlock here; give up rather than time out the test.
          events.push(
            `slow saw fast finish: ${String((await orGiveUp(fastFinished.promise)) !== 'gave-up')}`,
          );
          return 'slow done';
        },
      });
      const fast = new FunctionTool({
        name: 'fast',
        description: 'Finishes first, once slow has started.',
        parameters: z.object({}),
        execute: async () => {
          events.push('fast started');
          events.push(
            `fast saw slow start: ${String((await orGiveUp(slowStarted.promise)) !== 'gave-up')}`,
          );
          fastFinished.resolve();
          return 'fast done';
        },
      });
      const { agent, server } = await scriptedAgent([
        toolCallReply([
          { id: 'call_slow', name: 'slow', arguments: {} },
          { id: 'call_fast', name: 'fast', arguments: {} },
        ]),
        textReply('Both done.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([slow, fast]),
        }),
      );
      expect(events).to.deep.equal([
        'slow started',
        'fast started',
        'fast saw slow start: true',
        'slow saw fast finish: true',
      ]);
      // Results are reported as they land...
      expect(
        ofType(chunks, 'tool-call-result').map((chunk) => chunk.toolCallResult.id),
      ).to.deep.equal(['call_fast', 'call_slow']);
      // ...but go back to the model in call order.
      const second = await requestBody(server, 1);
      expect(second.messages.slice(2)).to.deep.equal([
        { role: 'tool', tool_call_id: 'call_slow', content: '"slow done"' },
        { role: 'tool', tool_call_id: 'call_fast', content: '"fast done"' },
      ]);
    });

    it('sends results as JSON: strings quoted, undefined as null, objects structured', async () => {
      const echo = new FunctionTool({
        name: 'echo',
        description: 'Returns a canned value.',
        parameters: z.object({ kind: z.enum(['text', 'nothing', 'object', 'zero', 'promise']) }),
        execute: ({ kind }) => {
          switch (kind) {
            case 'text':
              return 'He said "hi"\nthen left.';
            case 'nothing':
              return undefined;
            case 'object':
              return { list: [1, 'two', null], nested: { ok: true } };
            case 'zero':
              return 0;
            case 'promise':
              return Promise.resolve(['async']);
          }
        },
      });
      const kinds = ['text', 'nothing', 'object', 'zero', 'promise'] as const;
      const { agent, server } = await scriptedAgent([
        toolCallReply(
          kinds.map((kind) => ({ id: `call_${kind}`, name: 'echo', arguments: { kind } })),
        ),
        textReply('Done.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([echo]),
        }),
      );
      const second = await requestBody(server, 1);
      expect(second.messages.filter((message) => message.role === 'tool')).to.deep.equal([
        { role: 'tool', tool_call_id: 'call_text', content: '"He said \\"hi\\"\\nthen left."' },
        { role: 'tool', tool_call_id: 'call_nothing', content: 'null' },
        {
          role: 'tool',
          tool_call_id: 'call_object',
          content: '{"list":[1,"two",null],"nested":{"ok":true}}',
        },
        { role: 'tool', tool_call_id: 'call_zero', content: '0' },
        { role: 'tool', tool_call_id: 'call_promise', content: '["async"]' },
      ]);
      const results = ofType(chunks, 'tool-call-result').map((chunk) => chunk.toolCallResult);
      expect(results.every((result) => !result.isError)).to.equal(true);
      expect(results.find((result) => result.id === 'call_promise')!.result).to.deep.equal([
        'async',
      ]);
    });

    it('stops a runaway tool loop at maxIterations with finishReason max_iterations', async () => {
      let runs = 0;
      const again = new FunctionTool({
        name: 'again',
        description: 'Always asks for more.',
        parameters: z.object({}),
        execute: () => ++runs,
      });
      const replies = [1, 2, 3].map((n) =>
        toolCallReply([{ id: `call_${n}`, name: 'again', arguments: {} }], {
          usage: { prompt_tokens: 10, completion_tokens: 1 },
        }),
      );
      // A fourth request would get the mock's "no scripted reply" HTTP 500 and reject the turn.
      const { agent, server } = await scriptedAgent(replies, { maxIterations: 3 });
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([again]),
        }),
      );
      const response = finalResponse(chunks);
      expect(response.finishReason).to.equal('max_iterations');
      expect(response.response).to.equal('');
      expect(response.messages.map((message) => message.role)).to.deep.equal([
        'assistant',
        'tool',
        'assistant',
        'tool',
        'assistant',
        'tool',
      ]);
      expect(response.usage).to.deep.equal({ inputTokens: 30, outputTokens: 3, totalTokens: 33 });
      expect(await requestBodies(server)).to.have.length(3);
      expect(runs).to.equal(3);
    });

    it('finishes normally when the model answers within maxIterations, and defaults the cap to 10', async () => {
      const { agent } = await scriptedAgent([textReply('Fine.')], { maxIterations: 1 });
      const response = await agent.getResponse({ messages: question() });
      expect(response.finishReason).to.equal('stop');
      expect(new ChatToolAgent({ chatApi: agent.chatApi }).maxIterations).to.equal(10);
    });

    it("never mutates the caller's messages or settings", async () => {
      const { agent, api } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }]),
        textReply('42.'),
      ]);
      const messages = [ChatMessage.createSystemMessage('Be brief.'), ...question()];
      const settings = api.getDefaultSettings();
      settings.temperature = 0.5;
      const before = structuredClone({ messages, settings });
      // Frozen: any write by the agent would throw.
      deepFreeze(messages);
      deepFreeze(settings);
      const response = await agent.getResponse({
        messages,
        settings,
        toolRegistry: new ToolRegistry([multiply]),
      });
      expect(response.response).to.equal('42.');
      expect({ messages, settings }).to.deep.equal(before);
    });

    it("returns only this turn's messages in ChatResponse.messages", async () => {
      const history = [
        ChatMessage.createSystemMessage('Be brief.'),
        ChatMessage.createUserMessage('Hi'),
        ChatMessage.createAssistantMessage('Hello!'),
        ...question(),
      ];
      const { agent, server } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }]),
        textReply('42.'),
      ]);
      const response = await agent.getResponse({
        messages: history,
        toolRegistry: new ToolRegistry([multiply]),
      });
      expect(response.messages.map((message) => message.role)).to.deep.equal([
        'assistant',
        'tool',
        'assistant',
      ]);
      const oldIds = new Set(history.map((message) => message.id));
      expect(response.messages.some((message) => oldIds.has(message.id))).to.equal(false);
      // Each request carries the whole conversation so far.
      const bodies = await requestBodies(server);
      expect(bodies.map((body) => body.messages.length)).to.deep.equal([4, 6]);
    });

    it("sums usage over every step and keeps each step's usage on its assistant message", async () => {
      const { agent } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }], {
          usage: { prompt_tokens: 10, completion_tokens: 5 },
        }),
        textReply('42.', {
          usage: {
            prompt_tokens: 30,
            completion_tokens: 8,
            completion_tokens_details: { reasoning_tokens: 2 },
            prompt_tokens_details: { cached_tokens: 4 },
          },
        }),
      ]);
      const response = await agent.getResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([multiply]),
      });
      expect(response.usage).to.deep.equal({
        inputTokens: 40,
        outputTokens: 13,
        totalTokens: 53,
        reasoningTokens: 2,
        cachedInputTokens: 4,
      });
      expect(response.messages[0]!.usage).to.deep.equal({
        inputTokens: 10,
        outputTokens: 5,
        totalTokens: 15,
      });
      expect(response.messages[2]!.usage).to.deep.equal({
        inputTokens: 30,
        outputTokens: 8,
        totalTokens: 38,
        reasoningTokens: 2,
        cachedInputTokens: 4,
      });
    });

    it('counts a step without usage as nothing', async () => {
      const { agent } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }]),
        textReply('42.', { usage: { prompt_tokens: 7, completion_tokens: 2 } }),
      ]);
      const response = await agent.getResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([multiply]),
      });
      expect(response.usage).to.deep.equal({ inputTokens: 7, outputTokens: 2, totalTokens: 9 });
      expect(response.messages[0]).to.not.have.property('usage');
    });
  });

  describe('tool-call chunks', () => {
    const args = { a: 123456, b: 654321 };
    const argsText = JSON.stringify(args);

    it('announces a tool call before its arguments are complete', async () => {
      const { agent } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: args }], {
          argumentsChunkSize: 4,
        }),
        textReply('Big.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([multiply]),
        }),
      );
      const step0 = chunks.filter((chunk) => chunk.step === 0);
      const types = step0.map((chunk) => chunk.type);
      expect(types[0]).to.equal('tool-call-start');
      expect(types.slice(1, -2).every((type) => type === 'tool-call-delta')).to.equal(true);
      expect(types.slice(-2)).to.deep.equal(['tool-call-ready', 'tool-call-result']);
      expect(step0[0]!.toolCallStart).to.deep.equal({ id: 'call_mul', name: 'multiply', index: 0 });

      const deltas = ofType(chunks, 'tool-call-delta').map((chunk) => chunk.toolCallDelta);
      expect(deltas.length).to.be.greaterThan(1);
      expect(() => JSON.parse(deltas[0]!.argumentsText) as unknown).to.throw(SyntaxError);
      expect(deltas.map((delta) => delta.argumentsDelta).join('')).to.equal(argsText);
      // Each delta carries everything received so far.
      let soFar = '';
      for (const delta of deltas) {
        soFar += delta.argumentsDelta;
        expect(delta).to.deep.equal({
          id: 'call_mul',
          index: 0,
          name: 'multiply',
          argumentsDelta: delta.argumentsDelta,
          argumentsText: soFar,
        });
      }
    });

    it("numbers the calls of a step and starts the second after the first one's arguments", async () => {
      const { agent } = await scriptedAgent([
        toolCallReply([
          { id: 'call_a', name: 'multiply', arguments: { a: 1, b: 2 } },
          { id: 'call_b', name: 'multiply', arguments: { a: 3, b: 4 } },
        ]),
        textReply('2 and 12.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([multiply]),
        }),
      );
      const starts = ofType(chunks, 'tool-call-start').map((chunk) => chunk.toolCallStart);
      expect(starts).to.deep.equal([
        { id: 'call_a', name: 'multiply', index: 0 },
        { id: 'call_b', name: 'multiply', index: 1 },
      ]);
      const secondStart = chunks.findIndex((chunk) => chunk.toolCallStart?.id === 'call_b');
      const lastDeltaOfFirst = chunks.findLastIndex(
        (chunk) => chunk.type === 'tool-call-delta' && chunk.toolCallDelta.id === 'call_a',
      );
      expect(secondStart).to.be.greaterThan(lastDeltaOfFirst);
    });

    it('reports every call ready with its parsed arguments before any result', async () => {
      const { agent } = await scriptedAgent([
        toolCallReply([
          { id: 'call_a', name: 'multiply', arguments: { a: 1, b: 2 } },
          { id: 'call_bad', name: 'multiply', arguments: '{"a": 1,' },
        ]),
        textReply('Done.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([multiply]),
        }),
      );
      const ready = ofType(chunks, 'tool-call-ready');
      expect(ready.map((chunk) => chunk.toolCallReady)).to.deep.equal([
        {
          id: 'call_a',
          index: 0,
          name: 'multiply',
          argumentsText: '{"a":1,"b":2}',
          arguments: { a: 1, b: 2 },
          requiresApproval: false,
        },
        {
          id: 'call_bad',
          index: 1,
          name: 'multiply',
          argumentsText: '{"a": 1,',
          arguments: undefined,
          requiresApproval: false,
        },
      ]);
      const lastReady = chunks.findLastIndex((chunk) => chunk.type === 'tool-call-ready');
      const firstResult = chunks.findIndex((chunk) => chunk.type === 'tool-call-result');
      const lastDelta = chunks.findLastIndex((chunk) => chunk.type === 'tool-call-delta');
      expect(lastDelta).to.be.lessThan(chunks.indexOf(ready[0]!));
      expect(firstResult).to.be.greaterThan(lastReady);
    });

    it("gives every chunk the seed's fields, with neutral values where they do not apply", async () => {
      const { agent } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }]),
        textReply('42.', { reasoning: 'Easy.' }),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([multiply]),
        }),
      );
      for (const chunk of chunks) {
        expect(chunk).to.include.all.keys(
          'type',
          'step',
          'chunk',
          'reasoningChunk',
          'finished',
          'finishedResponse',
          'toolCallStart',
          'toolCallResult',
        );
        expect(chunk.finished).to.equal(chunk.type === 'finish');
        expect(chunk.finishedResponse === undefined).to.equal(chunk.type !== 'finish');
        expect(chunk.toolCallStart === undefined).to.equal(chunk.type !== 'tool-call-start');
        expect(chunk.toolCallResult === undefined).to.equal(chunk.type !== 'tool-call-result');
        if (chunk.type !== 'text-delta') expect(chunk.chunk).to.equal('');
        if (chunk.type !== 'reasoning-delta') expect(chunk.reasoningChunk).to.equal('');
      }
    });
  });

  describe('failing tool calls', () => {
    const explode = new FunctionTool({
      name: 'explode',
      description: 'Always fails.',
      parameters: z.object({}),
      execute: () => {
        throw new Error('The flux capacitor is empty');
      },
    });
    const circular = new FunctionTool({
      name: 'circular',
      description: 'Returns a circular object.',
      parameters: z.object({}),
      execute: () => {
        const node: { name: string; self?: unknown } = { name: 'loop' };
        node.self = node;
        return node;
      },
    });
    const bigint = new FunctionTool({
      name: 'bigint',
      description: 'Returns a BigInt.',
      parameters: z.object({}),
      execute: () => 2n ** 70n,
    });
    const registry = (): ToolRegistry => new ToolRegistry([multiply, explode, circular, bigint]);

    interface FailureCase {
      readonly title: string;
      readonly name: string;
      readonly arguments: string;
      /** Parts the error text sent to the model must contain. */
      readonly error: readonly string[];
      /** The arguments the result reports (validated when valid, parsed when only parsable). */
      readonly reportedArguments: unknown;
    }

    const cases: readonly FailureCase[] = [
      {
        title: 'an unknown tool',
        name: 'teleport',
        arguments: '{"to":"Mars"}',
        error: ['Unknown tool "teleport"', 'Available tools: multiply, explode, circular, bigint.'],
        reportedArguments: undefined,
      },
      {
        title: 'arguments that are not JSON',
        name: 'multiply',
        arguments: '{"a": 6, "b":',
        error: ['The arguments are not valid JSON'],
        reportedArguments: undefined,
      },
      {
        title: 'arguments that fail the schema',
        name: 'multiply',
        arguments: '{"a":"six","b":7}',
        error: ["The arguments do not match the tool's schema", 'expected number', 'a'],
        reportedArguments: { a: 'six', b: 7 },
      },
      {
        title: 'a thrown error',
        name: 'explode',
        arguments: '{}',
        error: ['The tool failed: The flux capacitor is empty'],
        reportedArguments: {},
      },
      {
        title: 'a circular result',
        name: 'circular',
        arguments: '{}',
        error: ["The tool's result could not be converted to JSON", 'circular'],
        reportedArguments: {},
      },
      {
        title: 'a BigInt result',
        name: 'bigint',
        arguments: '{}',
        error: ["The tool's result could not be converted to JSON", 'BigInt'],
        reportedArguments: {},
      },
    ];

    for (const failure of cases) {
      it(`feeds ${failure.title} back to the model as an error result and continues`, async () => {
        const { agent, server } = await scriptedAgent([
          toolCallReply([{ id: 'call_1', name: failure.name, arguments: failure.arguments }]),
          textReply('Sorry, that did not work.'),
        ]);
        const chunks = await collect(
          agent.getStreamingResponse({ messages: question(), toolRegistry: registry() }),
        );

        const results = ofType(chunks, 'tool-call-result').map((chunk) => chunk.toolCallResult);
        expect(results).to.have.length(1);
        const result = results[0]!;
        expect(result).to.include({
          id: 'call_1',
          name: failure.name,
          isError: true,
          denied: false,
        });
        expect(result.arguments).to.deep.equal(failure.reportedArguments);
        const error = (result.result as { error: string }).error;
        for (const part of failure.error)
          expect(error.toLowerCase()).to.include(part.toLowerCase());
        expect(result.resultText).to.equal(JSON.stringify({ error }));

        const second = await requestBody(server, 1);
        expect(second.messages).to.have.length(3);
        expect(second.messages[1]).to.deep.equal({
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: failure.name, arguments: failure.arguments },
            },
          ],
        });
        expect(second.messages[2]).to.deep.equal({
          role: 'tool',
          tool_call_id: 'call_1',
          content: JSON.stringify({ error }),
        });

        const response = finalResponse(chunks);
        expect(response.response).to.equal('Sorry, that did not work.');
        expect(response.finishReason).to.equal('stop');
        expect(response.messages[1]!.content).to.deep.equal([
          {
            type: 'tool_result',
            toolCallId: 'call_1',
            toolName: failure.name,
            result: result.resultText,
            isError: true,
          },
        ]);
      });
    }

    it('gives every call of a step exactly one result, in call order, whatever fails', async () => {
      const calls = [
        ...cases.map((failure, index) => ({
          id: `call_${index}`,
          name: failure.name,
          arguments: failure.arguments,
        })),
        { id: 'call_ok', name: 'multiply', arguments: '{"a":6,"b":7}' },
      ];
      const { agent, server } = await scriptedAgent([
        toolCallReply(calls),
        textReply('Mixed results.'),
      ]);
      const chunks = await collect(
        agent.getStreamingResponse({ messages: question(), toolRegistry: registry() }),
      );
      const results = ofType(chunks, 'tool-call-result').map((chunk) => chunk.toolCallResult);
      expect(results.map((result) => result.id).sort()).to.deep.equal(
        calls.map((call) => call.id).sort(),
      );

      const second = await requestBody(server, 1);
      const assistant = second.messages[1]!;
      expect(assistant.tool_calls!.map((call) => call.id)).to.deep.equal(
        calls.map((call) => call.id),
      );
      const toolMessages = second.messages.slice(2);
      expect(toolMessages.map((message: WireMessage) => message.tool_call_id)).to.deep.equal(
        calls.map((call) => call.id),
      );
      expect(
        toolMessages
          .slice(0, -1)
          .every(
            (message) => typeof (parseContent(message) as { error?: unknown }).error === 'string',
          ),
      ).to.equal(true);
      expect(parseContent(toolMessages.at(-1))).to.equal(42);
      expect(finalResponse(chunks).response).to.equal('Mixed results.');
    });

    it('describes a thrown non-Error value too', async () => {
      const throwsString = new FunctionTool({
        name: 'throws_string',
        description: 'Throws a string.',
        parameters: z.object({}),
        execute: () => {
          throw 'disk full';
        },
      });
      const { agent } = await scriptedAgent([
        toolCallReply([{ id: 'call_1', name: 'throws_string', arguments: {} }]),
        textReply('Oh no.'),
      ]);
      const response = await agent.getResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([throwsString]),
      });
      expect(response.messages[1]!.content[0]).to.deep.include({
        result: JSON.stringify({ error: 'The tool failed: disk full' }),
        isError: true,
      });
    });

    it('treats a call without a tool registry as an unknown tool', async () => {
      const { agent, server } = await scriptedAgent([
        toolCallReply([{ id: 'call_1', name: 'multiply', arguments: { a: 1, b: 2 } }]),
        textReply('No tools, then.'),
      ]);
      const response = await agent.getResponse({ messages: question() });
      expect(response.response).to.equal('No tools, then.');
      const second = await requestBody(server, 1);
      expect(parseContent(second.messages[2])).to.deep.equal({
        error: 'Unknown tool "multiply". Available tools: none.',
      });
    });
  });

  describe('tool approval', () => {
    interface Guarded {
      readonly tool: FunctionTool;
      readonly runs: unknown[];
    }
    const guardedTool = (): Guarded => {
      const runs: unknown[] = [];
      const tool = new FunctionTool({
        name: 'delete_file',
        description: 'Deletes a file.',
        parameters: z.object({ path: z.string() }),
        requiresApproval: true,
        execute: ({ path }) => {
          runs.push(path);
          return { deleted: path };
        },
      });
      return { tool, runs };
    };
    const deleteCall = (): ScriptedReply =>
      toolCallReply([{ id: 'call_del', name: 'delete_file', arguments: { path: '/tmp/x' } }]);

    async function runTurn(options: {
      agentHandler?: ToolApprovalHandler;
      turnHandler?: ToolApprovalHandler;
    }) {
      const guarded = guardedTool();
      const { agent, server } = await scriptedAgent(
        [deleteCall(), textReply('Understood.')],
        options.agentHandler ? { approveToolCall: options.agentHandler } : {},
      );
      const chunks: ChatResponseChunk[] = await collect(
        agent.getStreamingResponse({
          messages: question(),
          toolRegistry: new ToolRegistry([guarded.tool]),
          ...(options.turnHandler ? { approveToolCall: options.turnHandler } : {}),
        }),
      );
      const [result] = ofType(chunks, 'tool-call-result');
      const toolMessage = (await requestBody(server, 1)).messages[2];
      return {
        chunks,
        runs: guarded.runs,
        result: result!.toolCallResult,
        sent: parseContent(toolMessage),
        tool: guarded.tool,
      };
    }

    it('runs the call when the handler approves, passing it the validated call and a signal', async () => {
      const requests: ToolApprovalRequest[] = [];
      const signals: AbortSignal[] = [];
      const { chunks, runs, result, sent, tool } = await runTurn({
        agentHandler: (request, context) => {
          requests.push(request);
          signals.push(context.signal);
          return true;
        },
      });
      expect(runs).to.deep.equal(['/tmp/x']);
      expect(result).to.include({ isError: false, denied: false });
      expect(sent).to.deep.equal({ deleted: '/tmp/x' });
      expect(requests).to.have.length(1);
      expect(requests[0]).to.deep.equal({
        step: 0,
        index: 0,
        id: 'call_del',
        name: 'delete_file',
        arguments: { path: '/tmp/x' },
        tool,
      });
      expect(signals[0]!.aborted).to.equal(false);
      expect(ofType(chunks, 'tool-call-ready')[0]!.toolCallReady.requiresApproval).to.equal(true);
    });

    it('accepts an async decision object { approved: true }', async () => {
      const { runs, result } = await runTurn({
        agentHandler: () => Promise.resolve({ approved: true }),
      });
      expect(runs).to.deep.equal(['/tmp/x']);
      expect(result.isError).to.equal(false);
    });

    it('sends a denial (false) to the model as an error result and never runs the tool', async () => {
      const { runs, result, sent } = await runTurn({ agentHandler: () => false });
      expect(runs).to.deep.equal([]);
      expect(result).to.include({ isError: true, denied: true });
      expect(sent).to.deep.equal({ error: 'The user denied this tool call.' });
    });

    it('passes the reason of a denial ({ approved: false, reason }) to the model', async () => {
      const { runs, result, sent } = await runTurn({
        agentHandler: async () => ({ approved: false, reason: 'Not on a Friday.' }),
      });
      expect(runs).to.deep.equal([]);
      expect(result).to.include({ isError: true, denied: true });
      expect(sent).to.deep.equal({
        error: 'The user denied this tool call. Reason: Not on a Friday.',
      });
    });

    it('denies a call that needs approval when there is no handler', async () => {
      const { runs, result, sent } = await runTurn({});
      expect(runs).to.deep.equal([]);
      expect(result).to.include({ isError: true, denied: true });
      expect(sent).to.deep.equal({
        error:
          'This tool requires approval and no approval handler is configured, so it was not run.',
      });
    });

    it("lets the turn's handler override the agent's", async () => {
      const agentAsked: string[] = [];
      const turnAsked: string[] = [];
      const { runs } = await runTurn({
        agentHandler: (request) => {
          agentAsked.push(request.id);
          return false;
        },
        turnHandler: (request) => {
          turnAsked.push(request.id);
          return true;
        },
      });
      expect(agentAsked).to.deep.equal([]);
      expect(turnAsked).to.deep.equal(['call_del']);
      expect(runs).to.deep.equal(['/tmp/x']);
    });

    it('never asks about tools that do not require approval, nor about calls that fail validation', async () => {
      const guarded = guardedTool();
      const asked: string[] = [];
      const { agent } = await scriptedAgent(
        [
          toolCallReply([
            { id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } },
            { id: 'call_bad', name: 'delete_file', arguments: { path: 42 } },
          ]),
          textReply('Done.'),
        ],
        {
          approveToolCall: (request) => {
            asked.push(request.id);
            return true;
          },
        },
      );
      const response = await agent.getResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([multiply, guarded.tool]),
      });
      expect(asked).to.deep.equal([]);
      expect(guarded.runs).to.deep.equal([]);
      const results = response.messages[1]!.content;
      expect(results[0]).to.deep.include({ toolCallId: 'call_mul', result: '42' });
      expect(results[1]).to.deep.include({ toolCallId: 'call_bad', isError: true });
    });

    it('sends a failing approval handler back as an error result, never running the tool', async () => {
      const guarded = guardedTool();
      const { agent, server } = await scriptedAgent([deleteCall(), textReply('Could not ask.')], {
        approveToolCall: () => {
          throw new RangeError('dialog broke');
        },
      });
      const response = await agent.getResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([guarded.tool]),
      });
      expect(response.response).to.equal('Could not ask.');
      expect(guarded.runs).to.deep.equal([]);
      const bodies = await requestBodies(server);
      expect(bodies).to.have.length(2);
      expect(JSON.stringify(bodies[1])).to.include('dialog broke');
    });
  });

  describe('getResponse', () => {
    it('resolves with the very ChatResponse of the final chunk', async () => {
      const { agent } = await scriptedAgent([
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }]),
        textReply('42.', { usage: { prompt_tokens: 3, completion_tokens: 1 } }),
      ]);
      const seen: ChatResponseChunk[] = [];
      const stream = agent.getStreamingResponse.bind(agent);
      agent.getStreamingResponse = async function* (options) {
        for await (const chunk of stream(options)) {
          seen.push(chunk);
          yield chunk;
        }
      };
      const response = await agent.getResponse({
        messages: question(),
        toolRegistry: new ToolRegistry([multiply]),
      });
      expect(response).to.equal(finalResponse(seen));
      expect(response.response).to.equal('42.');
    });

    it('returns what a streamed run of the same script returns', async () => {
      const replies = [
        toolCallReply([{ id: 'call_mul', name: 'multiply', arguments: { a: 6, b: 7 } }], {
          usage: { prompt_tokens: 5, completion_tokens: 2 },
        }),
        textReply('42.', { reasoning: 'Hmm.' }),
      ];
      const streamed = await scriptedAgent(replies);
      const direct = await scriptedAgent(replies);
      const options = { messages: question(), toolRegistry: new ToolRegistry([multiply]) };
      const fromStream = finalResponse(await collect(streamed.agent.getStreamingResponse(options)));
      const fromGet = await direct.agent.getResponse(options);
      // Message ids and timestamps are fresh per run.
      const normalise = (response: typeof fromGet): unknown => ({
        ...response,
        messages: response.messages.map(({ id: _id, createdAt: _at, ...rest }) => rest),
      });
      expect(normalise(fromGet)).to.deep.equal(normalise(fromStream));
    });
  });
});
