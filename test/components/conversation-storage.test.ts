import { expect } from 'chai';
import * as z from 'zod';
import { ChatMessage, FunctionTool } from '../../src/index.js';
import {
  createScriptedFetch,
  errorReply,
  textReply,
  toolCallReply,
} from '../../src/testing/index.js';
import {
  conversationVersion,
  loadConversation,
  removeConversation,
  saveConversation,
} from '../../components/conversation-storage.js';
import { ConversationTree } from '../../components/conversation-tree.js';
import {
  assistantText,
  axeViolations,
  createChat,
  find,
  findAll,
  checkAxeThenRemoveChats,
  waitFor,
} from './chat-test-utils.js';

const key = 'tool-agent-chat-test:conversation';

function stored(): { version: number; messages: { role: string }[] } | null {
  const text = localStorage.getItem(key);
  return text === null
    ? null
    : (JSON.parse(text) as { version: number; messages: { role: string }[] });
}

describe('conversation storage', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(async () => {
    await checkAxeThenRemoveChats();
    localStorage.removeItem(key);
  });

  describe('saveConversation / loadConversation', () => {
    it('round-trips messages in a versioned envelope', () => {
      const messages = [
        ChatMessage.createUserMessage('Hi'),
        ChatMessage.createAssistantMessage('Hello'),
      ];
      expect(saveConversation(key, messages)).to.deep.equal({ ok: true });
      expect(stored()).to.deep.equal({
        version: conversationVersion,
        messages: JSON.parse(JSON.stringify(messages)) as unknown,
      });
      expect(conversationVersion).to.equal(2);
      expect(loadConversation(key)).to.deep.equal({ kind: 'ok', messages });
    });

    it('reads a version 1 conversation (saved before branches) as one without branches', () => {
      const messages = [
        ChatMessage.createUserMessage('Hi'),
        ChatMessage.createAssistantMessage('Hello'),
      ];
      const raw = JSON.stringify({ version: 1, messages });
      localStorage.setItem(key, raw);
      expect(loadConversation(key)).to.deep.equal({ kind: 'ok', messages });
      expect(localStorage.getItem(key), 'reading never writes').to.equal(raw);
    });

    it('saves every version with the shown one, and reads the visible branch back', () => {
      const tree = ConversationTree.linear([
        ChatMessage.createUserMessage('Hi'),
        ChatMessage.createAssistantMessage('Hello'),
      ]);
      tree.regenerate(0);
      tree.append([ChatMessage.createAssistantMessage('Hey there')]);
      tree.select(0, 'answer', 0);
      expect(saveConversation(key, tree)).to.deep.equal({ ok: true });
      const raw = stored() as { branches?: unknown; messages: unknown[] } | null;
      expect(raw?.messages, 'each message once').to.have.length(3);
      expect(raw?.branches).to.deep.include({ prefix: 0, shown: 0 });
      const loaded = loadConversation(key);
      expect(loaded.kind).to.equal('ok');
      if (loaded.kind !== 'ok') return;
      expect(loaded.messages.map((message) => message.role)).to.deep.equal(['user', 'assistant']);
      expect(loaded.messages[1]?.content).to.deep.equal([{ type: 'text', text: 'Hello' }]);
      expect(loaded.tree?.position(0, 'answer')).to.deep.equal({ index: 0, count: 2 });
    });

    it('reports branches it cannot read, and keeps them', () => {
      const messages = JSON.parse(
        JSON.stringify([ChatMessage.createUserMessage('Hi')]),
      ) as unknown[];
      const raw = JSON.stringify({
        version: 2,
        messages,
        branches: { prefix: 0, shown: 0, nodes: [{ parent: 4, count: 1, shown: 0 }] },
      });
      localStorage.setItem(key, raw);
      const loaded = loadConversation(key);
      expect(loaded.kind).to.equal('unreadable');
      expect(loaded.kind === 'unreadable' && loaded.reason).to.match(/no parent/);
      expect(localStorage.getItem(key)).to.equal(raw);
    });

    it('refuses (and keeps) the version after this one', () => {
      const raw = JSON.stringify({ version: conversationVersion + 1, messages: [] });
      localStorage.setItem(key, raw);
      expect(loadConversation(key)).to.deep.include({ kind: 'newer-version', version: 3 });
      expect(localStorage.getItem(key)).to.equal(raw);
    });

    it('tells "nothing saved" apart from "saved but unreadable", with the reason', () => {
      expect(loadConversation(key)).to.deep.equal({ kind: 'none' });
      const cases: [raw: string, reason: RegExp][] = [
        ['{not json', /not valid JSON/],
        [JSON.stringify([1, 2]), /no format version/],
        [JSON.stringify({ messages: [] }), /no format version/],
        [JSON.stringify({ version: 1.5, messages: [] }), /no format version/],
        [
          JSON.stringify({ version: 0, messages: [] }),
          /Format version 0 is not one this chat can read/,
        ],
        [JSON.stringify({ version: 1 }), /no list of messages/],
        [JSON.stringify({ version: 1, messages: [{ role: 'wizard' }] }), /messages\[0\]/],
      ];
      for (const [raw, reason] of cases) {
        localStorage.setItem(key, raw);
        const loaded = loadConversation(key);
        expect(loaded.kind, raw).to.equal('unreadable');
        expect(loaded.kind === 'unreadable' && loaded.reason, raw).to.match(reason);
        expect(localStorage.getItem(key), 'reading never writes').to.equal(raw);
      }
    });

    it('names the one bad message among good ones', () => {
      const good = JSON.parse(
        JSON.stringify([
          ChatMessage.createUserMessage('Hi'),
          ChatMessage.createAssistantMessage('Hello'),
        ]),
      ) as object[];
      const raw = JSON.stringify({
        version: 1,
        messages: [...good, { ...good[0], role: 'wizard' }],
      });
      localStorage.setItem(key, raw);
      const loaded = loadConversation(key);
      expect(loaded.kind).to.equal('unreadable');
      expect(loaded.kind === 'unreadable' && loaded.reason).to.match(
        /^A message is invalid at messages\[2\]\.role/,
      );
      expect(localStorage.getItem(key)).to.equal(raw);
    });

    it('reports a newer format version instead of misreading it', () => {
      const raw = JSON.stringify({ version: 99, messages: [{ whatever: true }] });
      localStorage.setItem(key, raw);
      const loaded = loadConversation(key);
      expect(loaded).to.deep.include({ kind: 'newer-version', version: 99 });
      expect(loaded.kind === 'newer-version' && loaded.reason).to.match(/newer version.*99/);
      expect(localStorage.getItem(key)).to.equal(raw);
    });

    it('reports a save the browser refuses (storage full) instead of throwing', () => {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back on the prototype, never called unbound
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      try {
        const saved = saveConversation(key, [ChatMessage.createUserMessage('Hi')]);
        expect(saved.ok).to.equal(false);
        expect(!saved.ok && saved.reason).to.match(/storage is full/);
      } finally {
        Storage.prototype.setItem = setItem;
      }
      expect(localStorage.getItem(key)).to.equal(null);
    });

    it('removes a saved conversation', () => {
      saveConversation(key, [ChatMessage.createUserMessage('Hi')]);
      expect(removeConversation(key)).to.equal(true);
      expect(localStorage.getItem(key)).to.equal(null);
    });
  });

  describe('with storage-key', () => {
    it('saves after each finished response, never a half-written turn', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const { fetch } = createScriptedFetch(async (_request, index) => {
        if (index === 1) await gate;
        return textReply(index === 0 ? 'First answer.' : ['Second ', 'answer.']);
      });
      const chat = await createChat((c) => {
        c.fetch = fetch;
        c.storageKey = key;
      });
      await chat.send('one');
      expect(stored()?.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
      const second = chat.send('two');
      await waitFor(() => chat.running, 'the second turn');
      expect(stored()?.messages).to.have.length(2, 'the running turn is not saved');
      release();
      await second;
      expect(stored()?.messages.map((m) => m.role)).to.deep.equal([
        'user',
        'assistant',
        'user',
        'assistant',
      ]);
    });

    it('saves a turn the user stopped, with its partial answer, since it is over', async () => {
      const reply = textReply(['Partial ', 'answer ', 'never finished.']);
      const slow = {
        ...reply,
        chunks: reply.chunks!.map((chunk, i) => (i >= 3 ? { ...chunk, delayMs: 10_000 } : chunk)),
      };
      const { fetch } = createScriptedFetch([slow]);
      const chat = await createChat((c) => {
        c.fetch = fetch;
        c.storageKey = key;
      });
      const turn = chat.send('tell me');
      await waitFor(
        () => stored() === null && assistantText(chat).includes('Partial'),
        'the partial answer',
      );
      chat.stop();
      await turn;
      const saved = stored()?.messages as
        { role: string; content: { type: string; text?: string }[] }[] | undefined;
      expect(saved?.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
      expect(saved?.[1]?.content.map((part) => part.text ?? '').join('')).to.include('Partial');
    });

    it("saves a failed turn with the user's message, so it survives a reload", async () => {
      const { fetch } = createScriptedFetch([textReply('ok'), errorReply(400, 'nope')]);
      const chat = await createChat((c) => {
        c.fetch = fetch;
        c.setAttribute('storage-key', key);
      });
      await chat.send('one');
      await chat.send('two');
      expect(stored()?.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant', 'user']);
      expect(chat.messages.at(-1)?.content).to.deep.equal([{ type: 'text', text: 'two' }]);
    });

    it('restores the conversation when the element is re-created with the same key (a reload)', async () => {
      const weather = new FunctionTool({
        name: 'weather',
        description: 'Weather',
        parameters: z.object({ city: z.string() }),
        execute: ({ city }) => ({ city, sky: 'sunny' }),
      });
      const { fetch } = createScriptedFetch([
        toolCallReply([{ id: 'call_w', name: 'weather', arguments: { city: 'Oslo' } }]),
        textReply('It is **sunny** in Oslo.', { reasoning: 'The tool said sunny.' }),
      ]);
      const first = await createChat((c) => {
        c.fetch = fetch;
        c.tools = [weather];
        c.setAttribute('storage-key', key);
      });
      await first.send('Weather in Oslo?');
      first.remove();

      const second = await createChat((c) => c.setAttribute('storage-key', key));
      expect(second.messages.map((m) => m.role)).to.deep.equal([
        'user',
        'assistant',
        'tool',
        'assistant',
      ]);
      expect(find(second, '[part~="user-message"]')?.textContent).to.contain('Weather in Oslo?');
      expect(find(second, '[part~="assistant-message"] strong')?.textContent).to.equal('sunny');
      const card = find(second, '[part~="tool-card"]');
      expect(card?.dataset['status']).to.equal('done');
      expect(card?.querySelector('[part~="tool-result"] pre')?.textContent).to.contain(
        '"sky": "sunny"',
      );
      const reasoning = find<HTMLDetailsElement>(second, 'details[part~="reasoning"]');
      expect(reasoning?.open).to.equal(false);
      expect(reasoning?.textContent).to.contain('The tool said sunny.');
      expect(assistantText(second)).to.contain('It is sunny in Oslo.');
      expect(await axeViolations(second)).to.deep.equal([]);
    });

    it('clear() empties the conversation and its saved copy', async () => {
      saveConversation(key, [
        ChatMessage.createUserMessage('old'),
        ChatMessage.createAssistantMessage('reply'),
      ]);
      const chat = await createChat((c) => (c.storageKey = key));
      expect(findAll(chat, '[part~="message"]')).to.have.length(2);
      chat.clear();
      await chat.updateComplete;
      expect(findAll(chat, '[part~="message"]')).to.have.length(0);
      expect(localStorage.getItem(key)).to.equal(null);
    });

    it('saves a conversation assigned through messages or history', async () => {
      const chat = await createChat((c) => (c.storageKey = key));
      chat.messages = [
        ChatMessage.createUserMessage('set'),
        ChatMessage.createAssistantMessage('by the page'),
      ];
      expect(stored()?.messages).to.have.length(2);
      const history = chat.history;
      history.addUserMessage('more');
      chat.history = history;
      expect(stored()?.messages).to.have.length(3);
      expect(chat.messages.at(-1)?.role).to.equal('user');
    });
  });
});
