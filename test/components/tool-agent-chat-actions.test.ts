import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import type { ToolAgentNewConversationEvent } from '../../components/index.js';
import { type ToolAgentChat } from '../../components/index.js';
import {
  assistantText,
  checkAxeThenRemoveChats,
  createChat,
  find,
  findAll,
  recordEvents,
  root,
  slowReply,
  waitFor,
  waitForPart,
  waitIdle,
} from './chat-test-utils.js';

const key = 'tool-agent-chat-test:actions';

/** Replaces `navigator.clipboard.writeText` (and the selection fallback) until the returned function is called. */
function stubClipboard(writeText: (text: string) => Promise<void>): () => void {
  const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back after the test
  const execCommand = Document.prototype.execCommand;
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  Document.prototype.execCommand = () => false;
  return () => {
    delete (navigator as { clipboard?: unknown }).clipboard;
    if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    Document.prototype.execCommand = execCommand;
  };
}

function status(chat: ToolAgentChat): string {
  return find(chat, '[role="status"]')?.textContent?.trim() ?? '';
}

describe('<tool-agent-chat> message actions', () => {
  let restore: (() => void) | undefined;
  beforeEach(() => localStorage.removeItem(key));
  afterEach(async () => {
    restore?.();
    restore = undefined;
    await checkAxeThenRemoveChats();
    localStorage.removeItem(key);
  });

  describe('Copy', () => {
    it('copies the markdown source of a user message and of an answer, and says so', async () => {
      const copied: string[] = [];
      restore = stubClipboard(async (text) => void copied.push(text));
      const chat = await createChat((c) => {
        c.messages = [
          ChatMessage.createUserMessage('Show **bold**'),
          ChatMessage.createAssistantMessage([
            { type: 'reasoning', text: 'hidden thoughts' },
            { type: 'text', text: 'Here:\n\n```js\nlet x = 1;\n```' },
          ]),
        ];
      });
      const [user, answer] = findAll<HTMLButtonElement>(chat, '[part~="copy-message-button"]');
      expect(user?.getAttribute('aria-label')).to.equal('Copy message');
      user?.click();
      await waitFor(() => copied.length === 1, 'the first copy');
      answer?.click();
      await waitFor(() => copied.length === 2, 'the second copy');
      expect(copied).to.deep.equal(['Show **bold**', 'Here:\n\n```js\nlet x = 1;\n```']);
      await waitFor(() => answer?.getAttribute('aria-label') === 'Copied', 'the confirmation');
      expect(status(chat)).to.equal('Copied');
      // The code block keeps its own copy button.
      expect(find(chat, '[part~="copy-button"]')).to.exist;
      await waitFor(() => answer?.getAttribute('aria-label') === 'Copy message', 'the reset', 4000);
    });

    it('says "Copy failed" when the clipboard is refused, and throws nothing', async () => {
      restore = stubClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
      const chat = await createChat((c) => {
        c.messages = [
          ChatMessage.createUserMessage('Hi'),
          ChatMessage.createAssistantMessage('Hello'),
        ];
      });
      find<HTMLButtonElement>(chat, '[part~="copy-message-button"]')?.click();
      await waitFor(
        () =>
          find(chat, '[part~="copy-message-button"]')?.getAttribute('aria-label') === 'Copy failed',
        'the failure',
      );
      expect(status(chat)).to.equal('Copy failed');
    });
  });

  describe('New conversation', () => {
    it('clears (storage too), offers Undo, and Undo brings everything back and saves it', async () => {
      const scripted = createScriptedFetch([textReply('Hello!'), textReply('Again!')]);
      const chat = await createChat((c) => {
        c.fetch = scripted.fetch;
        c.setAttribute('storage-key', key);
      });
      const events = recordEvents(chat, ['tool-agent-new-conversation']);
      expect(find(chat, '[part~="new-conversation-button"]'), 'nothing to clear yet').to.equal(
        null,
      );
      await chat.send('Hi');
      const saved = localStorage.getItem(key);
      const button = await waitForPart<HTMLButtonElement>(
        chat,
        '[part~="new-conversation-button"]',
      );
      expect(button.textContent?.trim()).to.equal('New conversation');
      button.click();
      await waitForPart(chat, '[part~="undo-notice"]');
      expect(chat.messages).to.deep.equal([]);
      expect(localStorage.getItem(key)).to.equal(null);
      expect(find(chat, '[part~="undo-notice"]')?.textContent).to.contain('Conversation cleared');
      expect(status(chat)).to.equal('Conversation cleared');
      await waitFor(() => root(chat).activeElement === find(chat, '[part~="input"]'), 'focus');

      find<HTMLButtonElement>(chat, '[part~="undo-button"]')?.click();
      await chat.updateComplete;
      expect(chat.messages.map((message) => message.role)).to.deep.equal(['user', 'assistant']);
      expect(assistantText(chat)).to.contain('Hello!');
      expect(localStorage.getItem(key)).to.equal(saved);
      expect(find(chat, '[part~="undo-notice"]')).to.equal(null);
      expect(
        events.map((event) => (event as ToolAgentNewConversationEvent).detail.action),
      ).to.deep.equal(['clear', 'undo']);
      await chat.send('More');
      expect(scripted.requests[1]?.body).to.deep.nested.include({ 'messages[0].content': 'Hi' });
    });

    it('stops a running turn first and keeps its partial answer for Undo', async () => {
      const scripted = createScriptedFetch([slowReply()]);
      const chat = await createChat((c) => (c.fetch = scripted.fetch));
      const events = recordEvents(chat, ['tool-agent-stop']);
      void chat.send('Talk');
      await waitFor(() => assistantText(chat).includes('w1'), 'some text');
      find<HTMLButtonElement>(chat, '[part~="new-conversation-button"]')?.click();
      await waitForPart(chat, '[part~="undo-button"]');
      expect(chat.running).to.equal(false);
      expect(events).to.have.length(1);
      find<HTMLButtonElement>(chat, '[part~="undo-button"]')?.click();
      await chat.updateComplete;
      expect(chat.messages.map((message) => message.role)).to.deep.equal(['user', 'assistant']);
      expect(find(chat, '[part~="state-note"]')?.textContent).to.equal('Stopped');
    });

    it('withdraws Undo once a new message is sent, and after a few seconds', async () => {
      const scripted = createScriptedFetch([textReply('One'), textReply('Two')]);
      const chat = await createChat((c) => (c.fetch = scripted.fetch));
      await chat.send('Hi');
      find<HTMLButtonElement>(chat, '[part~="new-conversation-button"]')?.click();
      await waitForPart(chat, '[part~="undo-notice"]');
      await chat.send('Fresh start');
      expect(find(chat, '[part~="undo-notice"]')).to.equal(null);
      find<HTMLButtonElement>(chat, '[part~="new-conversation-button"]')?.click();
      await waitForPart(chat, '[part~="undo-notice"]');
      await waitFor(() => !find(chat, '[part~="undo-notice"]'), 'the offer to expire', 9000);
      expect(chat.messages).to.deep.equal([]);
    });

    it('a cancelled tool-agent-new-conversation keeps the conversation; new-conversation="off" hides the button', async () => {
      const chat = await createChat((c) => {
        c.messages = [
          ChatMessage.createUserMessage('Hi'),
          ChatMessage.createAssistantMessage('Hello'),
        ];
      });
      chat.addEventListener('tool-agent-new-conversation', (event) => event.preventDefault());
      find<HTMLButtonElement>(chat, '[part~="new-conversation-button"]')?.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(chat.messages).to.have.length(2);
      expect(find(chat, '[part~="undo-notice"]')).to.equal(null);
      chat.setAttribute('new-conversation', 'off');
      await chat.updateComplete;
      expect(find(chat, '[part~="new-conversation-button"]')).to.equal(null);
      expect(find(chat, '[part~="header"]'), 'no empty header').to.equal(null);
    });
  });

  describe('usage', () => {
    it('is off by default; show-usage shows tokens in and out and the model, live and restored', async () => {
      const scripted = createScriptedFetch([
        textReply('Counted.', {
          usage: { prompt_tokens: 1234, completion_tokens: 56 },
          model: 'gpt-test',
        }),
      ]);
      const chat = await createChat((c) => (c.fetch = scripted.fetch));
      await chat.send('Count');
      await waitIdle(chat);
      expect(find(chat, '[part~="usage"]')).to.equal(null);
      chat.setAttribute('show-usage', '');
      await chat.updateComplete;
      expect(find(chat, '[part~="usage"]')?.textContent).to.equal(
        '1,234 tokens in · 56 out · gpt-test',
      );

      const restored = await createChat((c) => {
        c.showUsage = true;
        c.messages = chat.messages;
      });
      expect(find(restored, '[part~="usage"]')?.textContent).to.equal(
        '1,234 tokens in · 56 out · gpt-test',
      );
    });

    it('shows nothing for an answer the provider reported no usage or model for', async () => {
      const chat = await createChat((c) => {
        c.showUsage = true;
        c.messages = [
          ChatMessage.createUserMessage('Hi'),
          ChatMessage.createAssistantMessage('Hello'),
        ];
      });
      await chat.updateComplete;
      expect(find(chat, '[part~="usage"]')).to.equal(null);
    });
  });
});
