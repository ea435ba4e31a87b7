import { expect } from 'chai';
import { ChatHistory } from '../../src/messages/chat-history.js';
import {
  fromPythonChatHistory,
  toPythonChatHistory,
  toPythonChatHistoryJSON,
} from '../../src/messages/python-chat-history-io.js';
import {
  ChatMessage,
  type ImagePart,
  type ReasoningPart,
  type ToolCallPart,
} from '../../src/messages/chat-message.js';
import { pythonSchemas } from '../../src/messages/python-chat-history-schema.js';

type Json = Record<string, unknown>;

async function loadText(name: string): Promise<string> {
  const response = await fetch(new URL(`/test/fixtures/toolagents/${name}`, location.origin));
  if (!response.ok) throw new Error(`Could not load fixture ${name}: HTTP ${response.status}`);
  return response.text();
}

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected a throw');
}

/** A Python message with every field, as the 0.3.0 library writes it. */
function pyMessage(overrides: Json = {}): Json {
  return {
    id: 'm1',
    role: 'user',
    content: [{ type: 'text', additional_fields: {}, content: 'hi' }],
    created_at: '2026-04-30T10:00:00.000000',
    updated_at: '2026-04-30T10:00:00.000000',
    additional_fields: {},
    additional_information: {},
    token_usage: null,
    ...overrides,
  };
}

function pyHistory(messages: Json[], extra: Json = {}): Json {
  return { id: 'h1', title: 'New Chat', messages, metadata: {}, ...extra };
}

/** Python JSON → ours → Python JSON. */
function roundTrip(data: Json): Json {
  return toPythonChatHistory(fromPythonChatHistory(structuredClone(data)));
}

describe('Python ToolAgents chat history', () => {
  for (const name of ['example_chat.json', 'tool-call-history.json']) {
    describe(`fixture ${name}`, () => {
      it('loads and writes back unchanged (deep-equal, and key for key in the same order)', async () => {
        const text = await loadText(name);
        const original = JSON.parse(text) as Json;
        const written = toPythonChatHistory(fromPythonChatHistory(text));
        expect(written).to.deep.equal(original);
        expect(JSON.stringify(written)).to.equal(JSON.stringify(original));
      });

      it('stays unchanged through our own format too', async () => {
        const text = await loadText(name);
        const saved = fromPythonChatHistory(text).saveToJSON();
        expect(toPythonChatHistory(ChatHistory.loadFromJSON(saved))).to.deep.equal(
          JSON.parse(text),
        );
      });

      it('loads from the parsed object as from the text', async () => {
        const text = await loadText(name);
        expect(fromPythonChatHistory(JSON.parse(text) as object).getMessages()).to.deep.equal(
          fromPythonChatHistory(text).getMessages(),
        );
      });

      it('toPythonChatHistoryJSON writes the same, indented by 2', async () => {
        const text = await loadText(name);
        const json = toPythonChatHistoryJSON(fromPythonChatHistory(text));
        expect(JSON.parse(json)).to.deep.equal(JSON.parse(text));
        expect(json).to.match(/^\{\n {2}"id": /);
      });
    });
  }

  it('maps the tool-call fixture onto our messages', async () => {
    const history = fromPythonChatHistory(await loadText('tool-call-history.json'));
    const [system, user, assistant, tool, answer] = history.getMessages();
    expect(history.length).to.equal(5);
    expect(system).to.deep.equal({
      id: '0b9f6f0e-1c1a-4a43-8d1e-6a3f2c9d0a01',
      role: 'system',
      content: [
        { type: 'text', text: 'You are a helpful assistant with tool calling capabilities.' },
      ],
      createdAt: '2026-04-30T10:00:00.000Z',
      // Python wrote six zero digits where Python's own isoformat() would write none: kept to write it back.
      metadata: { python: { createdAt: '2026-04-30T10:00:00.000000' } },
    });
    expect(ChatMessage.getText(user!)).to.equal('What is 42 * 7, and how warm is it in Zürich?');
    expect(assistant!.role).to.equal('assistant');
    expect(assistant!.content).to.deep.equal([
      { type: 'reasoning', text: 'Two independent questions: use both tools.' },
      {
        type: 'tool_call',
        id: 'call_3f9a1c',
        name: 'calculator',
        arguments: '{"expression":"42 * 7"}',
      },
      {
        type: 'tool_call',
        id: 'call_7b2e44',
        name: 'get_weather',
        arguments: '{"location":"Zürich","unit":"celsius"}',
      },
    ]);
    expect(assistant!.usage).to.deep.equal({
      inputTokens: 112,
      outputTokens: 48,
      totalTokens: 160,
    });
    expect(assistant!.metadata).to.deep.include({ id: 'chatcmpl-abc123', model: 'gpt-4o-mini' });
    expect(tool!.role).to.equal('tool');
    expect(
      tool!.content.map((part) =>
        part.type === 'tool_result' ? [part.toolCallId, part.toolName, part.result] : part.type,
      ),
    ).to.deep.equal([
      ['call_3f9a1c', 'calculator', '294'],
      [
        'call_7b2e44',
        'get_weather',
        '{"location": "Zürich", "temperature": 18, "unit": "celsius"}',
      ],
    ]);
    expect(tool!.content[0]!.metadata).to.deep.equal({ python: { resultId: '9d1e2f30-0001' } });
    expect(answer!.usage).to.deep.equal({ inputTokens: 201, outputTokens: 21, totalTokens: 222 });
    expect(history.metadata).to.deep.equal({
      python: { id: '5f0c2a5e-3b8e-4f7e-9a51-2f4c8f0b7d11', title: 'Weather and math' },
    });
  });

  it('maps the real saved chat: older file, no token_usage, microsecond times', async () => {
    const history = fromPythonChatHistory(await loadText('example_chat.json'));
    const [user, assistant] = history.getMessages();
    expect(user!.createdAt).to.equal('2025-02-17T11:29:48.389Z');
    expect(user).not.to.have.property('usage');
    expect(user!.content).to.deep.equal([
      {
        type: 'text',
        text: 'Look up information on rendering many shadows in 3D.',
        metadata: { python: { omit: ['additional_fields'] } },
      },
    ]);
    expect(assistant!.metadata).to.deep.include({
      model: 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit',
      object: 'chat.completion',
    });
    expect((assistant!.metadata!['python'] as Json)['updatedAt']).to.equal(
      '2025-02-17T11:31:12.989619',
    );
    expect((assistant!.metadata!['python'] as Json)['omit']).to.deep.equal(['token_usage']);
  });

  it('writes edits: a changed time, new messages and new usage', async () => {
    const history = fromPythonChatHistory(await loadText('tool-call-history.json'));
    const messages = history.getMessages();
    history.clear();
    history.addMessages(
      messages.map((message, index) =>
        index === 4
          ? {
              ...message,
              createdAt: '2026-05-01T08:00:00.250Z',
              usage: { inputTokens: 1, outputTokens: 2, totalTokens: 3, reasoningTokens: 1 },
            }
          : message,
      ),
    );
    history.addUserMessage('And in Bern?', { id: 'new', createdAt: '2026-05-01T09:00:00.000Z' });
    const written = toPythonChatHistory(history);
    expect(pythonSchemas().pythonChatHistorySchema.safeParse(written).success).to.equal(true);
    const changed = written.messages[4]!;
    expect(changed.created_at).to.equal('2026-05-01T08:00:00.250000');
    expect(changed.updated_at).to.equal('2026-05-01T08:00:00.250000');
    expect(changed.token_usage).to.deep.equal({
      input_tokens: 1,
      output_tokens: 2,
      total_tokens: 3,
      details: { reasoning_tokens: 1 },
    });
    expect(written.messages[5]).to.deep.equal({
      id: 'new',
      role: 'user',
      content: [{ type: 'text', additional_fields: {}, content: 'And in Bern?' }],
      created_at: '2026-05-01T09:00:00',
      updated_at: '2026-05-01T09:00:00',
      additional_fields: {},
      additional_information: {},
      token_usage: null,
    });
  });

  describe('a history built here', () => {
    function built(): ChatHistory {
      const at = '2026-04-30T10:00:00.125Z';
      const history = new ChatHistory();
      history.addSystemMessage('Be brief.', { id: 's', createdAt: at });
      history.addUserMessage(
        [
          { type: 'text', text: 'What is on this picture, and 6 * 7?' },
          {
            type: 'image',
            url: 'data:image/png;base64,iVBORw0KGgo=',
            mimeType: 'image/png',
            detail: 'low',
          },
        ],
        { id: 'u', createdAt: at },
      );
      history.addMessage({
        ...ChatMessage.createAssistantMessage(
          [
            { type: 'reasoning', text: 'Use the tool.' },
            {
              type: 'tool_call',
              id: 'call_1',
              name: 'calculator',
              arguments: '{"expression":"6 * 7"}',
            },
            { type: 'tool_call', id: 'call_2', name: 'vision', arguments: 'not json' },
          ],
          {
            id: 'a',
            createdAt: at,
            metadata: { responseId: 'chatcmpl-9', model: 'm', finishReason: 'tool_calls' },
          },
        ),
        usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15, cachedInputTokens: 4 },
      });
      history.addMessage(
        ChatMessage.createToolMessage(
          [
            { type: 'tool_result', toolCallId: 'call_1', toolName: 'calculator', result: '42' },
            {
              type: 'tool_result',
              toolCallId: 'call_2',
              toolName: 'vision',
              result: '{"error":"bad arguments"}',
              isError: true,
            },
          ],
          { id: 't', createdAt: at },
        ),
      );
      history.addAssistantMessage('42, and a cat.', { id: 'f', createdAt: at });
      return history;
    }

    it('exports valid Python-shaped JSON, tool results in one tool message', () => {
      const written = toPythonChatHistory(built(), { id: 'hist', title: 'Cats and math' });
      expect(pythonSchemas().pythonChatHistorySchema.safeParse(written).success).to.equal(true);
      const time = '2026-04-30T10:00:00.125000';
      const common = { created_at: time, updated_at: time, additional_fields: {} };
      expect(written).to.deep.equal({
        id: 'hist',
        title: 'Cats and math',
        messages: [
          {
            id: 's',
            role: 'system',
            content: [{ type: 'text', additional_fields: {}, content: 'Be brief.' }],
            ...common,
            additional_information: {},
            token_usage: null,
          },
          {
            id: 'u',
            role: 'user',
            content: [
              {
                type: 'text',
                additional_fields: {},
                content: 'What is on this picture, and 6 * 7?',
              },
              {
                type: 'binary',
                additional_fields: { detail: 'low' },
                storage_type: 'base64',
                mime_type: 'image/png',
                content: 'iVBORw0KGgo=',
              },
            ],
            ...common,
            additional_information: {},
            token_usage: null,
          },
          {
            id: 'a',
            role: 'assistant',
            content: [
              {
                type: 'reasoning',
                additional_fields: {},
                thinking: 'Use the tool.',
                signature: null,
                is_redacted: false,
                redacted_data: null,
              },
              {
                type: 'tool_call',
                additional_fields: {},
                tool_call_id: 'call_1',
                tool_call_name: 'calculator',
                tool_call_arguments: { expression: '6 * 7' },
              },
              {
                type: 'tool_call',
                additional_fields: {},
                tool_call_id: 'call_2',
                tool_call_name: 'vision',
                tool_call_arguments: 'not json',
              },
            ],
            ...common,
            additional_information: {
              responseId: 'chatcmpl-9',
              model: 'm',
              finishReason: 'tool_calls',
            },
            token_usage: {
              input_tokens: 10,
              output_tokens: 5,
              total_tokens: 15,
              details: { cache_read_input_tokens: 4 },
            },
          },
          {
            id: 't',
            role: 'tool',
            content: [
              {
                type: 'tool_call_result',
                additional_fields: {},
                tool_call_result_id: 'result_call_1',
                tool_call_id: 'call_1',
                tool_call_name: 'calculator',
                tool_call_result: '42',
              },
              {
                type: 'tool_call_result',
                additional_fields: { is_error: true },
                tool_call_result_id: 'result_call_2',
                tool_call_id: 'call_2',
                tool_call_name: 'vision',
                tool_call_result: '{"error":"bad arguments"}',
              },
            ],
            ...common,
            additional_information: {},
            token_usage: null,
          },
          {
            id: 'f',
            role: 'assistant',
            content: [{ type: 'text', additional_fields: {}, content: '42, and a cat.' }],
            ...common,
            additional_information: {},
            token_usage: null,
          },
        ],
        metadata: {},
      });
    });

    it('comes back as the same messages when read again', () => {
      const history = built();
      expect(fromPythonChatHistory(toPythonChatHistoryJSON(history)).getMessages()).to.deep.equal(
        history.getMessages(),
      );
    });

    it('writes the same file twice (derived result ids), but a fresh history id unless given one', () => {
      const history = built();
      const first = toPythonChatHistory(history);
      const second = toPythonChatHistory(history);
      expect(first.id).to.match(/^[0-9a-f-]{36}$/);
      expect(first.id).not.to.equal(second.id);
      expect({ ...first, id: '' }).to.deep.equal({ ...second, id: '' });
      expect(first.title).to.equal('New Chat');
    });

    it('writes an image URL with a MIME type guessed from its extension when it has none', () => {
      const history = new ChatHistory();
      history.addUserMessage([
        { type: 'image', url: 'https://example.com/a/cat.webp?size=2' },
        { type: 'image', url: 'https://example.com/photo' },
      ]);
      const content = toPythonChatHistory(history).messages[0]!.content;
      expect(content).to.deep.equal([
        {
          type: 'binary',
          additional_fields: {},
          storage_type: 'url',
          mime_type: 'image/webp',
          content: 'https://example.com/a/cat.webp?size=2',
        },
        {
          type: 'binary',
          additional_fields: {},
          storage_type: 'url',
          mime_type: 'image/jpeg',
          content: 'https://example.com/photo',
        },
      ]);
    });

    it('throws a TypeError for a message whose createdAt is not a time', () => {
      const history = new ChatHistory();
      history.addUserMessage('x', { id: 'bad', createdAt: 'someday' });
      expect(thrown(() => toPythonChatHistory(history)).message).to.equal(
        'Message bad has an invalid createdAt "someday".',
      );
    });
  });

  describe('keeps what our types do not model', () => {
    it('binary parts: base64 and URL images become image parts; other files are kept in place', () => {
      const content = [
        { type: 'text', additional_fields: {}, content: 'files:' },
        {
          type: 'binary',
          additional_fields: {},
          storage_type: 'base64',
          mime_type: 'image/jpeg',
          content: '/9j/4AAQ',
        },
        {
          type: 'binary',
          additional_fields: {},
          storage_type: 'base64',
          mime_type: 'application/pdf',
          content: 'JVBERi0x',
        },
        {
          type: 'binary',
          additional_fields: { detail: 'high', cache_control: { type: 'ephemeral' } },
          storage_type: 'url',
          mime_type: 'image/png',
          content: 'https://example.com/x.png',
        },
        {
          type: 'binary',
          additional_fields: {},
          storage_type: 'url',
          mime_type: 'image/gif',
          content: 'data:image/gif;base64,R0lG',
        },
      ];
      const data = pyHistory([pyMessage({ content })]);
      const [message] = fromPythonChatHistory(structuredClone(data)).getMessages();
      const parts = message!.content;
      expect(parts.map((part) => part.type)).to.deep.equal(['text', 'image', 'image', 'image']);
      expect(parts[1]).to.deep.equal({
        type: 'image',
        url: 'data:image/jpeg;base64,/9j/4AAQ',
        mimeType: 'image/jpeg',
      } satisfies ImagePart);
      expect(parts[2]).to.deep.include({
        type: 'image',
        url: 'https://example.com/x.png',
        mimeType: 'image/png',
        detail: 'high',
      });
      expect(parts[3]).to.deep.include({ url: 'data:image/gif;base64,R0lG' });
      expect(roundTrip(data)).to.deep.equal(data);
    });

    it('tool_call_arguments as an object, a string or null', () => {
      const content = [
        {
          type: 'tool_call',
          additional_fields: {},
          tool_call_id: 'a',
          tool_call_name: 'f',
          tool_call_arguments: { n: 1, nested: { list: [true, null] } },
        },
        {
          type: 'tool_call',
          additional_fields: {},
          tool_call_id: 'b',
          tool_call_name: 'f',
          tool_call_arguments: '{"n": 2}',
        },
        {
          type: 'tool_call',
          additional_fields: {},
          tool_call_id: 'c',
          tool_call_name: 'f',
          tool_call_arguments: null,
        },
      ];
      const data = pyHistory([pyMessage({ role: 'assistant', content })]);
      const parts = fromPythonChatHistory(structuredClone(data)).getMessages()[0]!
        .content as ToolCallPart[];
      expect(parts.map((part) => part.arguments)).to.deep.equal([
        '{"n":1,"nested":{"list":[true,null]}}',
        '{"n": 2}',
        '{}',
      ]);
      expect(roundTrip(data)).to.deep.equal(data);
    });

    it('reasoning: null thinking, a signature, redacted blocks', () => {
      const content = [
        {
          type: 'reasoning',
          additional_fields: {},
          thinking: 'step 1',
          signature: 'sig==',
          is_redacted: false,
          redacted_data: null,
        },
        {
          type: 'reasoning',
          additional_fields: {},
          thinking: null,
          signature: null,
          is_redacted: true,
          redacted_data: 'opaque',
        },
        { type: 'reasoning', thinking: '' },
      ];
      const data = pyHistory([pyMessage({ role: 'assistant', content })]);
      const parts = fromPythonChatHistory(structuredClone(data)).getMessages()[0]!
        .content as ReasoningPart[];
      expect(parts[0]).to.deep.equal({ type: 'reasoning', text: 'step 1', signature: 'sig==' });
      expect(parts[1]).to.deep.include({ type: 'reasoning', text: '' });
      expect(roundTrip(data)).to.deep.equal(data);
    });

    it('the custom role: plays system, assistant or user after its name, and is written back as custom', () => {
      const data = pyHistory([
        pyMessage({ id: 'dev', role: 'custom', additional_fields: { custom_role: 'developer' } }),
        pyMessage({
          id: 'old',
          role: 'custom',
          additional_information: { custom_role_name: 'assistant' },
        }),
        pyMessage({
          id: 'odd',
          role: 'custom',
          additional_information: { custom_role: 'narrator' },
        }),
        pyMessage({ id: 'none', role: 'custom' }),
      ]);
      expect(
        fromPythonChatHistory(structuredClone(data))
          .getMessages()
          .map((m) => m.role),
      ).to.deep.equal(['system', 'assistant', 'user', 'user']);
      expect(roundTrip(data)).to.deep.equal(data);
    });

    it('unknown keys at every level, missing optional keys, and updated_at that differs', () => {
      const data = {
        id: 'h',
        messages: [
          {
            id: 'm',
            role: 'assistant',
            content: [{ type: 'text', content: 'x', future_flag: 1 }],
            created_at: '2026-04-30T10:00:00',
            updated_at: '2026-04-30T11:00:00',
            additional_fields: { cache: true },
            token_usage: {
              input_tokens: 5,
              output_tokens: 1,
              total_tokens: 6,
              details: { cache_creation_input_tokens: 3, reasoning_tokens: 1 },
              cost: 0.01,
            },
            provider: 'anthropic',
          },
          { id: 'n', role: 'user', content: [], created_at: '2026-04-30T10:00:00+02:00' },
        ],
        schema_version: 7,
      };
      const history = fromPythonChatHistory(structuredClone(data));
      expect(history.getMessages()[0]!.usage).to.deep.equal({
        inputTokens: 5,
        outputTokens: 1,
        totalTokens: 6,
        reasoningTokens: 1,
      });
      expect(history.getMessages()[1]!.createdAt).to.equal('2026-04-30T08:00:00.000Z');
      expect(roundTrip(data)).to.deep.equal(data);
    });

    it('additional_information and history metadata, even when they have a "python" key', () => {
      const data = pyHistory(
        [pyMessage({ additional_information: { python: '3.12', model: 'x' } })],
        { metadata: { python: { venv: true }, owner: 'me' } },
      );
      const history = fromPythonChatHistory(structuredClone(data));
      expect(history.getMessages()[0]!.metadata).to.deep.include({ model: 'x' });
      expect(history.metadata).to.deep.include({ owner: 'me' });
      expect(roundTrip(data)).to.deep.equal(data);
    });

    it('edits to usage replace a kept token_usage; an unchanged one is written verbatim', () => {
      const data = pyHistory([
        pyMessage({
          role: 'assistant',
          token_usage: {
            input_tokens: 1,
            output_tokens: 1,
            total_tokens: 2,
            details: { extra: 'x' },
          },
        }),
      ]);
      const history = fromPythonChatHistory(structuredClone(data));
      expect(toPythonChatHistory(history).messages[0]!.token_usage).to.deep.equal({
        input_tokens: 1,
        output_tokens: 1,
        total_tokens: 2,
        details: { extra: 'x' },
      });
      const [message] = history.getMessages();
      history.clear();
      history.addMessage({
        ...message!,
        usage: { inputTokens: 9, outputTokens: 1, totalTokens: 10 },
      });
      expect(toPythonChatHistory(history).messages[0]!.token_usage).to.deep.equal({
        input_tokens: 9,
        output_tokens: 1,
        total_tokens: 10,
        details: {},
      });
    });
  });

  describe('rejects bad input with a TypeError that says what and where', () => {
    it('malformed JSON', () => {
      const error = thrown(() => fromPythonChatHistory('{"messages": ['));
      expect(error).to.be.instanceOf(TypeError);
      expect(error.message).to.match(/^Python ToolAgents chat history is not valid JSON: /);
    });

    it('no messages list', () => {
      expect(thrown(() => fromPythonChatHistory({ id: 'x' })).message).to.equal(
        'Python ToolAgents chat history is invalid at messages: Invalid input: expected array, received undefined.',
      );
      expect(thrown(() => fromPythonChatHistory('[]')).message).to.equal(
        'Python ToolAgents chat history is invalid at the top level: Invalid input: expected object, received array.',
      );
    });

    it('a bad role', () => {
      const error = thrown(() =>
        fromPythonChatHistory(pyHistory([pyMessage(), pyMessage({ role: 'robot' })])),
      );
      expect(error).to.be.instanceOf(TypeError);
      expect(error.message).to.equal(
        'Python ToolAgents chat history is invalid at messages[1].role: Invalid option: expected one of "system"|"user"|"assistant"|"tool"|"custom" (got "robot").',
      );
    });

    it('an unknown part type and a part missing a field', () => {
      expect(
        thrown(() =>
          fromPythonChatHistory(
            pyHistory([pyMessage({ content: [{ type: 'video', content: 'x' }] })]),
          ),
        ).message,
      ).to.match(
        /^Python ToolAgents chat history is invalid at messages\[0\]\.content\[0\]\.type: Invalid discriminator value\. Expected 'text' \| 'binary' \| 'tool_call' \| 'tool_call_result' \| 'reasoning'/,
      );
      const missing = pyMessage({
        role: 'assistant',
        content: [{ type: 'tool_call', tool_call_id: 'c', tool_call_arguments: {} }],
      });
      expect(thrown(() => fromPythonChatHistory(pyHistory([missing]))).message).to.equal(
        'Python ToolAgents chat history is invalid at messages[0].content[0].tool_call_name: Invalid input: expected string, received undefined.',
      );
    });

    it('a created_at that is not a time', () => {
      expect(
        thrown(() =>
          fromPythonChatHistory(pyHistory([pyMessage({ created_at: '2025-02-30T10:00:00' })])),
        ).message,
      ).to.equal(
        'Python ToolAgents chat history is invalid at messages[0].created_at: Invalid input: expected an ISO-8601 date-time (got "2025-02-30T10:00:00").',
      );
    });

    it('our own format, pointing at loadFromJSON', () => {
      expect(thrown(() => fromPythonChatHistory(new ChatHistory().saveToJSON())).message).to.equal(
        'Python ToolAgents chat history: this is a tool-agents history; load it with ChatHistory.loadFromJSON().',
      );
    });
  });
});
