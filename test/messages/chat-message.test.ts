import { expect } from 'chai';
import {
  ChatMessage,
  type ChatMessagePart,
  type ToolResultPart,
} from '../../src/messages/chat-message.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('ChatMessage factories', () => {
  it('creates a system message with one text part, a UUID and an ISO creation time', () => {
    const before = Date.now();
    const message = ChatMessage.createSystemMessage('Be brief.');
    expect(message.role).to.equal('system');
    expect(message.content).to.deep.equal([{ type: 'text', text: 'Be brief.' }]);
    expect(message.id).to.match(uuid);
    expect(Date.parse(message.createdAt)).to.be.within(before, Date.now());
    expect(message.createdAt).to.equal(new Date(message.createdAt).toISOString());
    expect(message).not.to.have.property('metadata');
    expect(message).not.to.have.property('usage');
  });

  it('gives every message its own id', () => {
    const ids = new Set(Array.from({ length: 50 }, () => ChatMessage.createUserMessage('hi').id));
    expect(ids.size).to.equal(50);
  });

  it('creates a user message from text or from text and image parts', () => {
    expect(ChatMessage.createUserMessage('Hello').content).to.deep.equal([
      { type: 'text', text: 'Hello' },
    ]);
    const parts: ChatMessagePart[] = [
      { type: 'text', text: 'What is this?' },
      { type: 'image', url: 'https://example.com/cat.png', mimeType: 'image/png', detail: 'low' },
    ];
    const message = ChatMessage.createUserMessage(parts);
    expect(message.role).to.equal('user');
    expect(message.content).to.deep.equal(parts);
  });

  it('creates an assistant message with reasoning and tool calls', () => {
    const message = ChatMessage.createAssistantMessage([
      { type: 'reasoning', text: 'Need the calculator.' },
      { type: 'tool_call', id: 'call_1', name: 'calculator', arguments: '{"expression":"1+1"}' },
    ]);
    expect(message.role).to.equal('assistant');
    expect(message.content.map((part) => part.type)).to.deep.equal(['reasoning', 'tool_call']);
  });

  it('creates one tool message holding every result of a round', () => {
    const results: ToolResultPart[] = [
      { type: 'tool_result', toolCallId: 'call_1', toolName: 'calculator', result: '2' },
      {
        type: 'tool_result',
        toolCallId: 'call_2',
        toolName: 'get_weather',
        result: '{"error":"offline"}',
        isError: true,
      },
    ];
    const message = ChatMessage.createToolMessage(results);
    expect(message.role).to.equal('tool');
    expect(message.content).to.deep.equal(results);
  });

  it('takes id, creation time (string or Date) and metadata from the options', () => {
    const message = ChatMessage.createAssistantMessage('Hi', {
      id: 'm1',
      createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      metadata: { model: 'gpt-4o-mini' },
    });
    expect(message).to.deep.equal({
      id: 'm1',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hi' }],
      createdAt: '2026-01-02T03:04:05.000Z',
      metadata: { model: 'gpt-4o-mini' },
    });
    expect(
      ChatMessage.createUserMessage('x', { createdAt: '2025-05-05T00:00:00.000Z' }).createdAt,
    ).to.equal('2025-05-05T00:00:00.000Z');
  });

  it('is plain JSON: survives JSON and structuredClone unchanged', () => {
    const message = ChatMessage.createUserMessage(
      [{ type: 'text', text: 'ä € 🎉', metadata: { source: 'paste' } }],
      { metadata: { tab: 2 } },
    );
    expect(JSON.parse(JSON.stringify(message))).to.deep.equal(message);
    expect(structuredClone(message)).to.deep.equal(message);
  });

  it('getText joins the text parts only', () => {
    const message = ChatMessage.createAssistantMessage([
      { type: 'reasoning', text: 'thinking…' },
      { type: 'text', text: 'Hello, ' },
      { type: 'tool_call', id: 'c', name: 'n', arguments: '{}' },
      { type: 'text', text: 'world' },
    ]);
    expect(ChatMessage.getText(message)).to.equal('Hello, world');
    expect(ChatMessage.getText(ChatMessage.createToolMessage([]))).to.equal('');
  });
});
