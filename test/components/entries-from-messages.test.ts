import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { entriesFromMessages } from '../../components/entries-from-messages.js';
import type { AssistantEntry } from '../../components/transcript-entry.js';

describe('entriesFromMessages', () => {
  it('groups everything after a user message into one assistant entry and hides system messages', () => {
    const entries = entriesFromMessages(
      [
        ChatMessage.createSystemMessage('secret prompt'),
        ChatMessage.createUserMessage('Q'),
        ChatMessage.createAssistantMessage([
          { type: 'tool_call', id: 'a', name: 'one', arguments: '{}' },
          { type: 'tool_call', id: 'b', name: 'two', arguments: '{}' },
        ]),
        ChatMessage.createToolMessage([
          { type: 'tool_result', toolCallId: 'a', toolName: 'one', result: '1' },
          {
            type: 'tool_result',
            toolCallId: 'b',
            toolName: 'two',
            result: '{"error":"x"}',
            isError: true,
          },
        ]),
        ChatMessage.createAssistantMessage([
          { type: 'reasoning', text: 'hmm' },
          { type: 'text', text: '**A**' },
        ]),
        ChatMessage.createUserMessage([
          { type: 'text', text: 'look' },
          { type: 'image', url: 'https://example.com/i.png' },
        ]),
      ],
      document,
    );
    expect(entries.map((e) => e.kind)).to.deep.equal(['user', 'assistant', 'user']);
    const assistant = entries[1] as AssistantEntry;
    expect(assistant.state).to.equal('done');
    expect(assistant.blocks.map((b) => b.kind)).to.deep.equal([
      'tool',
      'tool',
      'reasoning',
      'text',
    ]);
    const [one, two, , text] = assistant.blocks;
    expect(one?.kind === 'tool' && one.card.status).to.equal('done');
    expect(two?.kind === 'tool' && two.card.status).to.equal('failed');
    expect(text?.kind === 'text' && text.container.querySelector('strong')?.textContent).to.equal(
      'A',
    );
    // The typed text, and the image as an attachment (shown as such, never as a placeholder word).
    const user = entries[2];
    expect(user?.kind === 'user' && user.text).to.equal('look');
    expect(user?.kind === 'user' && user.attachments?.map((part) => part.type)).to.deep.equal([
      'image',
    ]);
  });

  it('marks a stopped answer and a call without a result', () => {
    const [, assistant] = entriesFromMessages(
      [
        ChatMessage.createUserMessage('Q'),
        ChatMessage.createAssistantMessage(
          [
            { type: 'text', text: 'partial' },
            { type: 'tool_call', id: 'x', name: 'never', arguments: '{}' },
          ],
          { metadata: { finishReason: 'stopped' } },
        ),
      ],
      document,
    ) as [unknown, AssistantEntry];
    expect(assistant.state).to.equal('stopped');
    const card = assistant.blocks[1];
    expect(card?.kind === 'tool' && card.card.status).to.equal('stopped');
  });
});
