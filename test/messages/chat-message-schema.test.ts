import { expect } from 'chai';
import { ChatMessage } from '../../src/messages/chat-message.js';
import { chatMessageSchemas } from '../../src/messages/chat-message-schema.js';

const { chatMessagePartSchema, chatMessageSchema } = chatMessageSchemas();

function issuesOf(value: unknown): string[] {
  const result = chatMessageSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('chatMessageSchema', () => {
  it('accepts every message the factories make, with all part kinds, usage and metadata', () => {
    const messages = [
      ChatMessage.createSystemMessage('sys'),
      ChatMessage.createUserMessage([
        { type: 'text', text: 'look' },
        { type: 'image', url: 'data:image/png;base64,AAAA', mimeType: 'image/png', detail: 'high' },
      ]),
      {
        ...ChatMessage.createAssistantMessage(
          [
            { type: 'reasoning', text: 'hmm', signature: 'sig' },
            {
              type: 'tool_call',
              id: 'c1',
              name: 'calc',
              arguments: '{}',
              metadata: { python: { resultId: 'x' } },
            },
          ],
          { metadata: { model: 'm', nested: { list: [1, null, 'a'] } } },
        ),
        usage: {
          inputTokens: 1,
          outputTokens: 2,
          totalTokens: 3,
          reasoningTokens: 1,
          cachedInputTokens: 0,
        },
      },
      ChatMessage.createToolMessage([
        { type: 'tool_result', toolCallId: 'c1', toolName: 'calc', result: '2', isError: false },
      ]),
    ];
    for (const message of messages) expect(chatMessageSchema.parse(message)).to.deep.equal(message);
  });

  it('rejects a bad role, an unknown part type and a missing field, naming the path', () => {
    const good = ChatMessage.createUserMessage('hi');
    expect(issuesOf({ ...good, role: 'robot' })).to.deep.equal([
      'role: Invalid option: expected one of "system"|"user"|"assistant"|"tool"',
    ]);
    expect(issuesOf({ ...good, content: [{ type: 'video', url: 'x' }] })[0]).to.match(
      /^content\.0\.type: /,
    );
    expect(
      issuesOf({ ...good, content: [{ type: 'tool_call', id: 'c', name: 'n' }] }),
    ).to.deep.equal(['content.0.arguments: Invalid input: expected string, received undefined']);
  });

  it('rejects unknown keys, so a typo is reported instead of dropped', () => {
    expect(issuesOf({ ...ChatMessage.createUserMessage('hi'), metdata: {} })).to.deep.equal([
      ': Unrecognized key: "metdata"',
    ]);
  });

  it('rejects an explicit undefined for an optional field and a non-date createdAt', () => {
    const good = ChatMessage.createUserMessage('hi');
    expect(issuesOf({ ...good, usage: undefined })).to.have.length(1);
    expect(issuesOf({ ...good, createdAt: 'yesterday' })).to.deep.equal([
      'createdAt: Invalid input: expected an ISO-8601 date-time',
    ]);
  });

  it('rejects metadata that is not JSON', () => {
    expect(
      issuesOf({ ...ChatMessage.createUserMessage('hi'), metadata: { callback: () => 1 } }),
    ).to.deep.equal(['metadata.callback: Invalid input: expected a JSON value']);
  });

  it('validates single parts', () => {
    expect(chatMessagePartSchema.safeParse({ type: 'image', url: '' }).success).to.equal(false);
    expect(
      chatMessagePartSchema.safeParse({ type: 'image', url: 'https://x/y.png', detail: 'ultra' })
        .success,
    ).to.equal(false);
    expect(
      chatMessagePartSchema.safeParse({
        type: 'tool_result',
        toolCallId: 'a',
        toolName: 'b',
        result: 'c',
      }).success,
    ).to.equal(true);
  });
});
