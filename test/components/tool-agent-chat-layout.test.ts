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
