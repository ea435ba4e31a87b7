import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { saveConversation } from '../../components/conversation-storage.js';
import { entriesFromMessages } from '../../components/entries-from-messages.js';
import {
  firstMessages,
  newestTurnsStart,
  sliceAtUserMessages,
} from '../../components/progressive-transcript.js';
import { checkAxeThenRemoveChats, createChat, find, findAll, waitFor } from './chat-test-utils.js';

const key = 'tool-agent-chat-test:progressive';

/** `turns` questions and markdown answers (a list, bold text, and now and then a code block). */
function longConversation(turns: number): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (let i = 0; i < turns; i++) {
    messages.push(ChatMessage.createUserMessage(`Question ${i}`));
    const code = i % 10 === 0 ? '\n\n```js\nconst answer = ' + i + ';\n```' : '';
    messages.push(
      ChatMessage.createAssistantMessage(
        `Answer ${i}: **some** text with a [link](https://example.com/${i}).\n\n- one\n- two${code}`,
      ),
    );
  }
  return messages;
}

function messageTexts(chat: HTMLElement & { shadowRoot: ShadowRoot | null }): string[] {
  return [...(chat.shadowRoot?.querySelectorAll('[part~="message"]') ?? [])].map((node) =>
    (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
}

/** Records long tasks (over 50 ms) from now on. */
function watchLongTasks(): { durations: number[]; stop: () => void } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
  });
  observer.observe({ type: 'longtask', buffered: false });
  return { durations, stop: () => observer.disconnect() };
}

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

describe('sliceAtUserMessages', () => {
  it('cuts only before user messages, into slices of at least the size, losing nothing', () => {
    const messages = [
      ChatMessage.createSystemMessage('sys'),
      ...longConversation(3),
      ChatMessage.createAssistantMessage('more'),
      ...longConversation(4),
    ];
    const slices = sliceAtUserMessages(messages, 3);
    expect(slices.flat()).to.deep.equal(messages);
    for (const slice of slices.slice(1)) expect(slice[0]?.role).to.equal('user');
    for (const slice of slices.slice(0, -1)) expect(slice.length).to.be.at.least(3);
    expect(slices.map((slice) => slice.length)).to.deep.equal([3, 5, 4, 4]);
    expect(sliceAtUserMessages([], 3)).to.deep.equal([]);
  });
});

describe('newestTurnsStart', () => {
  it('finds the user message where the newest turns holding at least `count` messages begin', () => {
    const messages = longConversation(5); // user at 0, 2, 4, 6, 8
    expect(newestTurnsStart(messages, 3)).to.equal(6);
    expect(newestTurnsStart(messages, 4)).to.equal(6);
    expect(newestTurnsStart(messages, 5)).to.equal(4);
    expect(newestTurnsStart(messages, 10)).to.equal(0);
    expect(newestTurnsStart(messages, 50)).to.equal(0);
    expect(
      newestTurnsStart(
        [ChatMessage.createAssistantMessage('a'), ChatMessage.createAssistantMessage('b')],
        1,
      ),
    ).to.equal(0);
  });
});

describe('<tool-agent-chat> restoring a long conversation', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(async () => {
    await checkAxeThenRemoveChats();
    localStorage.removeItem(key);
  });

  it('shows 2,000 messages newest first, then fills in older ones in chunks, in order, staying at the bottom', async function () {
    this.timeout(60_000);
    const messages = longConversation(1000);
    expect(saveConversation(key, messages).ok).to.equal(true);

    // For the report: the cost of building every entry in one task, as before.
    const oneGo = performance.now();
    entriesFromMessages(messages, document);
    const oneGoMs = Math.round(performance.now() - oneGo);
    await new Promise((resolve) => setTimeout(resolve, 50)); // that task is not the element's

    const tasks = watchLongTasks();
    const started = performance.now();
    const chat = await createChat((c) => {
      c.style.blockSize = '400px';
      c.setAttribute('storage-key', key);
    });
    const firstRenderMs = Math.round(performance.now() - started);
    const first = messageTexts(chat);
    expect(first.length).to.be.at.most(
      firstMessages,
      'the first render holds only the newest messages',
    );
    expect(first.length).to.be.at.least(2);
    expect(first.at(-1)).to.contain('Answer 999');
    expect(chat.messages).to.have.length(2000, 'the conversation itself is complete at once');

    const counts = new Set<number>([first.length]);
    await waitFor(
      () => {
        counts.add(findAll(chat, '[part~="message"]').length);
        return counts.has(2000);
      },
      'every message',
      40_000,
    );
    const completeMs = Math.round(performance.now() - started);
    await frame();
    await frame();
    tasks.stop();

    const texts = messageTexts(chat);
    expect(texts).to.have.length(2000);
    for (let i = 0; i < 1000; i++) {
      expect(texts[2 * i]).to.equal(`You said: Question ${i}`);
      expect(texts[2 * i + 1]).to.contain(`Answer ${i}:`);
    }
    expect(counts.size, 'older messages arrive over several renders').to.be.greaterThan(3);
    const view = find(chat, '[part~="transcript"]')!;
    expect(view.scrollHeight - view.scrollTop - view.clientHeight).to.be.lessThan(
      40,
      'still at the bottom',
    );

    const longest = Math.max(0, ...tasks.durations);
    console.log(
      `[progressive restore] 2000 messages: building all entries in one task ${oneGoMs} ms; ` +
        `first render ${firstRenderMs} ms (${first.length} messages); all shown after ${completeMs} ms in ${counts.size} steps seen; ` +
        `long tasks: ${tasks.durations.length} (longest ${longest} ms; all: ${tasks.durations.join(', ') || 'none'})`,
    );
    // axe-core needs minutes for 2,000 messages on a busy machine; the afterEach check runs on the newest 50 (the same templates).
    chat.messages = chat.messages.slice(-50);
  });

  it('a message sent while older ones are still arriving goes last, and everything stays in order', async () => {
    const messages = longConversation(150);
    saveConversation(key, messages);
    const scripted = createScriptedFetch([textReply('Newest answer.')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.setAttribute('storage-key', key);
    });
    expect(findAll(chat, '[part~="message"]').length).to.be.lessThan(300);
    await chat.send('Newest question');
    await waitFor(() => findAll(chat, '[part~="message"]').length === 302, 'every message');
    const texts = messageTexts(chat);
    expect(texts[0]).to.equal('You said: Question 0');
    expect(texts.slice(-2)).to.deep.equal([
      'You said: Newest question',
      'Assistant said: Newest answer.',
    ]);
    const body = scripted.requests[0]?.body as { messages: unknown[] };
    expect(body.messages).to.have.length(301, 'the request holds the whole conversation');
  });

  it('replacing the conversation stops filling in the old one', async () => {
    saveConversation(key, longConversation(150));
    const chat = await createChat((c) => c.setAttribute('storage-key', key));
    chat.messages = [
      ChatMessage.createUserMessage('Fresh'),
      ChatMessage.createAssistantMessage('Start'),
    ];
    await chat.updateComplete;
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(messageTexts(chat)).to.deep.equal(['You said: Fresh', 'Assistant said: Start']);
  });
});
