import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatMessage,
  ChatToolAgent,
  FunctionTool,
  OpenAIChatAPI,
  ToolRegistry,
  type ChatResponseChunk,
  type ToolApprovalRequest,
  type ToolCallResult,
} from '../../src/index.js';
import {
  createScriptedFetch,
  textReply,
  toolCallReply,
  type ScriptedReply,
} from '../../src/testing/index.js';
import { collect, type WireBody } from './agent-kit.js';

/** An agent on an in-process scripted endpoint, and the bodies it sent. */
function agentOn(
  replies: readonly ScriptedReply[],
  options: { maxToolCallsPerStep?: number } = {},
) {
  const scripted = createScriptedFetch(replies);
  const agent = new ChatToolAgent({
    chatApi: new OpenAIChatAPI({ model: 'm', fetch: scripted.fetch, maxRetries: 0 }),
    ...options,
  });
  return { agent, bodies: () => scripted.requests.map((request) => request.body as WireBody) };
}

function results(chunks: readonly ChatResponseChunk[]): ToolCallResult[] {
  return chunks.flatMap((chunk) =>
    chunk.type === 'tool-call-result' ? [chunk.toolCallResult] : [],
  );
}

/** Every tool-call id in a request, in order. */
function wireCallIds(body: WireBody): string[] {
  return body.messages.flatMap((message) => message.tool_calls?.map((call) => call.id) ?? []);
}

/** Every tool result id in a request, in order. */
function wireResultIds(body: WireBody): string[] {
  return body.messages.flatMap((message) =>
    message.role === 'tool' && message.tool_call_id !== undefined ? [message.tool_call_id] : [],
  );
}

const question = [ChatMessage.createUserMessage('Go.')];

describe('ChatToolAgent: tool-call identity', () => {
  it('runs each call of a step that shares one id as its own call, and asks approval for exactly the call that runs', async () => {
    const ran: string[] = [];
    const lookup = new FunctionTool({
      name: 'lookup',
      description: 'Looks up.',
      parameters: z.object({ q: z.string() }),
      execute: ({ q }) => (ran.push(`lookup:${q}`), `found ${q}`),
    });
    const remove = new FunctionTool({
      name: 'delete_file',
      description: 'Deletes.',
      parameters: z.object({ path: z.string() }),
      requiresApproval: true,
      execute: ({ path }) => (ran.push(`delete:${path}`), 'deleted'),
    });
    const asked: ToolApprovalRequest[] = [];
    const { agent, bodies } = agentOn([
      toolCallReply([
        { id: 'call_0', name: 'lookup', arguments: { q: 'harmless' } },
        { id: 'call_0', name: 'delete_file', arguments: { path: '/etc/passwd' } },
      ]),
      textReply('Done.'),
    ]);
    const chunks = await collect(
      agent.getStreamingResponse({
        messages: question,
        toolRegistry: new ToolRegistry([lookup, remove]),
        approveToolCall: (request) => {
          asked.push(request);
          return false;
        },
      }),
    );
    expect(
      asked.map((request) => [request.step, request.index, request.name, request.arguments]),
    ).to.deep.equal([[0, 1, 'delete_file', { path: '/etc/passwd' }]]);
    expect(ran).to.deep.equal(['lookup:harmless'], 'the denied call never ran');
    const outcome = results(chunks).sort((a, b) => a.index - b.index);
    expect(
      outcome.map((result) => [result.index, result.name, result.isError, result.denied]),
    ).to.deep.equal([
      [0, 'lookup', false, false],
      [1, 'delete_file', true, true],
    ]);
    expect(chunks.at(-1)?.finished, 'the turn settles').to.equal(true);

    const followUp = bodies()[1]!;
    const ids = wireCallIds(followUp);
    expect(ids[0]).to.equal('call_0', 'the first use of an id is kept');
    expect(new Set(ids).size).to.equal(2, 'ids sent back are unique within the request');
    expect(wireResultIds(followUp)).to.deep.equal(ids, 'each result answers its own call');
    const toolMessages = followUp.messages.filter((message) => message.role === 'tool');
    expect(toolMessages.map((message) => message.content)).to.deep.equal([
      '"found harmless"',
      outcome[1]!.resultText,
    ]);
  });

  it('rewrites an id reused in every round (call_0 each time) and keeps the mapping', async () => {
    const echo = new FunctionTool({
      name: 'echo',
      description: 'Echoes.',
      parameters: z.object({ n: z.number() }),
      execute: ({ n }) => n,
    });
    const { agent, bodies } = agentOn([
      toolCallReply([{ id: 'call_0', name: 'echo', arguments: { n: 1 } }]),
      toolCallReply([{ id: 'call_0', name: 'echo', arguments: { n: 2 } }]),
      toolCallReply([{ id: 'call_0', name: 'echo', arguments: { n: 3 } }]),
      textReply('1, 2, 3.'),
    ]);
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry([echo]) }),
    );
    const last = bodies()[3]!;
    const ids = wireCallIds(last);
    expect(ids).to.deep.equal(
      ['call_0', 'call_0_1_0', 'call_0_2_0'],
      'rewritten deterministically from step and position',
    );
    expect(wireResultIds(last)).to.deep.equal(ids);
    expect(
      last.messages.filter((message) => message.role === 'tool').map((message) => message.content),
    ).to.deep.equal(['1', '2', '3']);
    const response = chunks.at(-1)!.finishedResponse!;
    const parts = response.messages.flatMap((message) =>
      message.content.filter((part) => part.type === 'tool_call'),
    );
    expect(parts.map((part) => part.metadata)).to.deep.equal(
      [undefined, { providerId: 'call_0' }, { providerId: 'call_0' }],
      "the provider's own id is kept",
    );
  });

  it('never reuses an id the conversation already holds', async () => {
    const echo = new FunctionTool({
      name: 'echo',
      description: 'Echoes.',
      parameters: z.object({}),
      execute: () => 'ok',
    });
    const earlier = [
      ChatMessage.createUserMessage('Before.'),
      ChatMessage.createAssistantMessage([
        { type: 'tool_call', id: 'call_0', name: 'echo', arguments: '{}' },
      ]),
      ChatMessage.createToolMessage([
        { type: 'tool_result', toolCallId: 'call_0', toolName: 'echo', result: '"ok"' },
      ]),
      ChatMessage.createAssistantMessage('Done before.'),
      ChatMessage.createUserMessage('Again.'),
    ];
    const { agent, bodies } = agentOn([
      toolCallReply([{ id: 'call_0', name: 'echo', arguments: {} }]),
      textReply('Again done.'),
    ]);
    await collect(
      agent.getStreamingResponse({ messages: earlier, toolRegistry: new ToolRegistry([echo]) }),
    );
    expect(wireCallIds(bodies()[1]!)).to.deep.equal(['call_0', 'call_0_0_0']);
  });

  it('gives calls without an id their own ids, the same in chunks, messages and the request', async () => {
    const echo = new FunctionTool({
      name: 'echo',
      description: 'Echoes.',
      parameters: z.object({ n: z.number() }),
      execute: ({ n }) => n * 10,
    });
    const { agent, bodies } = agentOn([
      toolCallReply([
        { id: '', name: 'echo', arguments: { n: 1 } },
        { id: '', name: 'echo', arguments: { n: 2 } },
      ]),
      textReply('10 and 20.'),
    ]);
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry([echo]) }),
    );
    const starts = chunks.flatMap((chunk) =>
      chunk.type === 'tool-call-start' ? [chunk.toolCallStart.id] : [],
    );
    expect(starts).to.deep.equal(['call_0_0', 'call_0_1']);
    const byIndex = results(chunks).sort((a, b) => a.index - b.index);
    expect(byIndex.map((result) => [result.id, result.resultText])).to.deep.equal([
      ['call_0_0', '10'],
      ['call_0_1', '20'],
    ]);
    expect(wireCallIds(bodies()[1]!)).to.deep.equal(['call_0_0', 'call_0_1']);
    expect(wireResultIds(bodies()[1]!)).to.deep.equal(['call_0_0', 'call_0_1']);
  });

  it("keeps a call's extra wire fields (Gemini's thought signature) on its message part", async () => {
    const signature = { google: { thought_signature: 'sig-abc' } };
    const reply: ScriptedReply = {
      chunks: [
        {
          text: `data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant', tool_calls: [{ index: 0, id: 'g1', type: 'function', extra_content: signature, function: { name: 'echo', arguments: '{}' } }] } }] })}\n\n`,
        },
        {
          text: `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] })}\n\n`,
        },
        { text: 'data: [DONE]\n\n' },
      ],
    };
    const echo = new FunctionTool({
      name: 'echo',
      description: 'Echoes.',
      parameters: z.object({}),
      execute: () => 'ok',
    });
    const { agent } = agentOn([reply, textReply('ok')]);
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry([echo]) }),
    );
    const call = chunks
      .at(-1)!
      .finishedResponse!.messages[0]!.content.find((part) => part.type === 'tool_call');
    expect(call?.metadata).to.deep.equal({ wire: { extra_content: signature } });
  });
});

describe('ChatToolAgent: bounds', () => {
  it('runs at most maxToolCallsPerStep calls of one step; the rest get an error result the model reads', async () => {
    let runs = 0;
    const count = new FunctionTool({
      name: 'count',
      description: 'Counts.',
      parameters: z.object({}),
      execute: () => ++runs,
    });
    const calls = Array.from({ length: 5 }, () => ({ name: 'count', arguments: {} }));
    const { agent, bodies } = agentOn([toolCallReply(calls), textReply('ok')], {
      maxToolCallsPerStep: 2,
    });
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry([count]) }),
    );
    expect(runs).to.equal(2);
    const outcome = results(chunks).sort((a, b) => a.index - b.index);
    expect(outcome.map((result) => result.isError)).to.deep.equal([false, false, true, true, true]);
    expect(outcome[4]!.resultText).to.contain('at most 2 run per response');
    expect(bodies()[1]!.messages.filter((message) => message.role === 'tool')).to.have.length(
      5,
      'every call is answered',
    );
  });

  it('completes a step of 3,000 calls (settling in linear time) with every result in order', async () => {
    const echo = new FunctionTool({
      name: 'echo',
      description: 'Echoes.',
      parameters: z.object({ n: z.number() }),
      execute: ({ n }) => n,
    });
    const calls = Array.from({ length: 3000 }, (_, n) => ({
      id: 'same',
      name: 'echo',
      arguments: { n },
    }));
    const { agent, bodies } = agentOn(
      [toolCallReply(calls, { argumentsChunkSize: 64 }), textReply('ok')],
      { maxToolCallsPerStep: Infinity },
    );
    const started = performance.now();
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry([echo]) }),
    );
    const elapsed = performance.now() - started;
    expect(results(chunks)).to.have.length(3000);
    const tool = bodies()[1]!.messages.filter((message) => message.role === 'tool');
    expect(tool.map((message) => message.content)).to.deep.equal(calls.map((_, n) => String(n)));
    expect(new Set(wireCallIds(bodies()[1]!)).size).to.equal(3000);
    console.log(`3,000 calls in one step: ${elapsed.toFixed(0)} ms`);
  });

  it('turns a tool that never settles into an error result after its timeout, aborting its signal', async () => {
    let seen: AbortSignal | undefined;
    const hang = new FunctionTool({
      name: 'hang',
      description: 'Never settles.',
      parameters: z.object({}),
      timeout: 50,
      execute: (_args, { signal }) => {
        seen = signal;
        return new Promise(() => undefined);
      },
    });
    const { agent } = agentOn([
      toolCallReply([{ name: 'hang', arguments: {} }]),
      textReply('It timed out.'),
    ]);
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry([hang]) }),
    );
    const [result] = results(chunks);
    expect(result?.isError).to.equal(true);
    expect(result?.resultText).to.contain('did not finish within 50 ms');
    expect(seen?.aborted).to.equal(true);
    expect(chunks.at(-1)?.finishedResponse?.response).to.equal('It timed out.');
  });

  it('gives every kind of thrown value an error result and goes on', async () => {
    const hostileProxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap');
        },
        getPrototypeOf: () => {
          throw new Error('trap');
        },
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    const nullPrototype = Object.create(null) as Record<string, unknown>;
    nullPrototype['toJSON'] = () => {
      throw new Error('no JSON for you');
    };
    const badMessage = new Error('x');
    Object.defineProperty(badMessage, 'message', {
      get: () => {
        throw new Error('no message');
      },
    });
    const throwables: unknown[] = [
      hostileProxy,
      nullPrototype,
      badMessage,
      Symbol('s'),
      undefined,
      '',
    ];
    const tools = throwables.map(
      (thrown, n) =>
        new FunctionTool({
          name: `throws_${n}`,
          description: 'Throws.',
          parameters: z.object({}),
          execute: () => {
            throw thrown;
          },
        }),
    );
    tools.push(
      new FunctionTool({
        name: 'returns_proxy',
        description: 'Returns a hostile value.',
        parameters: z.object({}),
        execute: () => hostileProxy,
      }),
    );
    const { agent } = agentOn([
      toolCallReply(tools.map((tool) => ({ name: tool.name, arguments: {} }))),
      textReply('Still here.'),
    ]);
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry(tools) }),
    );
    const outcome = results(chunks);
    expect(outcome).to.have.length(tools.length);
    for (const result of outcome) {
      expect(result.isError, result.name).to.equal(true);
      expect(() => JSON.parse(result.resultText) as unknown, result.name).to.not.throw();
    }
    expect(chunks.at(-1)?.finishedResponse?.response).to.equal('Still here.');
  });

  it('turns deeply nested arguments into an error result for that call', async () => {
    let runs = 0;
    const any = new FunctionTool({
      name: 'any',
      description: 'Takes anything.',
      parameters: z.object({ a: z.unknown() }).loose(),
      execute: () => ++runs,
    });
    const nested = (depth: number): string => `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const { agent } = agentOn([
      toolCallReply(
        [
          { name: 'any', arguments: nested(10) },
          { name: 'any', arguments: nested(200) },
          { name: 'any', arguments: nested(200_000) },
        ],
        { argumentsChunkSize: 4096 },
      ),
      textReply('ok'),
    ]);
    const chunks = await collect(
      agent.getStreamingResponse({ messages: question, toolRegistry: new ToolRegistry([any]) }),
    );
    const outcome = results(chunks).sort((a, b) => a.index - b.index);
    expect(outcome.map((result) => result.isError)).to.deep.equal([false, true, true]);
    expect(outcome[1]!.resultText).to.contain('nest deeper than 64 levels');
    expect(runs).to.equal(1);
  });
});

describe('ChatToolAgent: options', () => {
  const chatApi = new OpenAIChatAPI({ model: 'm', fetch: createScriptedFetch([]).fetch });
  for (const bad of ['ten', Number.NaN, 0, -1, 1.5, Infinity, null]) {
    it(`rejects maxIterations ${String(bad)} with a clear TypeError`, () => {
      expect(() => new ChatToolAgent({ chatApi, maxIterations: bad as number })).to.throw(
        TypeError,
        /maxIterations must be a whole number of at least 1/,
      );
    });
  }
  for (const bad of ['8', Number.NaN, 0, -3, 2.5]) {
    it(`rejects maxToolCallsPerStep ${String(bad)} with a clear TypeError`, () => {
      expect(() => new ChatToolAgent({ chatApi, maxToolCallsPerStep: bad as number })).to.throw(
        TypeError,
        /maxToolCallsPerStep must be a whole number/,
      );
    });
  }
  it('takes valid limits and defaults', () => {
    const agent = new ChatToolAgent({ chatApi });
    expect([agent.maxIterations, agent.maxToolCallsPerStep]).to.deep.equal([10, 64]);
    const custom = new ChatToolAgent({ chatApi, maxIterations: 3, maxToolCallsPerStep: Infinity });
    expect([custom.maxIterations, custom.maxToolCallsPerStep]).to.deep.equal([3, Infinity]);
  });
  for (const bad of [0, -5, Number.NaN, '100']) {
    it(`rejects a tool timeout of ${String(bad)}`, () => {
      expect(
        () =>
          new FunctionTool({
            name: 't',
            description: 'd',
            parameters: z.object({}),
            timeout: bad as number,
            execute: () => 1,
          }),
      ).to.throw(TypeError, /timeout must be a positive number/);
    });
  }
});
