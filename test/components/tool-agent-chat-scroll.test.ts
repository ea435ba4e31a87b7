import { expect } from 'chai';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import type { ToolAgentChat } from '../../components/index.js';
import {
  axeViolations,
  checkAxeThenRemoveChats,
  createChat,
  find,
  waitFor,
  waitForPart,
} from './chat-test-utils.js';

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

const distanceFromBottom = (view: HTMLElement): number =>
  view.scrollHeight - view.scrollTop - view.clientHeight;

const lines = (word: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${word} ${i}\n\n`);

/**
 * A fetch whose answer streams `before`, then waits for `resume()` (the turn still running), then
 * streams `after` with a pause between events, so a test can scroll while the answer grows.
 */
function pausedAnswer(
  before: string[],
  after: string[],
): { fetch: typeof fetch; resume: () => void } {
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  const encoder = new TextEncoder();
  const events = (pieces: string[]): string[] =>
    (textReply(pieces).chunks ?? []).map((chunk) =>
      String((chunk as { text?: string }).text ?? ''),
    );
  const head = events(before);
  // Drop the finish and [DONE] events of the first half: the answer goes on after the pause.
  const firstHalf = head.filter(
    (event) => !event.includes('finish_reason":"stop') && !event.includes('[DONE]'),
  );
  const secondHalf = events(after).filter((event) => !event.includes('"role"'));
  const fetchImpl = (async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const event of firstHalf) controller.enqueue(encoder.encode(event));
          await resumed;
          for (const event of secondHalf) {
            await new Promise((resolve) => setTimeout(resolve, 10));
            controller.enqueue(encoder.encode(event));
          }
          controller.close();
        },
      }),
      { headers: { 'content-type': 'text/event-stream' } },
    )) as typeof fetch;
  return { fetch: fetchImpl, resume };
}

/** A chat in a 300 px box streaming a paused answer, once the view followed its first part to the bottom. */
async function followedPausedAnswer(
  more: number,
  strings?: Partial<ToolAgentChat['strings']>,
): Promise<{ chat: ToolAgentChat; view: HTMLElement; sent: Promise<unknown>; resume: () => void }> {
  const { fetch, resume } = pausedAnswer(lines('Line', 40), lines('More', more));
  const chat = await createChat((c) => {
    c.fetch = fetch;
    c.style.height = '300px';
    if (strings) c.strings = strings;
  });
  const view = find(chat, '[part~="transcript"]')!;
  const sent = chat.send('Go');
  await waitFor(() => view.textContent?.includes('Line 39'), 'the first part of the answer');
  await waitFor(() => distanceFromBottom(view) < 40, 'the view to follow to the bottom');
  return { chat, view, sent, resume };
}

describe('<tool-agent-chat> scroll-to-bottom button', () => {
  afterEach(checkAxeThenRemoveChats);

  it('is not shown while the reader stays at the bottom of a streaming answer', async () => {
    const { fetch } = createScriptedFetch([textReply(lines('Line', 60), { delayMs: 5 })]);
    const chat = await createChat((c) => {
      c.fetch = fetch;
      c.style.height = '300px';
    });
    const view = find(chat, '[part~="transcript"]')!;
    const sent = chat.send('Go');
    let seenButton = false;
    while (chat.running) {
      await frame();
      if (find(chat, '[part~="scroll-button"]')) seenButton = true;
    }
    await sent;
    await frame();
    await frame();
    expect(seenButton, 'the button never showed').to.equal(false);
    expect(distanceFromBottom(view)).to.be.lessThan(40, 'the view followed the answer');
    expect(await axeViolations(chat)).to.deep.equal([]);
  });

  it('appears when the reader scrolls up while an answer streams, says that new content arrived, and follows again when used', async () => {
    const { chat, view, sent, resume } = await followedPausedAnswer(20);
    expect(find(chat, '[part~="scroll-button"]')).to.equal(null);

    view.scrollTop = 0;
    const button = await waitForPart<HTMLButtonElement>(chat, '[part~="scroll-button"]');
    expect(button.dataset['state']).to.equal('away');
    expect(button.textContent?.trim()).to.equal('Jump to the latest');
    expect(button.closest('[aria-live="polite"]'), 'announced politely').to.exist;
    expect(await axeViolations(chat)).to.deep.equal([]);

    resume();
    await waitFor(() => view.textContent?.includes('More 2'), 'more of the answer');
    await waitFor(() => button.dataset['state'] === 'new', 'the button to say new content arrived');
    expect(button.textContent?.trim()).to.equal('New messages below');
    expect(view.scrollTop).to.equal(0, 'the reader stays where they scrolled');
    expect(await axeViolations(chat)).to.deep.equal([]);

    // Keyboard: focus the button and press it as a keyboard user would (Enter clicks a button).
    button.focus();
    button.click();
    await waitFor(() => find(chat, '[part~="scroll-button"]') === null, 'the button to go away');
    await frame();
    await frame();
    expect(distanceFromBottom(view)).to.be.lessThan(40, 'at the bottom');
    expect(chat.shadowRoot?.activeElement, 'focus continues in the log').to.equal(view);
    await waitFor(() => view.textContent?.includes('More 12'), 'the answer to go on');
    await frame();
    await frame();
    expect(distanceFromBottom(view)).to.be.lessThan(40, 'following again');
    await sent;
    await frame();
    await frame();
    expect(distanceFromBottom(view)).to.be.lessThan(40, 'at the bottom at the end');
    expect(find(chat, '[part~="scroll-button"]')).to.equal(null);
    expect(await axeViolations(chat)).to.deep.equal([]);
  });

  it('takes its words from the strings, in both states', async () => {
    const { chat, view, sent, resume } = await followedPausedAnswer(10, {
      scrollToLatest: '⟦Zum Neuesten⟧',
      newMessagesBelow: '⟦Neues unten⟧',
    });
    view.scrollTop = 0;
    const button = await waitForPart<HTMLButtonElement>(chat, '[part~="scroll-button"]');
    expect(button.textContent?.trim()).to.equal('⟦Zum Neuesten⟧');
    resume();
    await waitFor(() => button.dataset['state'] === 'new', 'new content below');
    expect(button.textContent?.trim()).to.equal('⟦Neues unten⟧');
    await sent;
  });

  it('goes away, following again, when the reader scrolls back down by hand', async () => {
    const { chat, view, sent, resume } = await followedPausedAnswer(30);
    view.scrollTop = 0;
    await waitForPart(chat, '[part~="scroll-button"]');
    view.scrollTop = view.scrollHeight;
    await waitFor(() => find(chat, '[part~="scroll-button"]') === null, 'the button to go away');
    resume();
    await sent;
    await frame();
    await frame();
    expect(distanceFromBottom(view)).to.be.lessThan(40, 'followed to the end');
  });
});

describe('<tool-agent-chat> following the bottom', () => {
  afterEach(checkAxeThenRemoveChats);

  it('follows answers that arrive all at once, right as the view jumps to them', async () => {
    // A new answer is skipped (content-visibility) until its first frame, and the view jumps to
    // the bottom then: space held for it that vanished a frame later once read as the reader
    // scrolling up, and about every other such answer was not followed.
    const replies = Array.from({ length: 6 }, (_, i) => textReply(lines(`Answer ${i} line`, 30)));
    const scripted = createScriptedFetch(replies);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.style.height = '300px';
    });
    const view = find(chat, '[part~="transcript"]')!;
    for (let i = 0; i < replies.length; i++) {
      await chat.send(`question ${i}`);
      await frame();
      await frame();
      expect(distanceFromBottom(view), `answer ${i} followed`).to.be.lessThan(40);
      expect(find(chat, '[part~="scroll-button"]'), `no button after answer ${i}`).to.equal(null);
    }
    expect(await axeViolations(chat)).to.deep.equal([]);
  });
});
