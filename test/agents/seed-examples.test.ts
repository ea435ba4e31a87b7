/**
 * The examples of the user's seed document (streaming-responses.md), ported line for line to
 * TypeScript and run against the HTTP mock endpoint.
 */
import { expect } from 'chai';
import * as z from 'zod';
import {
  ChatHistory,
  ChatMessage,
  FunctionTool,
  StreamError,
  ToolRegistry,
  readEventStream,
  toEventStreamResponse,
  type ChatResponse,
  type ChatResponseChunk,
} from '../../src/index.js';
import { streamErrorReply, textReply, toolCallReply } from '../../src/testing/index.js';
import { collect, requestBodies, scriptedAgent, type WireMessage } from './agent-kit.js';

/** The seed's calculator without `eval`: numbers, + - * / **, parentheses and sqrt(). */
function calculate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|\*\*|[a-z]+|\S/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (expected?: string): string => {
    const token = tokens[position];
    if (token === undefined) throw new Error(`Unexpected end of expression "${expression}".`);
    if (expected !== undefined && token !== expected)
      throw new Error(`Expected "${expected}" but found "${token}" in "${expression}".`);
    position += 1;
    return token;
  };
  const primary = (): number => {
    const token = take();
    if (token === '(' || token === 'sqrt') {
      if (token === 'sqrt') take('(');
      const value = sum();
      take(')');
      return token === 'sqrt' ? Math.sqrt(value) : value;
    }
    if (!/^\d/.test(token)) throw new Error(`Unexpected "${token}" in "${expression}".`);
    return Number(token);
  };
  const power = (): number => {
    const base = primary();
    if (peek() !== '**') return base;
    take();
    return base ** unary();
  };
  const unary = (): number => {
    if (peek() !== '-') return power();
    take();
    return -unary();
  };
  const product = (): number => {
    let value = unary();
    for (let op = peek(); op === '*' || op === '/'; op = peek())
      value = take() === '*' ? value * unary() : value / unary();
    return value;
  };
  const sum = (): number => {
    let value = product();
    for (let op = peek(); op === '+' || op === '-'; op = peek())
      value = take() === '+' ? value + product() : value - product();
    return value;
  };
  const value = sum();
  if (position < tokens.length)
    throw new Error(`Unexpected "${tokens[position]}" in "${expression}".`);
  return value;
}

const calculatorTool = new FunctionTool({
  name: 'calculator',
  description: 'Evaluate a mathematical expression.',
  parameters: z.object({
    expression: z.string().describe('An arithmetic expression, e.g. "sqrt(2) * 3"'),
  }),
  execute: ({ expression }) => calculate(expression),
});

const calculatorWire = JSON.parse(JSON.stringify(calculatorTool.toOpenAITool())) as unknown;

describe('seed examples (streaming-responses.md)', () => {
  it('the calculator evaluates arithmetic without eval and refuses anything else', () => {
    expect(calculate('6 * 7')).to.equal(42);
    expect(calculate('sqrt(16) + 2')).to.equal(6);
    expect(calculate('2 ** 3 ** 2 - -1')).to.equal(513);
    expect(calculate('(1 + 2) * 3 / 4')).to.equal(2.25);
    expect(() => calculate('sqrt(16) +')).to.throw('Unexpected end of expression "sqrt(16) +".');
    expect(() => calculate('alert(1)')).to.throw('Unexpected "alert"');
  });

  it('Basic Streaming: prints chunk.chunk as it arrives', async () => {
    const { agent, api, server } = await scriptedAgent([
      textReply(['Quantum computing', ' uses qubits,', ' which can be 0 and 1 at once.']),
    ]);
    const settings = api.getDefaultSettings();

    const yourTool1 = new FunctionTool({
      name: 'your_tool1',
      description: 'First tool.',
      parameters: z.object({}),
      execute: () => 1,
    });
    const yourTool2 = new FunctionTool({
      name: 'your_tool2',
      description: 'Second tool.',
      parameters: z.object({ q: z.string() }),
      execute: () => 2,
    });
    const toolRegistry = new ToolRegistry();
    toolRegistry.addTools([yourTool1, yourTool2]);

    const messages = [
      ChatMessage.createSystemMessage('You are a helpful assistant.'),
      ChatMessage.createUserMessage('Tell me about quantum computing.'),
    ];

    const stream = agent.getStreamingResponse({ messages, settings, toolRegistry });

    let printed = '';
    for await (const chunk of stream) printed += chunk.chunk;

    expect(printed).to.equal('Quantum computing uses qubits, which can be 0 and 1 at once.');
    const [body] = await requestBodies(server);
    expect(body!.messages).to.deep.equal([
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'Tell me about quantum computing.' },
    ]);
    expect(body!.tools!.map((tool) => tool.function.name)).to.deep.equal([
      'your_tool1',
      'your_tool2',
    ]);
  });

  it('Stream Chunk Properties: only the final chunk is finished and carries the response with its messages', async () => {
    const { agent } = await scriptedAgent([textReply(['Hello', ' there!'])]);
    const stream = agent.getStreamingResponse({ messages: [ChatMessage.createUserMessage('Hi')] });

    const printed: string[] = [];
    let finalResponse: ChatResponse | undefined;
    const notFinished: ChatResponseChunk[] = [];
    for await (const chunk of stream) {
      printed.push(chunk.chunk);
      if (chunk.finished) {
        finalResponse = chunk.finishedResponse;
        for (const message of finalResponse.messages)
          printed.push(`${message.role}: ${ChatMessage.getText(message)}`);
      } else {
        notFinished.push(chunk);
      }
    }

    expect(printed).to.deep.equal(['Hello', ' there!', '', 'assistant: Hello there!']);
    expect(notFinished.every((chunk) => chunk.finishedResponse === undefined)).to.equal(true);
    expect(finalResponse).to.include({ response: 'Hello there!', finishReason: 'stop' });
  });

  it('Streaming with Tool Calls: announces the call, then its result, around the streamed text', async () => {
    const { agent } = await scriptedAgent([
      toolCallReply([{ id: 'call_calc', name: 'calculator', arguments: { expression: '6 * 7' } }], {
        text: 'Let me calculate.',
      }),
      textReply(['6 * 7', ' = 42']),
    ]);
    const stream = agent.getStreamingResponse({
      messages: [ChatMessage.createUserMessage('What is 6 * 7?')],
      toolRegistry: new ToolRegistry([calculatorTool]),
    });

    let output = '';
    for await (const chunk of stream) {
      output += chunk.chunk;
      if (chunk.toolCallStart) output += '\nStarting tool call...';
      if (chunk.toolCallResult) output += `\nTool call result: ${chunk.toolCallResult.resultText}`;
    }

    // As in the seed, nothing separates the result line from the answer that follows it.
    expect(output).to.equal(
      'Let me calculate.\nStarting tool call...\nTool call result: 426 * 7 = 42',
    );
  });

  describe('Complete Streaming Example', () => {
    it('keeps a ChatHistory over a three-turn user loop without duplicates and sends exactly the conversation', async () => {
      const { agent, api, server } = await scriptedAgent([
        // Turn 1: one tool round.
        toolCallReply([{ id: 'call_t1', name: 'calculator', arguments: { expression: '6 * 7' } }]),
        textReply('It is 42.'),
        // Turn 2: a bad expression comes back as an error, the model corrects itself.
        toolCallReply([
          { id: 'call_t2a', name: 'calculator', arguments: { expression: 'sqrt(16) +' } },
        ]),
        toolCallReply([
          { id: 'call_t2b', name: 'calculator', arguments: { expression: 'sqrt(16) + 2' } },
        ]),
        textReply('That makes 6.'),
        // Turn 3: no tools.
        textReply('You are welcome!'),
      ]);
      const settings = api.getDefaultSettings();
      settings.temperature = 0.7;

      const toolRegistry = new ToolRegistry();
      toolRegistry.addTool(calculatorTool);

      const chatHistory = new ChatHistory();
      chatHistory.addSystemMessage('You are a helpful assistant with tool calling capabilities.');

      const inputs = ['What is 6 * 7?', 'And the square root of 16, plus 2?', 'Thanks!', 'exit'];
      let terminal = '';
      for (const userInput of inputs) {
        if (userInput.toLowerCase() === 'exit') break;

        chatHistory.addUserMessage(userInput);

        const stream = agent.getStreamingResponse({
          messages: chatHistory.getMessages(),
          settings,
          toolRegistry,
        });

        terminal += 'Assistant: ';
        let finalResponse: ChatResponse | undefined;
        for await (const chunk of stream) {
          terminal += chunk.chunk;
          if (chunk.finished) finalResponse = chunk.finishedResponse;
        }
        terminal += '\n';

        if (finalResponse) chatHistory.addMessages(finalResponse.messages);
        else terminal += 'Error: No final response received\n';
      }

      expect(terminal).to.equal(
        'Assistant: It is 42.\nAssistant: That makes 6.\nAssistant: You are welcome!\n',
      );

      const messages = chatHistory.getMessages();
      expect(messages.map((message) => message.role)).to.deep.equal([
        'system',
        ...['user', 'assistant', 'tool', 'assistant'],
        ...['user', 'assistant', 'tool', 'assistant', 'tool', 'assistant'],
        ...['user', 'assistant'],
      ]);
      expect(new Set(messages.map((message) => message.id)).size).to.equal(messages.length);

      // The exact request bodies: each turn sends the history plus its own tool rounds, nothing twice.
      const system: WireMessage = {
        role: 'system',
        content: 'You are a helpful assistant with tool calling capabilities.',
      };
      const call = (id: string, expression: string): WireMessage => ({
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id,
            type: 'function',
            function: { name: 'calculator', arguments: JSON.stringify({ expression }) },
          },
        ],
      });
      const result = (id: string, content: string): WireMessage => ({
        role: 'tool',
        tool_call_id: id,
        content,
      });
      const user = (content: string): WireMessage => ({ role: 'user', content });
      const assistant = (content: string): WireMessage => ({ role: 'assistant', content });
      const badExpression = JSON.stringify({
        error: 'The tool failed: Unexpected end of expression "sqrt(16) +".',
      });

      const turn1 = [
        user('What is 6 * 7?'),
        call('call_t1', '6 * 7'),
        result('call_t1', '42'),
        assistant('It is 42.'),
      ];
      const turn2 = [
        user('And the square root of 16, plus 2?'),
        call('call_t2a', 'sqrt(16) +'),
        result('call_t2a', badExpression),
        call('call_t2b', 'sqrt(16) + 2'),
        result('call_t2b', '6'),
        assistant('That makes 6.'),
      ];
      const expectedConversations = [
        [system, ...turn1.slice(0, 1)],
        [system, ...turn1.slice(0, 3)],
        [system, ...turn1, ...turn2.slice(0, 1)],
        [system, ...turn1, ...turn2.slice(0, 3)],
        [system, ...turn1, ...turn2.slice(0, 5)],
        [system, ...turn1, ...turn2, user('Thanks!')],
      ];
      const bodies = await requestBodies(server);
      expect(bodies).to.deep.equal(
        expectedConversations.map((conversation) => ({
          model: 'gpt-4o-mini',
          messages: conversation,
          stream: true,
          stream_options: { include_usage: true },
          tools: [calculatorWire],
          temperature: 0.7,
        })),
      );
      // settings.temperature changed this copy only.
      expect(api.getDefaultSettings().temperature).to.equal(undefined);
    });

    it('adds nothing but the user message to the history when a turn fails (history is saved on the final chunk only)', async () => {
      const { agent } = await scriptedAgent([
        streamErrorReply('The server had an error', { text: 'Half an ans' }),
      ]);
      const chatHistory = new ChatHistory();
      chatHistory.addSystemMessage('You are a helpful assistant with tool calling capabilities.');
      chatHistory.addUserMessage('What is 6 * 7?');

      let terminal = 'Assistant: ';
      let finalResponse: ChatResponse | undefined;
      let failure: unknown;
      try {
        for await (const chunk of agent.getStreamingResponse({
          messages: chatHistory.getMessages(),
          toolRegistry: new ToolRegistry([calculatorTool]),
        })) {
          terminal += chunk.chunk;
          if (chunk.finished) finalResponse = chunk.finishedResponse;
        }
      } catch (error) {
        failure = error;
      }
      if (finalResponse) chatHistory.addMessages(finalResponse.messages);

      expect(terminal).to.equal('Assistant: Half an ans');
      expect(failure).to.be.instanceOf(StreamError);
      expect((failure as StreamError).partial.text).to.equal('Half an ans');
      expect(chatHistory.getMessages().map((message) => message.role)).to.deep.equal([
        'system',
        'user',
      ]);
    });
  });

  describe('Streaming in Web Applications', () => {
    /** The seed's Flask route as a fetch-style handler: the agent's chunks relayed as server-sent events. */
    async function setUp() {
      const { agent, api, server } = await scriptedAgent([
        toolCallReply([{ id: 'call_w1', name: 'calculator', arguments: { expression: '6 * 7' } }]),
        textReply('It is 42.'),
        textReply('Bye!'),
      ]);
      const settings = api.getDefaultSettings();
      const toolRegistry = new ToolRegistry([calculatorTool]);
      const chatHistory = new ChatHistory();
      chatHistory.addSystemMessage('You are a helpful assistant.');

      async function chat(request: Request): Promise<Response> {
        const data = (await request.json()) as { message?: string };
        const userMessage = data.message ?? '';

        chatHistory.addUserMessage(userMessage);

        async function* generate(): AsyncGenerator<ChatResponseChunk> {
          const stream = agent.getStreamingResponse({
            messages: chatHistory.getMessages(),
            settings,
            toolRegistry,
          });
          for await (const chunk of stream) {
            // Add the response to the history before the last event leaves.
            if (chunk.finished) chatHistory.addMessages(chunk.finishedResponse.messages);
            yield chunk;
          }
        }

        return toEventStreamResponse(generate());
      }
      const post = (message: string): Promise<Response> =>
        chat(
          new Request('https://app.example/chat', {
            method: 'POST',
            body: JSON.stringify({ message }),
          }),
        );
      return { post, chatHistory, server };
    }

    it('streams each turn to the page as server-sent events and saves it to the history when finished', async () => {
      const { post, chatHistory, server } = await setUp();

      const first = await post('What is 6 * 7?');
      expect(first.headers.get('content-type')).to.equal('text/event-stream; charset=utf-8');
      const firstChunks = await collect(readEventStream(first));
      expect(firstChunks.map((chunk) => chunk.chunk).join('')).to.equal('It is 42.');
      expect(firstChunks.at(-1)!.finished).to.equal(true);
      expect(chatHistory.getMessages().map((message) => message.role)).to.deep.equal([
        'system',
        'user',
        'assistant',
        'tool',
        'assistant',
      ]);

      const second = await collect(readEventStream(await post('Bye')));
      expect(second.map((chunk) => chunk.chunk).join('')).to.equal('Bye!');
      expect(chatHistory.getMessages().map((message) => message.role)).to.deep.equal([
        'system',
        'user',
        'assistant',
        'tool',
        'assistant',
        'user',
        'assistant',
      ]);
      const bodies = await requestBodies(server);
      expect(bodies.map((body) => body.messages.length)).to.deep.equal([2, 4, 6]);
    });
  });
});
