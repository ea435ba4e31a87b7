import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { createScriptedFetch, errorReply, textReply } from '../../src/testing/index.js';
import { ToolAgentStorageErrorEvent, type ToolAgentChat } from '../../components/index.js';
import { saveConversation } from '../../components/conversation-storage.js';
import {
  axeViolations,
  checkAxeThenRemoveChats,
  createChat,
  find,
  findAll,
  recordEvents,
  root,
  waitFor,
} from './chat-test-utils.js';

const key = 'tool-agent-chat-test:storage-errors';

function storageErrors(events: Event[]): ToolAgentStorageErrorEvent[] {
  return events.filter(
    (event): event is ToolAgentStorageErrorEvent => event instanceof ToolAgentStorageErrorEvent,
  );
}

function notice(chat: ToolAgentChat): HTMLElement | null {
  return find(chat, '[part~="storage-notice"]');
}

/** Creates a chat on `key`, recording storage errors from before its first render. */
async function chatOnKey(
  setup: (chat: ToolAgentChat) => void = () => undefined,
): Promise<{ chat: ToolAgentChat; events: Event[] }> {
  let events: Event[] = [];
  const chat = await createChat((c) => {
    events = recordEvents(c, ['tool-agent-storage-error']);
    c.setAttribute('storage-key', key);
    setup(c);
  });
  return { chat, events };
}

/** Makes every `localStorage.setItem` throw `QuotaExceededError` until the returned function is called. */
function fillStorage(): () => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on the prototype, never called unbound
  const setItem = Storage.prototype.setItem;
  let calls = 0;
  Storage.prototype.setItem = function () {
    calls++;
    throw new DOMException(
      `Setting the value exceeded the quota (call ${calls}).`,
      'QuotaExceededError',
    );
  };
  return () => {
    Storage.prototype.setItem = setItem;
  };
}

describe('<tool-agent-chat> storage problems', () => {
  let restoreStorage: (() => void) | undefined;
  beforeEach(() => localStorage.removeItem(key));
  afterEach(async () => {
    restoreStorage?.();
    restoreStorage = undefined;
    await checkAxeThenRemoveChats();
    localStorage.removeItem(key);
  });

  describe('a saved conversation that cannot be read', () => {
    it('is announced, reported, left untouched while the user chats, and deleted only by Start over', async () => {
      const raw =
        '{"version":1,"messages":[{"role":"user","content":[{"type":"text","text":"lost?"}]';
      localStorage.setItem(key, raw);
      const { fetch } = createScriptedFetch([textReply('First.'), textReply('Second.')]);
      const { chat, events } = await chatOnKey((c) => (c.fetch = fetch));

      const shown = notice(chat);
      expect(shown?.getAttribute('role')).to.equal('alert');
      expect(shown?.dataset['kind']).to.equal('unreadable');
      expect(shown?.querySelector('[part~="notice-title"]')?.textContent).to.equal(
        'The saved conversation could not be read',
      );
      expect(shown?.querySelector('[part~="notice-detail"]')?.textContent).to.match(
        /not valid JSON.*kept as it is/,
      );
      expect(find(chat, '[part~="dismiss-button"]')).to.equal(
        null,
        'the only way out is Start over',
      );
      expect(chat.messages).to.deep.equal([]);

      const [event] = storageErrors(events);
      expect(storageErrors(events)).to.have.length(1);
      expect(event?.type).to.equal('tool-agent-storage-error');
      expect(event?.bubbles && event.composed).to.equal(true);
      expect(event?.detail).to.deep.include({ key, kind: 'unreadable' });
      expect(event?.detail.reason).to.match(/not valid JSON/);
      expect(await axeViolations(chat)).to.deep.equal([]);

      await chat.send('hello');
      expect(chat.messages).to.have.length(2, 'the conversation goes on in memory');
      expect(localStorage.getItem(key)).to.equal(raw, 'nothing is saved over it');
      expect(notice(chat)).not.to.equal(null);

      find<HTMLButtonElement>(chat, '[part~="start-over-button"]')?.click();
      await chat.updateComplete;
      expect(notice(chat)).to.equal(null);
      expect(root(chat).activeElement).to.equal(find(chat, '[part~="input"]'));
      const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as {
        messages: unknown[];
      } | null;
      expect(saved?.messages, 'the conversation on screen is saved from now on').to.have.length(2);
      await chat.send('again');
      expect(
        (JSON.parse(localStorage.getItem(key) ?? 'null') as { messages: unknown[] }).messages,
      ).to.have.length(4);
      expect(storageErrors(events)).to.have.length(1);
    });

    it('names the one bad message, and keeps all of them in storage', async () => {
      const good = JSON.parse(
        JSON.stringify([
          ChatMessage.createUserMessage('Keep me'),
          ChatMessage.createAssistantMessage('Me too'),
        ]),
      ) as object[];
      const raw = JSON.stringify({
        version: 1,
        messages: [...good, { role: 'assistant', content: 'not a list' }],
      });
      localStorage.setItem(key, raw);
      const { chat, events } = await chatOnKey();
      expect(storageErrors(events)[0]?.detail.reason).to.match(/messages\[2\]/);
      expect(notice(chat)?.textContent).to.contain('messages[2]');
      chat.messages = [ChatMessage.createUserMessage('set by the page')];
      expect(localStorage.getItem(key)).to.equal(
        raw,
        'an assigned conversation is not saved over it either',
      );
    });

    it('is found before a conversation assigned ahead of the first render could overwrite it', async () => {
      localStorage.setItem(key, 'garbage');
      const { chat, events } = await chatOnKey(
        (c) => (c.messages = [ChatMessage.createUserMessage('early')]),
      );
      expect(localStorage.getItem(key)).to.equal('garbage');
      expect(storageErrors(events).map((event) => event.detail.kind)).to.deep.equal(['unreadable']);
      expect(notice(chat)).not.to.equal(null);
      expect(chat.messages).to.have.length(1);
    });

    it('clear() from the page counts as starting over', async () => {
      localStorage.setItem(key, 'garbage');
      const { chat } = await chatOnKey();
      chat.clear();
      await chat.updateComplete;
      expect(localStorage.getItem(key)).to.equal(null);
      expect(notice(chat)).to.equal(null);
      chat.messages = [ChatMessage.createUserMessage('new')];
      expect(localStorage.getItem(key)).to.contain('new');
    });
  });

  describe('a conversation saved by a newer version', () => {
    it('is never overwritten or removed, and says so', async () => {
      const raw = JSON.stringify({ version: 3, messages: [], somethingNew: true });
      localStorage.setItem(key, raw);
      const { fetch } = createScriptedFetch([textReply('Hi.'), textReply('Again.')]);
      const { chat, events } = await chatOnKey((c) => (c.fetch = fetch));
      expect(notice(chat)?.dataset['kind']).to.equal('newer-version');
      expect(notice(chat)?.textContent).to.contain('newer version').and.contain('not saved');
      expect(find(chat, '[part~="start-over-button"]')).to.equal(null);
      expect(storageErrors(events).map((event) => event.detail)).to.deep.equal([
        {
          key,
          kind: 'newer-version',
          reason:
            'It was saved by a newer version of this chat (format 3; this one reads up to 2).',
        },
      ]);
      await chat.send('hello');
      expect(localStorage.getItem(key)).to.equal(raw);
      chat.clear();
      await chat.updateComplete;
      expect(localStorage.getItem(key)).to.equal(raw, 'clear() leaves it too');
      expect(notice(chat)).not.to.equal(null);
      await chat.send('again');
      find<HTMLButtonElement>(chat, '[part~="new-conversation-button"]')?.click();
      await waitFor(() => find(chat, '[part~="undo-button"]'), 'Undo');
      find<HTMLButtonElement>(chat, '[part~="undo-button"]')?.click();
      await chat.updateComplete;
      expect(localStorage.getItem(key)).to.equal(raw, 'New conversation and Undo leave it too');
    });

    it('another key then works as usual', async () => {
      localStorage.setItem(key, JSON.stringify({ version: 7 }));
      const { chat } = await chatOnKey();
      const other = `${key}:other`;
      saveConversation(other, [
        ChatMessage.createUserMessage('other'),
        ChatMessage.createAssistantMessage('conversation'),
      ]);
      try {
        chat.storageKey = other;
        await chat.updateComplete;
        expect(notice(chat)).to.equal(null);
        expect(findAll(chat, '[part~="message"]')).to.have.length(2);
      } finally {
        localStorage.removeItem(other);
      }
    });
  });

  describe('a save that fails', () => {
    it('keeps the conversation, shows a dismissible alert, fires save-failed, and recovers', async () => {
      const { fetch } = createScriptedFetch([
        textReply('One.'),
        textReply('Two.'),
        textReply('Three.'),
      ]);
      const { chat, events } = await chatOnKey((c) => (c.fetch = fetch));
      restoreStorage = fillStorage();

      await chat.send('first');
      await chat.updateComplete;
      expect(chat.messages.map((m) => m.role)).to.deep.equal(
        ['user', 'assistant'],
        'nothing is lost in memory',
      );
      expect(localStorage.getItem(key)).to.equal(null);
      const shown = notice(chat);
      expect(shown?.getAttribute('role')).to.equal('alert');
      expect(shown?.dataset['kind']).to.equal('save-failed');
      expect(shown?.textContent)
        .to.contain('The conversation could not be saved')
        .and.contain('storage is full')
        .and.contain('lost when the page closes');
      expect(find(chat, '[role="status"]')?.textContent?.trim()).to.equal(
        'Assistant: One.',
        'the answer is still announced',
      );
      expect(storageErrors(events).map((event) => event.detail)).to.deep.equal([
        { key, kind: 'save-failed', reason: 'The browser refused to store it (storage is full).' },
      ]);
      expect(await axeViolations(chat)).to.deep.equal([]);

      find<HTMLButtonElement>(chat, '[part~="dismiss-button"]')?.focus();
      find<HTMLButtonElement>(chat, '[part~="dismiss-button"]')?.click();
      await chat.updateComplete;
      expect(notice(chat)).to.equal(null);
      expect(root(chat).activeElement).to.equal(
        find(chat, '[part~="input"]'),
        'focus is not lost with the button',
      );

      await chat.send('second');
      await chat.updateComplete;
      expect(notice(chat)?.dataset['kind']).to.equal(
        'save-failed',
        'a later failure is shown again',
      );
      expect(storageErrors(events)).to.have.length(2);

      restoreStorage();
      restoreStorage = undefined;
      await chat.send('third');
      await chat.updateComplete;
      expect(notice(chat)).to.equal(null, 'a save that works clears the notice');
      expect(
        (JSON.parse(localStorage.getItem(key) ?? 'null') as { messages: unknown[] }).messages,
      ).to.have.length(6);
      expect(storageErrors(events)).to.have.length(2);
    });

    it('is reported when storage itself is blocked', async () => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
      const { chat, events } = await chatOnKey();
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
      restoreStorage = () => Object.defineProperty(window, 'localStorage', descriptor);
      chat.messages = [ChatMessage.createUserMessage('Hi')];
      await chat.updateComplete;
      expect(storageErrors(events)[0]?.detail).to.deep.include({ kind: 'save-failed' });
      expect(storageErrors(events)[0]?.detail.reason).to.match(/blocked.*SecurityError/);
      expect(notice(chat)?.dataset['kind']).to.equal('save-failed');
      expect(chat.messages).to.have.length(1);
    });
  });
});

describe('<tool-agent-chat> a turn that failed', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(async () => {
    await checkAxeThenRemoveChats();
    localStorage.removeItem(key);
  });

  it("keeps the user's message across a reload, with Retry that answers it", async () => {
    const first = await createChat((c) => {
      c.fetch = createScriptedFetch([
        textReply('Fine.'),
        errorReply(500, 'The server is down'),
      ]).fetch;
      c.setAttribute('storage-key', key);
    });
    await first.send('How are you?');
    await first.send('Please remember this long question');
    expect(find(first, '[part~="retry-button"]')).not.to.equal(null);
    first.remove();

    const scripted = createScriptedFetch([textReply('Remembered.')]);
    const second = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.setAttribute('storage-key', key);
    });
    const users = findAll(second, '[part~="user-message"]');
    expect(users.at(-1)?.textContent).to.contain('Please remember this long question');
    const lastAnswer = (): HTMLElement | undefined =>
      findAll(second, '[part~="assistant-message"]').at(-1);
    const error = lastAnswer()?.querySelector('[part~="error"]');
    expect(error?.querySelector('[part~="error-title"]')?.textContent).to.equal('No answer yet');
    const retry = find<HTMLButtonElement>(second, '[part~="retry-button"]');
    expect(retry).not.to.equal(null);
    expect(await axeViolations(second)).to.deep.equal([]);

    retry?.click();
    await waitFor(() => !second.running && scripted.requests.length === 1, 'the retried turn');
    await second.updateComplete;
    const body = scripted.requests[0]?.body as { messages: { role: string; content: unknown }[] };
    expect(body.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant', 'user']);
    expect(body.messages.at(-1)?.content).to.equal('Please remember this long question');
    expect(find(second, '[part~="retry-button"]')).to.equal(null);
    expect(lastAnswer()?.textContent).to.contain('Remembered.');
    expect(second.messages.map((m) => m.role)).to.deep.equal([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as {
      messages: { role: string }[];
    };
    expect(saved.messages.map((m) => m.role)).to.deep.equal([
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
  });

  it('after a reload, sending a new message instead of Retry works and keeps the old text', async () => {
    saveConversation(key, [ChatMessage.createUserMessage('Unanswered')]);
    const scripted = createScriptedFetch([textReply('Answered both.')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.setAttribute('storage-key', key);
    });
    expect(find(chat, '[part~="retry-button"]')).not.to.equal(null);
    await chat.send('Another one');
    await chat.updateComplete;
    expect(find(chat, '[part~="retry-button"]')).to.equal(null);
    expect(
      findAll(chat, '[part~="user-message"]').map((node) =>
        node.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).to.deep.equal(['You said: Unanswered', 'You said: Another one']);
    const body = scripted.requests[0]?.body as { messages: { role: string }[] };
    expect(body.messages.map((m) => m.role)).to.deep.equal(['user', 'user']);
  });

  it('a restored conversation that was answered offers no Retry', async () => {
    saveConversation(key, [
      ChatMessage.createUserMessage('Q'),
      ChatMessage.createAssistantMessage('A'),
    ]);
    const chat = await chatOnKey();
    expect(find(chat.chat, '[part~="error"]')).to.equal(null);
    expect(find(chat.chat, '[part~="retry-button"]')).to.equal(null);
  });
});
