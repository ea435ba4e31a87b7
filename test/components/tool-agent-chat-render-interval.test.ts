import { expect } from 'chai';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import type { ToolAgentChat } from '../../components/index.js';
import {
  captureWarningsThenRemoveChats,
  createChat,
  find,
  waitFor,
  waitIdle,
} from './chat-test-utils.js';

const words = (count: number): string[] => Array.from({ length: count }, (_, i) => `w${i} `);

/** The answer's text as the transcript shows it. */
const answerShown = (chat: ToolAgentChat): string =>
  find(chat, '[part~="assistant-message"] .markdown')?.textContent ?? '';

/** Samples the answer's text after every chunk event (what the transcript shows as each arrives). */
function shownAtEachChunk(chat: ToolAgentChat): string[] {
  const shown: string[] = [];
  chat.addEventListener('tool-agent-chunk', () => {
    shown.push(answerShown(chat));
  });
  return shown;
}

describe('<tool-agent-chat> render-interval', () => {
  const warnings = captureWarningsThenRemoveChats();

  it('is 50 ms by default, takes 0, and refuses a negative or non-numeric value with one warning', async () => {
    const chat = await createChat();
    expect(chat.renderInterval).to.equal(50);
    chat.setAttribute('render-interval', '0');
    await chat.updateComplete;
    expect(chat.renderInterval).to.equal(0);
    chat.setAttribute('render-interval', '-10');
    await chat.updateComplete;
    expect(chat.renderInterval).to.equal(50);
    chat.setAttribute('render-interval', 'fast');
    await chat.updateComplete;
    expect(chat.renderInterval).to.equal(50);
    expect(warnings).to.deep.equal([
      '<tool-agent-chat>: ignoring render-interval="-10": expected a number of milliseconds of at least 0; using the default 50.',
      '<tool-agent-chat>: ignoring render-interval="fast": expected a number of milliseconds of at least 0; using the default 50.',
    ]);
  });

  it('writes a fast stream into the transcript in batches, and the whole answer once it ends', async () => {
    const { fetch } = createScriptedFetch([textReply(words(120), { delayMs: 4 })]);
    const chat = await createChat((c) => {
      c.fetch = fetch;
      c.renderInterval = 200;
    });
    const shown = shownAtEachChunk(chat);
    await chat.send('Go');
    await waitIdle(chat);
    const distinct = new Set(shown.filter((text) => text !== ''));
    // 120 chunks over about half a second, written every 200 ms: a handful of states, not 120.
    expect(shown.length).to.be.at.least(120);
    expect(distinct.size).to.be.within(1, 8);
    expect(answerShown(chat)).to.equal(words(120).join('').trim());
  });

  it('with render-interval 0, shows each chunk as it arrives', async () => {
    const { fetch } = createScriptedFetch([textReply(words(30), { delayMs: 4 })]);
    const chat = await createChat((c) => {
      c.fetch = fetch;
      c.setAttribute('render-interval', '0');
    });
    const shown = shownAtEachChunk(chat);
    await chat.send('Go');
    await waitIdle(chat);
    // Each text chunk's event sees that chunk's word already in the transcript.
    for (let i = 0; i < 30; i++)
      expect(shown.some((text) => text.endsWith(`w${i}`) || text.endsWith(`w${i} `))).to.equal(
        true,
        `w${i}`,
      );
  });

  it('shows everything that arrived when the user stops, however long the interval', async () => {
    const { fetch } = createScriptedFetch([textReply(words(400), { delayMs: 10 })]);
    const chat = await createChat((c) => {
      c.fetch = fetch;
      c.renderInterval = 60_000;
    });
    let received = '';
    chat.addEventListener('tool-agent-chunk', (event) => {
      received += event.detail.chunk.chunk ?? '';
    });
    void chat.send('Go');
    await waitFor(() => received.length > 40, 'some text to arrive');
    chat.stop();
    await waitIdle(chat);
    expect(received.trim()).to.not.equal('');
    expect(answerShown(chat)).to.equal(received.trim());
  });
});
