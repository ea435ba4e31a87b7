import { expect } from 'chai';
import * as z from 'zod';
import { ChatToolAgent } from '../../src/agents/chat-tool-agent.js';
import { ChatHistory } from '../../src/messages/chat-history.js';
import { ChatMessage } from '../../src/messages/chat-message.js';
import type {
  ChatAPI,
  ChatRequest,
  ProviderEvent,
  ProviderStepResult,
} from '../../src/provider/chat-api.js';
import type { ChatSettings } from '../../src/provider/chat-settings.js';
import { FunctionTool } from '../../src/tools/function-tool.js';
import { ToolRegistry } from '../../src/tools/tool-registry.js';

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected a throw');
}

/** A chat backend that answers with scripted steps and remembers what it was sent. */
class ScriptedChatAPI implements ChatAPI {
  readonly model = 'scripted-model';
  readonly requests: ChatRequest['messages'][] = [];
  readonly #steps: ProviderStepResult[];

  constructor(steps: ProviderStepResult[]) {
    this.#steps = steps;
  }

  getDefaultSettings(): ChatSettings {
    return {};
  }

  async *streamChat(request: ChatRequest): AsyncIterable<ProviderEvent> {
    // The agent keeps appending to its own array, so record a snapshot.
    this.requests.push([...request.messages]);
    const step = this.#steps.shift();
    if (!step) throw new Error('no scripted step left');
    if (step.text) yield { type: 'text-delta', text: step.text };
    yield { type: 'finish', step };
  }
}

function step(text: string, toolCalls: ProviderStepResult['toolCalls'] = []): ProviderStepResult {
  return {
    text,
    reasoning: '',
    toolCalls,
    finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
    usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
    metadata: { responseId: 'chatcmpl-1', model: 'scripted-model' },
  };
}

describe('ChatHistory', () => {
  it('starts empty', () => {
    const history = new ChatHistory();
    expect(history.length).to.equal(0);
    expect(history.getMessages()).to.deep.equal([]);
    expect(history.getLastMessage()).to.equal(undefined);
    expect(history.metadata).to.deep.equal({});
  });

  it('adds system, user and assistant messages in order and returns what it stored', () => {
    const history = new ChatHistory();
    const system = history.addSystemMessage('You are helpful.');
    const user = history.addUserMessage([
      { type: 'text', text: 'What is this?' },
      { type: 'image', url: 'https://example.com/a.png' },
    ]);
    const assistant = history.addAssistantMessage('A cat.', { id: 'a1' });
    expect(history.length).to.equal(3);
    expect(history.getMessages()).to.deep.equal([system, user, assistant]);
    expect(history.getMessages().map((m) => m.role)).to.deep.equal(['system', 'user', 'assistant']);
    expect(user.content[1]).to.deep.equal({ type: 'image', url: 'https://example.com/a.png' });
    expect(assistant.id).to.equal('a1');
    expect(history.getLastMessage()).to.equal(assistant);
    expect(history.addUserMessage('plain').content).to.deep.equal([
      { type: 'text', text: 'plain' },
    ]);
  });

  it('adds one message or many, from any iterable, keeping order', () => {
    const history = new ChatHistory();
    const first = ChatMessage.createUserMessage('1');
    history.addMessage(first);
    function* more(): Generator<ChatMessage> {
      yield ChatMessage.createAssistantMessage('2');
      yield ChatMessage.createUserMessage('3');
    }
    history.addMessages(more());
    expect(history.getMessages().map((m) => ChatMessage.getText(m))).to.deep.equal(['1', '2', '3']);
    expect(history.getMessages()[0]).to.deep.equal(first);
  });

  it('starts from the constructor options', () => {
    const messages = [ChatMessage.createSystemMessage('s'), ChatMessage.createUserMessage('u')];
    const history = new ChatHistory({ messages, metadata: { title: 'T' } });
    expect(history.getMessages()).to.deep.equal(messages);
    expect(history.metadata).to.deep.equal({ title: 'T' });
  });

  describe('getMessages copy semantics', () => {
    it('returns a new array each time; changing it never changes the history', () => {
      const history = new ChatHistory();
      history.addUserMessage('a');
      history.addAssistantMessage('b');
      const copy = history.getMessages();
      expect(history.getMessages()).not.to.equal(copy);
      copy.push(ChatMessage.createUserMessage('intruder'));
      copy.reverse();
      copy.splice(0, 1);
      expect(history.length).to.equal(2);
      expect(history.getMessages().map((m) => ChatMessage.getText(m))).to.deep.equal(['a', 'b']);
    });

    it('stores a copy: changing the added message afterwards changes nothing', () => {
      const history = new ChatHistory();
      const content = [{ type: 'text' as const, text: 'original' }];
      const message = { ...ChatMessage.createUserMessage(content), metadata: { tag: 'x' } };
      history.addMessage(message);
      content[0]!.text = 'changed';
      (message.metadata as Record<string, unknown>)['tag'] = 'y';
      expect(history.getMessages()[0]).to.deep.include({
        content: [{ type: 'text', text: 'original' }],
        metadata: { tag: 'x' },
      });
    });

    it('hands out frozen messages, so they cannot be changed through getMessages()', () => {
      const history = new ChatHistory();
      history.addUserMessage('a', { metadata: { n: 1 } });
      const [message] = history.getMessages();
      expect(Object.isFrozen(message)).to.equal(true);
      expect(Object.isFrozen(message!.content)).to.equal(true);
      expect(Object.isFrozen(message!.content[0])).to.equal(true);
      expect(() => (message!.content as unknown[]).push({ type: 'text', text: 'b' })).to.throw(
        TypeError,
      );
      expect(() => ((message!.metadata as Record<string, unknown>)['n'] = 2)).to.throw(TypeError);
      expect(history.getMessages()[0]!.metadata).to.deep.equal({ n: 1 });
    });

    it('shares its own frozen messages with another history instead of copying them again', () => {
      const a = new ChatHistory();
      const stored = a.addUserMessage('x');
      const b = new ChatHistory({ messages: a.getMessages() });
      expect(b.getMessages()[0]).to.equal(stored);
    });
  });

  it('clear() removes the messages and keeps the metadata', () => {
    const history = new ChatHistory({ metadata: { title: 'kept' } });
    history.addUserMessage('a');
    history.clear();
    expect(history.length).to.equal(0);
    expect(history.getLastMessage()).to.equal(undefined);
    expect(history.metadata).to.deep.equal({ title: 'kept' });
  });

  describe('the seed loop: add the user message, run a turn, add its messages', () => {
    it('builds the conversation without duplicates and sends exactly the history each turn', async () => {
      const api = new ScriptedChatAPI([
        step('', [{ id: 'call_1', name: 'calculator', argumentsText: '{"expression":"42 * 7"}' }]),
        step('42 × 7 = 294.'),
        step('You are welcome.'),
      ]);
      const agent = new ChatToolAgent({ chatApi: api });
      const registry = new ToolRegistry();
      registry.addTool(
        new FunctionTool({
          name: 'calculator',
          description: 'Multiplies.',
          parameters: z.object({ expression: z.string() }),
          execute: ({ expression }) =>
            expression
              .split('*')
              .map(Number)
              .reduce((a, b) => a * b, 1),
        }),
      );
      const history = new ChatHistory();
      history.addSystemMessage('You are a helpful assistant with tool calling capabilities.');

      for (const input of ['What is 42 * 7?', 'Thanks!']) {
        history.addUserMessage(input);
        const sent = history.getMessages();
        let finished: ChatMessage[] | undefined;
        for await (const chunk of agent.getStreamingResponse({
          messages: history.getMessages(),
          toolRegistry: registry,
        })) {
          if (chunk.finished) finished = [...chunk.finishedResponse.messages];
        }
        expect(api.requests.at(-1)!.slice(0, sent.length)).to.deep.equal(sent);
        history.addMessages(finished ?? []);
      }

      const messages = history.getMessages();
      expect(messages.map((m) => m.role)).to.deep.equal([
        'system',
        'user',
        'assistant',
        'tool',
        'assistant',
        'user',
        'assistant',
      ]);
      expect(new Set(messages.map((m) => m.id)).size).to.equal(messages.length);
      expect(messages[3]!.content).to.deep.equal([
        { type: 'tool_result', toolCallId: 'call_1', toolName: 'calculator', result: '294' },
      ]);
      expect(ChatMessage.getText(history.getLastMessage()!)).to.equal('You are welcome.');
      // The second turn's request carried the whole first turn exactly once.
      expect(api.requests.at(-1)).to.deep.equal(messages.slice(0, 6));
    });
  });

  describe('saveToJSON / loadFromJSON (our format)', () => {
    function sample(): ChatHistory {
      const history = new ChatHistory({ metadata: { title: 'Sample', tags: ['a'] } });
      history.addSystemMessage('sys', { id: 's', createdAt: '2026-01-01T00:00:00.000Z' });
      history.addUserMessage([
        { type: 'text', text: 'hi' },
        { type: 'image', url: 'data:image/png;base64,iVBORw0KGgo=', mimeType: 'image/png' },
      ]);
      history.addMessage({
        ...ChatMessage.createAssistantMessage(
          [
            { type: 'reasoning', text: 'think', signature: 'sig' },
            { type: 'tool_call', id: 'c1', name: 'calc', arguments: '{"x":1}' },
          ],
          { metadata: { responseId: 'r1' } },
        ),
        usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7, reasoningTokens: 2 },
      });
      history.addMessage(
        ChatMessage.createToolMessage([
          {
            type: 'tool_result',
            toolCallId: 'c1',
            toolName: 'calc',
            result: '{"error":"x"}',
            isError: true,
          },
        ]),
      );
      return history;
    }

    it('writes a versioned envelope that JSON.stringify also uses', () => {
      const history = sample();
      const json = history.toJSON();
      expect(json.format).to.equal('tool-agents.chat-history');
      expect(json.version).to.equal(1);
      expect(json.messages).to.deep.equal(history.getMessages());
      expect(json.metadata).to.deep.equal({ title: 'Sample', tags: ['a'] });
      expect(JSON.stringify(history)).to.equal(history.saveToJSON());
      expect(history.saveToJSON(2)).to.contain('\n  "version": 1');
    });

    it('leaves metadata out when there is none', () => {
      expect(new ChatHistory().toJSON()).to.deep.equal({
        format: 'tool-agents.chat-history',
        version: 1,
        messages: [],
      });
    });

    it('loads back exactly what it saved, from text or from the parsed object', () => {
      const history = sample();
      for (const input of [history.saveToJSON(), JSON.parse(history.saveToJSON()) as object]) {
        const loaded = ChatHistory.loadFromJSON(input);
        expect(loaded.getMessages()).to.deep.equal(history.getMessages());
        expect(loaded.metadata).to.deep.equal(history.metadata);
        expect(JSON.parse(loaded.saveToJSON())).to.deep.equal(JSON.parse(history.saveToJSON()));
      }
    });

    it('the saved metadata is a copy', () => {
      const history = new ChatHistory({ metadata: { list: [1] } });
      (history.toJSON().metadata!['list'] as number[]).push(2);
      expect(history.metadata).to.deep.equal({ list: [1] });
    });

    describe('rejects bad input with a TypeError that says what and where', () => {
      const valid = (): Record<string, unknown> =>
        JSON.parse(sample().saveToJSON()) as Record<string, unknown>;

      it('malformed JSON text', () => {
        const error = thrown(() =>
          ChatHistory.loadFromJSON('{"format": "tool-agents.chat-history",'),
        );
        expect(error).to.be.instanceOf(TypeError);
        expect(error.message).to.match(/^Chat history JSON is not valid JSON: /);
        expect(error.cause).to.be.instanceOf(SyntaxError);
      });

      it('something that is not an object', () => {
        expect(thrown(() => ChatHistory.loadFromJSON('[]')).message).to.equal(
          'Chat history JSON: expected an object with "format", "version" and "messages", got an array.',
        );
        expect(thrown(() => ChatHistory.loadFromJSON('null')).message).to.contain('got null');
        expect(thrown(() => ChatHistory.loadFromJSON('42')).message).to.contain('got 42');
      });

      it('a missing or foreign format, pointing at fromPythonChatHistory for a Python file', () => {
        const error = thrown(() =>
          ChatHistory.loadFromJSON({ id: 'x', title: 'New Chat', messages: [], metadata: {} }),
        );
        expect(error).to.be.instanceOf(TypeError);
        expect(error.message).to.equal(
          'Chat history JSON: expected "format": "tool-agents.chat-history", got none. It looks like a Python ToolAgents history: load it with fromPythonChatHistory().',
        );
        expect(
          thrown(() => ChatHistory.loadFromJSON({ ...valid(), format: 'other' })).message,
        ).to.equal(
          'Chat history JSON: expected "format": "tool-agents.chat-history", got "other".',
        );
      });

      it('a wrong or missing version', () => {
        expect(thrown(() => ChatHistory.loadFromJSON({ ...valid(), version: 2 })).message).to.equal(
          'Chat history JSON: unsupported version 2; this build reads version 1.',
        );
        const { version: _version, ...noVersion } = valid();
        expect(thrown(() => ChatHistory.loadFromJSON(noVersion)).message).to.equal(
          'Chat history JSON: unsupported version (missing); this build reads version 1.',
        );
      });

      it('a bad role, naming the message and the value', () => {
        const data = valid();
        (data['messages'] as Record<string, unknown>[])[1]!['role'] = 'robot';
        const error = thrown(() => ChatHistory.loadFromJSON(data));
        expect(error).to.be.instanceOf(TypeError);
        expect(error.message).to.equal(
          'Chat history JSON is invalid at messages[1].role: Invalid option: expected one of "system"|"user"|"assistant"|"tool" (got "robot").',
        );
      });

      it('a bad part: unknown type, missing field, unknown key', () => {
        const data = valid();
        const messages = data['messages'] as { content: Record<string, unknown>[] }[];
        messages[1]!.content[0] = { type: 'video', url: 'x' };
        expect(thrown(() => ChatHistory.loadFromJSON(data)).message).to.match(
          /^Chat history JSON is invalid at messages\[1\]\.content\[0\]\.type: Invalid discriminator value/,
        );
        const missing = valid();
        delete (missing['messages'] as { content: Record<string, unknown>[] }[])[2]!.content[1]![
          'arguments'
        ];
        expect(thrown(() => ChatHistory.loadFromJSON(missing)).message).to.equal(
          'Chat history JSON is invalid at messages[2].content[1].arguments: Invalid input: expected string, received undefined.',
        );
        const extra = valid();
        (extra['messages'] as Record<string, unknown>[])[0]!['colour'] = 'red';
        expect(thrown(() => ChatHistory.loadFromJSON(extra)).message).to.equal(
          'Chat history JSON is invalid at messages[0]: Unrecognized key: "colour".',
        );
      });

      it('many problems at once: the first three, then a count', () => {
        const data = valid();
        for (const message of data['messages'] as Record<string, unknown>[])
          message['role'] = 'nobody';
        expect(thrown(() => ChatHistory.loadFromJSON(data)).message).to.match(
          /at messages\[0\]\.role: .*; at messages\[1\]\.role: .*; at messages\[2\]\.role: .*; and 1 more problem\.$/,
        );
      });
    });
  });
});
