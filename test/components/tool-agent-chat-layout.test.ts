import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { createChat, find, removeChats, waitFor } from './chat-test-utils.js';

const longConversation = Array.from({ length: 60 }, (_, index) => [
  ChatMessage.createUserMessage(`Question ${index}: ${'words '.repeat(30)}`),
  ChatMessage.createAssistantMessage(`Answer ${index}. ${'More text here. '.repeat(20)}`),
]).flat();

describe('<tool-agent-chat> layout', () => {
  afterEach(removeChats);

  it('never grows the page beyond its own box, even with a long conversation', async () => {
    document.body.style.margin = '0';
    const chat = await createChat((c) => {
      c.style.blockSize = '400px';
      c.messages = longConversation;
    });
    await waitFor(
      () => chat.shadowRoot!.querySelectorAll('[part~="message"]').length >= 100,
      'the restored transcript',
    );
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(chat.getBoundingClientRect().height).to.equal(400);
    expect(document.documentElement.scrollHeight).to.be.at.most(window.innerHeight);
  });

  it('scrolls a wide table and a long code line sideways, keeping words whole', async () => {
    const wide = `| ${Array.from({ length: 8 }, (_, i) => `Heading${i}withalongname`).join(' | ')} |\n|${' --- |'.repeat(8)}\n| ${Array.from({ length: 8 }, (_, i) => `cellvalue${i}unbroken`).join(' | ')} |\n\n\`\`\`\n${'const x = 1; '.repeat(30)}\n\`\`\`\n`;
    const scripted = createScriptedFetch([textReply(wide)]);
    const chat = await createChat((c) => {
      c.style.inlineSize = '320px';
      c.fetch = scripted.fetch;
      c.noKey = true;
    });
    await chat.send('Show a table');
    const scroller = await waitFor(() => find(chat, '.table-scroll'), 'the table');
    // Blocks are laid out once the browser has seen them near the view (content-visibility: auto).
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    const cell = find(chat, 'td')!;
    const range = document.createRange();
    range.selectNodeContents(cell);
    // One line per cell: a word broken in the middle would wrap onto a second line.
    expect(range.getClientRects().length).to.equal(1);
    const pre = find(chat, '.tool-agent-markdown pre')!;
    expect(pre.scrollWidth).to.be.greaterThan(pre.clientWidth);
    expect(getComputedStyle(pre).whiteSpace).to.equal('pre');
  });
});

describe('<tool-agent-chat> out-of-view work', () => {
  afterEach(removeChats);

  const frames = async (count: number): Promise<void> => {
    for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  };

  it('skips answers far out of view, renders them when scrolled to, and never skips single blocks of the answer streaming in', async () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Streamed paragraph **${i}**.\n\n`);
    const scripted = createScriptedFetch([textReply(paragraphs, { delayMs: 15 })]);
    const chat = await createChat((c) => {
      c.style.blockSize = '300px';
      c.fetch = scripted.fetch;
      c.noKey = true;
      c.messages = longConversation.slice(0, 20);
    });
    const answers = (): HTMLElement[] => [
      ...chat.shadowRoot!.querySelectorAll<HTMLElement>('.message.assistant'),
    ];
    await waitFor(() => answers().length === 10, 'the restored answers');
    const sent = chat.send('Stream a long answer');
    const streaming = await waitFor(() => {
      const last = answers().at(-1);
      return last?.dataset['state'] === 'streaming' && last.querySelectorAll('strong').length >= 30
        ? last
        : undefined;
    }, 'thirty streamed paragraphs');
    await frames(2);
    const firstStreamed = streaming.querySelector('strong')!;
    const firstRestored = answers()[0]!.querySelector('p')!;
    // The view follows the end: both the first restored answer and the first streamed paragraph are far above it.
    expect(firstRestored.checkVisibility({ contentVisibilityAuto: true })).to.equal(false);
    expect(firstStreamed.checkVisibility({ contentVisibilityAuto: true })).to.equal(
      true,
      'a block of the streaming answer is laid out even far above the view',
    );
    expect(getComputedStyle(firstStreamed.closest('p')!).contentVisibility).to.equal('visible');
    await sent;
    await frames(2);
    expect(getComputedStyle(streaming).contentVisibility).to.equal('auto');
    // Skipped answers keep their text for find in page, copying and screen readers.
    expect(chat.shadowRoot!.textContent).to.contain('Answer 0.');
    const transcript = find(chat, '.transcript')!;
    transcript.scrollTop = 0;
    await frames(2);
    transcript.scrollTop = 0;
    await frames(2);
    expect(firstRestored.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
    expect(firstStreamed.checkVisibility({ contentVisibilityAuto: true })).to.equal(
      false,
      'the answer is skipped once far out of view',
    );
    // Skipped, it keeps the height it was shown at: it does not shrink in the full transcript.
    expect(streaming.offsetHeight).to.be.greaterThan(600);
  });
});
