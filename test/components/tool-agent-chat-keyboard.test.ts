import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import * as z from 'zod';
import { FunctionTool } from '../../src/index.js';
import { createScriptedFetch, textReply, toolCallReply } from '../../src/testing/index.js';
import type { ToolAgentChat } from '../../components/index.js';
import {
  assistantText,
  checkAxeThenRemoveChats,
  createChat,
  find,
  root,
  waitFor,
} from './chat-test-utils.js';

/** The element focused inside the chat's shadow root, described by its part. */
function focusedPart(chat: ToolAgentChat): string | null {
  return root(chat).activeElement?.getAttribute('part') ?? null;
}

describe('<tool-agent-chat> from the keyboard alone', () => {
  let before: HTMLButtonElement;

  beforeEach(() => {
    before = document.createElement('button');
    before.textContent = 'Before the chat';
    document.body.append(before);
  });

  afterEach(async () => {
    before.remove();
    await checkAxeThenRemoveChats();
  });

  it('reaches the transcript and the input with Tab, sends with Enter, approves or denies, and stops with Escape', async () => {
    const calls: string[] = [];
    const remove = new FunctionTool({
      name: 'remove_item',
      description: 'Removes an item',
      parameters: z.object({ item: z.string() }),
      requiresApproval: true,
      execute: ({ item }) => {
        calls.push(item);
        return { removed: item };
      },
    });
    const slow = Array.from({ length: 80 }, (_, i) => `w${i} `);
    const scripted = createScriptedFetch([
      toolCallReply([{ name: 'remove_item', arguments: { item: 'milk' } }]),
      textReply('Kept the milk.'),
      textReply(slow, { delayMs: 80 }),
    ]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.tools = [remove];
    });

    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(chat)).to.equal('transcript');
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(chat)).to.equal('input');

    await sendKeys({ type: 'Remove the milk' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'please' });
    expect(scripted.requests).to.have.length(0, 'Shift+Enter adds a line');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedPart(chat) === 'approve-button', 'focus on Approve');
    expect(find(chat, '[part~="user-message"]')?.textContent).to.contain('Remove the milk\nplease');
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(chat)).to.equal('deny-button');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !chat.running, 'the turn to end');
    await chat.updateComplete;
    expect(calls).to.deep.equal([]);
    expect(find(chat, '[part~="tool-card"]')?.dataset['status']).to.equal('denied');
    expect(focusedPart(chat)).to.equal('input', 'focus returns to the input');

    await sendKeys({ type: 'Talk for a while' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => assistantText(chat).includes('w3'), 'streaming text');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !chat.running, 'the stop');
    await chat.updateComplete;
    expect(find(chat, '[part~="state-note"]')?.textContent).to.equal('Stopped');
    expect(focusedPart(chat)).to.equal('input');
  });

  it('uses the stop button from the keyboard and keeps focus on it as it turns back into Send', async () => {
    const scripted = createScriptedFetch([
      textReply(
        Array.from({ length: 80 }, (_, i) => `w${i} `),
        { delayMs: 80 },
      ),
    ]);
    const chat = await createChat((c) => (c.fetch = scripted.fetch));
    find<HTMLTextAreaElement>(chat, '[part~="input"]')?.focus();
    await sendKeys({ type: 'Go' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => find(chat, '[part~="stop-button"]'), 'the stop button');
    await sendKeys({ press: 'Tab' });
    expect(focusedPart(chat)).to.equal('stop-button');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !chat.running, 'the stop');
    await chat.updateComplete;
    expect(focusedPart(chat)).to.equal('send-button');
  });

  it('enters an API key with the keyboard', async () => {
    const scripted = createScriptedFetch([textReply('Hi.')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.keyRequired = true;
    });
    find<HTMLInputElement>(chat, '[part~="key-input"]')?.focus();
    await sendKeys({ type: 'sk-keyboard-1234' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focusedPart(chat) === 'input', 'focus on the message input');
    await sendKeys({ type: 'Hello' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => scripted.requests.length === 1 && !chat.running, 'the turn');
    expect(scripted.requests[0]?.headers['authorization']).to.equal('Bearer sk-keyboard-1234');
  });
});
