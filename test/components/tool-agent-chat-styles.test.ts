import { expect } from 'chai';
import { emulateMedia } from '@web/test-runner-commands';
import { ChatMessage } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import type { ToolAgentChat } from '../../components/index.js';
import {
  axeViolations,
  checkAxeThenRemoveChats,
  createChat,
  find,
  waitFor,
} from './chat-test-utils.js';

function background(chat: ToolAgentChat): string {
  return getComputedStyle(find(chat, '[part~="base"]')!).backgroundColor;
}

async function conversation(): Promise<ToolAgentChat> {
  return createChat((c) => {
    c.setAttribute('heading', 'Themed');
    c.messages = [
      ChatMessage.createUserMessage('Hi'),
      ChatMessage.createAssistantMessage([
        { type: 'reasoning', text: 'Say hello.' },
        { type: 'text', text: 'Hello, **there**. See [docs](https://example.com).' },
        { type: 'tool_call', id: 'c1', name: 'lookup', arguments: '{"q":"x"}' },
      ]),
      ChatMessage.createToolMessage([
        { type: 'tool_result', toolCallId: 'c1', toolName: 'lookup', result: '{"ok":true}' },
      ]),
    ];
  });
}

describe('<tool-agent-chat> theming', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    await checkAxeThenRemoveChats();
  });

  it('follows prefers-color-scheme, with no axe violation in light or dark', async () => {
    const chat = await conversation();
    await emulateMedia({ colorScheme: 'light' });
    expect(background(chat)).to.equal('rgb(255, 255, 255)');
    expect(await axeViolations(chat)).to.deep.equal([]);
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(chat)).to.equal('rgb(23, 24, 28)');
    expect(await axeViolations(chat)).to.deep.equal([]);
  });

  it('takes --tool-agent-* custom properties and ::part styles from the page', async () => {
    const style = document.createElement('style');
    style.textContent = `
      tool-agent-chat.themed { --tool-agent-background: rgb(1, 2, 3); --tool-agent-user-background: rgb(4, 5, 6); }
      tool-agent-chat.themed::part(tool-card) { border-color: rgb(7, 8, 9); }
    `;
    document.head.append(style);
    try {
      const chat = await conversation();
      chat.classList.add('themed');
      expect(background(chat)).to.equal('rgb(1, 2, 3)');
      expect(
        getComputedStyle(find(chat, '[part~="user-message"] .bubble')!).backgroundColor,
      ).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(find(chat, '[part~="tool-card"]')!).borderTopColor).to.equal(
        'rgb(7, 8, 9)',
      );
    } finally {
      style.remove();
    }
  });

  it('animates the typing dots only without prefers-reduced-motion', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fetch } = createScriptedFetch(async () => {
      await gate;
      return textReply('ok');
    });
    const chat = await createChat((c) => (c.fetch = fetch));
    const done = chat.send('hi');
    const dot = await waitFor(
      () => find(chat, '[part~="typing-indicator"] span'),
      'the typing dots',
    );
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(dot).animationName).to.equal('tool-agent-pulse');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(dot).animationName).to.equal('none');
    release();
    await done;
  });
});
