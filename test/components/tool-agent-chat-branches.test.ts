import { expect } from 'chai';
import { createScriptedFetch, textReply, type RecordedRequest } from '../../src/testing/index.js';
import {
  ToolAgentBranchEvent,
  ToolAgentSendEvent,
  ToolAgentStopEvent,
  type ToolAgentChat,
} from '../../components/index.js';
import {
  checkAxeThenRemoveChats,
  createChat,
  find,
  findAll,
  recordEvents,
  root,
  slowReply,
  typeAndSend,
  waitFor,
  waitForPart,
  waitIdle,
} from './chat-test-utils.js';

const key = 'tool-agent-chat-test:branches';

/** Two exchanges as first sent, answered in order. */
const firstBranch = ['user: first', 'assistant: answer 0', 'user: second', 'assistant: answer 1'];

/** What a request sent the model, as `role: text` lines. */
function sent(request: RecordedRequest | undefined): string[] {
  const body = request?.body as { messages: { role: string; content: unknown }[] } | undefined;
  return (body?.messages ?? []).map(
    (message) =>
      `${message.role}: ${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`,
  );
}

/** The transcript as `role: text` lines (message text only, controls left out). */
function shown(chat: ToolAgentChat): string[] {
  return findAll(chat, '.message').map((message) => {
    const role = message.classList.contains('user') ? 'user' : 'assistant';
    const text = message.classList.contains('user')
      ? (message.querySelector('.bubble')?.textContent ?? '')
      : [...message.querySelectorAll('.markdown')].map((node) => node.textContent).join(' ');
    return `${role}: ${text.trim()}`;
  });
}

/** The message element of exchange `at`. */
function message(chat: ToolAgentChat, kind: 'user' | 'assistant', at: number): HTMLElement {
  const element = find(chat, `.message.${kind}[data-exchange="${at}"]`);
  if (!element) throw new Error(`no ${kind} message ${at}`);
  return element;
}

function button(element: HTMLElement, part: string): HTMLButtonElement {
  const found = element.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!found) throw new Error(`no ${part}`);
  return found;
}

function pager(element: HTMLElement): string | undefined {
  return element.querySelector('[part~="version-pager"]')?.getAttribute('aria-label') ?? undefined;
}

/** Opens the edit box of user message `at`, types `text` and presses Enter. */
async function editAndSend(chat: ToolAgentChat, at: number, text: string): Promise<void> {
  if (!message(chat, 'user', at).querySelector('[part~="edit-form"]'))
    button(message(chat, 'user', at), 'edit-button').click();
  const input = await waitForPart<HTMLTextAreaElement>(chat, '[part~="edit-input"]');
  input.value = text;
  input.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }),
  );
}

/** A chat whose model answers `answer n` to its n-th request, recording what it was sent. */
async function chatAnswering(
  setup: (chat: ToolAgentChat) => void = () => undefined,
): Promise<{ chat: ToolAgentChat; requests: RecordedRequest[] }> {
  const scripted = createScriptedFetch((_request, index) => textReply(`answer ${index}`));
  const chat = await createChat((c) => {
    c.fetch = scripted.fetch;
    setup(c);
  });
  return { chat, requests: scripted.requests };
}

describe('<tool-agent-chat> branches', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(async () => {
    await checkAxeThenRemoveChats();
    localStorage.removeItem(key);
  });

  it('Edit sends a new version beside the old one, and the model sees only the visible branch', async () => {
    const { chat, requests } = await chatAnswering();
    const events = recordEvents(chat, ['tool-agent-branch', 'tool-agent-send']);
    await chat.send('first');
    await chat.send('second');
    expect(pager(message(chat, 'user', 0)), 'no pager with one version').to.equal(undefined);

    await editAndSend(chat, 0, 'first, edited');
    await waitIdle(chat);
    expect(shown(chat)).to.deep.equal(['user: first, edited', 'assistant: answer 2']);
    expect(sent(requests[2])).to.deep.equal(['user: first, edited']);
    expect(pager(message(chat, 'user', 0))).to.equal('Version 2 of 2');
    expect(
      message(chat, 'user', 0).querySelector('[part~="version-position"]')?.textContent,
    ).to.equal('2/2');
    expect(root(chat).activeElement, 'focus back in the composer').to.equal(
      find(chat, '[part~="input"]'),
    );
    const branch = events.find((event) => event instanceof ToolAgentBranchEvent);
    expect(branch?.detail).to.deep.equal({
      action: 'edit',
      exchange: 0,
      side: 'message',
      index: 1,
      count: 2,
    });
    expect(
      events
        .filter((event) => event instanceof ToolAgentSendEvent)
        .map((event) => event.detail.source),
    ).to.deep.equal(['method', 'method', 'edit']);

    // Back to the first version: the whole old branch is there again, and the next message continues it.
    button(message(chat, 'user', 0), 'previous-version-button').click();
    await chat.updateComplete;
    expect(shown(chat)).to.deep.equal(firstBranch);
    expect(pager(message(chat, 'user', 0))).to.equal('Version 1 of 2');
    await waitFor(
      () =>
        root(chat).activeElement ===
        message(chat, 'user', 0).querySelector('[part~="next-version-button"]'),
      'focus on the enabled pager button',
    );
    await chat.send('third');
    expect(sent(requests[3])).to.deep.equal([
      'user: first',
      'assistant: answer 0',
      'user: second',
      'assistant: answer 1',
      'user: third',
    ]);
  });

  it('Escape closes the edit box without sending and gives focus back to Edit', async () => {
    const { chat, requests } = await chatAnswering();
    await chat.send('keep me');
    button(message(chat, 'user', 0), 'edit-button').click();
    const input = await waitForPart<HTMLTextAreaElement>(chat, '[part~="edit-input"]');
    await waitFor(() => root(chat).activeElement === input, 'focus in the edit box');
    expect(input.value).to.equal('keep me');
    input.value = 'changed my mind';
    input.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Escape',
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await chat.updateComplete;
    expect(find(chat, '[part~="edit-form"]')).to.equal(null);
    expect(shown(chat)[0]).to.equal('user: keep me');
    await waitFor(
      () => root(chat).activeElement === find(chat, '[part~="edit-button"]'),
      'focus back on Edit',
    );
    expect(requests).to.have.length(1);
  });

  it('an empty or refused edit stays open and sends nothing', async () => {
    const { chat, requests } = await chatAnswering();
    await chat.send('hello');
    chat.addEventListener('tool-agent-send', (event) => {
      if (event.detail.text.includes('forbidden')) event.preventDefault();
    });
    await editAndSend(chat, 0, '   ');
    await chat.updateComplete;
    expect(find(chat, '[part~="edit-form"]')).to.exist;
    await editAndSend(chat, 0, 'forbidden words');
    await chat.updateComplete;
    expect(find(chat, '[part~="edit-form"]')).to.exist;
    expect(requests).to.have.length(1);
    find<HTMLButtonElement>(chat, '[part~="cancel-edit-button"]')?.click();
    await chat.updateComplete;
    expect(find(chat, '[part~="edit-form"]')).to.equal(null);
  });

  it('Regenerate asks again for the same message and pages between the answers', async () => {
    const { chat, requests } = await chatAnswering();
    const events = recordEvents(chat, ['tool-agent-branch']);
    await chat.send('first');
    await chat.send('second');
    button(message(chat, 'assistant', 0), 'regenerate-button').click();
    await waitFor(() => requests.length === 3, 'the regeneration request');
    await waitIdle(chat);
    expect(sent(requests[2])).to.deep.equal(['user: first']);
    expect(shown(chat)).to.deep.equal(['user: first', 'assistant: answer 2']);
    expect(pager(message(chat, 'assistant', 0))).to.equal('Version 2 of 2');
    expect(pager(message(chat, 'user', 0)), 'the message itself has one version').to.equal(
      undefined,
    );
    expect(events.map((event) => (event as ToolAgentBranchEvent).detail)).to.deep.equal([
      { action: 'regenerate', exchange: 0, side: 'answer', index: 1, count: 2 },
    ]);

    button(message(chat, 'assistant', 0), 'previous-version-button').click();
    await chat.updateComplete;
    expect(shown(chat)).to.deep.equal(firstBranch);
    expect((events.at(-1) as ToolAgentBranchEvent).detail).to.deep.equal({
      action: 'select',
      exchange: 0,
      side: 'answer',
      index: 0,
      count: 2,
    });
  });

  it('a cancelled tool-agent-branch leaves the conversation as it is', async () => {
    const { chat, requests } = await chatAnswering();
    await chat.send('first');
    chat.addEventListener('tool-agent-branch', (event) => event.preventDefault());
    button(message(chat, 'assistant', 0), 'regenerate-button').click();
    await editAndSend(chat, 0, 'edited');
    await chat.updateComplete;
    expect(requests).to.have.length(1);
    expect(find(chat, '[part~="edit-form"]'), 'the edit stays open').to.exist;
    find<HTMLButtonElement>(chat, '[part~="cancel-edit-button"]')?.click();
    await chat.updateComplete;
    expect(shown(chat)).to.deep.equal(['user: first', 'assistant: answer 0']);
    expect(pager(message(chat, 'assistant', 0))).to.equal(undefined);
  });

  it('Edit, Regenerate and the pager wait while a turn runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const scripted = createScriptedFetch(async (_request, index) => {
      if (index === 2) await gate;
      return textReply(`answer ${index}`);
    });
    const chat = await createChat((c) => (c.fetch = scripted.fetch));
    await chat.send('one');
    button(message(chat, 'assistant', 0), 'regenerate-button').click();
    await waitIdle(chat);
    void chat.send('two');
    await waitFor(() => chat.running && scripted.requests.length === 3, 'the running turn');
    await chat.updateComplete;
    expect(button(message(chat, 'user', 0), 'edit-button').disabled).to.equal(true);
    expect(button(message(chat, 'assistant', 0), 'regenerate-button').disabled).to.equal(true);
    expect(button(message(chat, 'assistant', 0), 'previous-version-button').disabled).to.equal(
      true,
    );
    expect(find(chat, '.message.assistant[data-exchange="1"] [part~="message-actions"]')).to.equal(
      null,
    );
    release();
    await waitIdle(chat);
    expect(button(message(chat, 'assistant', 0), 'previous-version-button').disabled).to.equal(
      false,
    );
  });

  it('restores the branches from storage with the second version shown, and continues it', async () => {
    const first = await chatAnswering((c) => c.setAttribute('storage-key', key));
    await first.chat.send('first');
    await first.chat.send('second');
    await editAndSend(first.chat, 1, 'second, edited');
    await waitIdle(first.chat);
    button(message(first.chat, 'assistant', 0), 'regenerate-button').click();
    await waitFor(() => first.requests.length === 4, 'the regeneration');
    await waitIdle(first.chat);
    // Back to the first answer, whose fork still shows the edited message.
    button(message(first.chat, 'assistant', 0), 'previous-version-button').click();
    await first.chat.updateComplete;
    first.chat.remove();

    const { chat, requests } = await chatAnswering((c) => c.setAttribute('storage-key', key));
    await waitFor(() => shown(chat).length === 4, 'the restored conversation');
    expect(shown(chat)).to.deep.equal([
      'user: first',
      'assistant: answer 0',
      'user: second, edited',
      'assistant: answer 2',
    ]);
    expect(pager(message(chat, 'user', 1))).to.equal('Version 2 of 2');
    expect(pager(message(chat, 'assistant', 0))).to.equal('Version 1 of 2');

    button(message(chat, 'user', 1), 'previous-version-button').click();
    await chat.updateComplete;
    expect(shown(chat).slice(2)).to.deep.equal(['user: second', 'assistant: answer 1']);
    await chat.send('third');
    expect(sent(requests[0])).to.deep.equal([
      'user: first',
      'assistant: answer 0',
      'user: second',
      'assistant: answer 1',
      'user: third',
    ]);
    // What was shown last is what a reload shows.
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as {
      version: number;
      branches?: unknown;
    };
    expect(saved.version).to.equal(2);
    expect(saved.branches).to.exist;
  });

  it('a restored version whose answer never arrived offers Retry', async () => {
    const first = await chatAnswering((c) => c.setAttribute('storage-key', key));
    await first.chat.send('question');
    first.chat.fetch = createScriptedFetch([]).fetch;
    first.chat.setAttribute('max-retries', '0');
    button(message(first.chat, 'assistant', 0), 'regenerate-button').click();
    await waitForPart(first.chat, '[part~="retry-button"]');
    first.chat.remove();

    const { chat } = await chatAnswering((c) => c.setAttribute('storage-key', key));
    await waitForPart(chat, '[part~="retry-button"]');
    expect(pager(message(chat, 'assistant', 0))).to.equal('Version 2 of 2');
    button(message(chat, 'assistant', 0), 'previous-version-button').click();
    await chat.updateComplete;
    expect(find(chat, '[part~="retry-button"]')).to.equal(null);
    expect(shown(chat)).to.deep.equal(['user: question', 'assistant: answer 0']);
    button(message(chat, 'assistant', 0), 'next-version-button').click();
    await waitForPart(chat, '[part~="retry-button"]');
    find<HTMLButtonElement>(chat, '[part~="retry-button"]')?.click();
    await waitIdle(chat);
    expect(shown(chat)).to.deep.equal(['user: question', 'assistant: answer 0']);
    expect(pager(message(chat, 'assistant', 0))).to.equal('Version 2 of 2');
  });
});

describe('<tool-agent-chat> send and stop events', () => {
  afterEach(checkAxeThenRemoveChats);

  it('tool-agent-send lets the page change or refuse a message from the composer and send()', async () => {
    const { chat, requests } = await chatAnswering();
    chat.addEventListener('tool-agent-send', (event) => {
      if (event.detail.text === 'no') event.preventDefault();
      else event.detail.text = `${event.detail.text} (via ${event.detail.source})`;
    });
    await typeAndSend(chat, 'typed');
    await waitIdle(chat);
    expect(sent(requests[0])).to.deep.equal(['user: typed (via composer)']);
    expect(shown(chat)[0]).to.equal('user: typed (via composer)');

    await typeAndSend(chat, 'no');
    await chat.updateComplete;
    expect(
      find<HTMLTextAreaElement>(chat, '[part~="input"]')?.value,
      'kept in the composer',
    ).to.equal('no');
    expect(await chat.send('no')).to.equal(undefined);
    expect(requests).to.have.length(1);
    await chat.send('called');
    expect(sent(requests[1]).at(-1)).to.equal('user: called (via method)');
  });

  it('fires tool-agent-submit before tool-agent-send, and a cancelled submit sends nothing', async () => {
    const { chat, requests } = await chatAnswering();
    const events = recordEvents(chat, ['tool-agent-submit', 'tool-agent-send']);
    await typeAndSend(chat, 'hello');
    await waitIdle(chat);
    expect(events.map((event) => event.type)).to.deep.equal([
      'tool-agent-submit',
      'tool-agent-send',
    ]);
    chat.addEventListener('tool-agent-submit', (event) => event.preventDefault());
    await typeAndSend(chat, 'again');
    await chat.updateComplete;
    expect(events.map((event) => event.type)).to.deep.equal([
      'tool-agent-submit',
      'tool-agent-send',
      'tool-agent-submit',
    ]);
    expect(requests).to.have.length(1);
  });

  it('tool-agent-stop fires once when the user stops a turn', async () => {
    const scripted = createScriptedFetch([slowReply()]);
    const chat = await createChat((c) => (c.fetch = scripted.fetch));
    const events = recordEvents(chat, ['tool-agent-stop']);
    chat.stop();
    expect(events, 'nothing to stop').to.have.length(0);
    void chat.send('talk');
    await waitForPart(chat, '[part~="stop-button"]');
    find<HTMLButtonElement>(chat, '[part~="stop-button"]')?.click();
    chat.stop();
    await waitIdle(chat);
    expect(events).to.have.length(1);
    expect(events[0]).to.be.instanceOf(ToolAgentStopEvent);
    expect(events[0]?.bubbles && events[0].composed).to.equal(true);
  });
});
