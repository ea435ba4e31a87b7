import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';
import {
  ToolAgentChat,
  ToolAgentChunkEvent,
  ToolAgentResponseEvent,
  ToolAgentSubmitEvent,
} from '../../components/index.js';
import {
  assistantText,
  axeViolations,
  createChat,
  find,
  findAll,
  recordEvents,
  checkAxeThenRemoveChats,
  root,
  typeAndSend,
  waitFor,
  waitForPart,
  waitIdle,
} from './chat-test-utils.js';

describe('<tool-agent-chat>', () => {
  afterEach(checkAxeThenRemoveChats);

  it('is registered and typed in HTMLElementTagNameMap', () => {
    const chat = document.createElement('tool-agent-chat');
    expect(chat).to.be.instanceOf(ToolAgentChat);
    expect(customElements.get('tool-agent-chat')).to.equal(ToolAgentChat);
  });

  it('streams an answer over real HTTP and renders it as markdown', async () => {
    const mock = await mockServer.script([
      textReply(['Hello ', '**world**', ', a [link](https://example.com).'], { delayMs: 20 }),
    ]);
    const chat = await createChat((c) => {
      c.setAttribute('base-url', mock.baseURL);
      c.setAttribute('model', 'test-model');
    });
    await chat.send('Hi');
    expect(assistantText(chat)).to.equal('Assistant said: Hello world, a link.');
    expect(find(chat, '[part~="assistant-message"] strong')?.textContent).to.equal('world');
    const link = find<HTMLAnchorElement>(chat, '[part~="assistant-message"] a');
    expect(link?.href).to.equal('https://example.com/');
    const [request] = await mock.requests();
    expect(request?.body).to.deep.include({ model: 'test-model', stream: true });
    expect(request?.headers['authorization']).to.equal(undefined);
  });

  it('never re-creates text already on screen while streaming', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fetch } = createScriptedFetch(async (_request, index) => {
      if (index === 0) await gate;
      // Paced like a model, so the paced transcript shows the first paragraph while the rest streams.
      return textReply(['First paragraph.\n\n', 'Second ', 'paragraph.'], { delayMs: 120 });
    });
    const chat = await createChat((c) => (c.fetch = fetch));
    const seen: Node[] = [];
    chat.addEventListener('tool-agent-chunk', (event) => {
      if (event.detail.chunk.type !== 'text-delta') return;
      const paragraph = find(chat, '[part~="assistant-message"] p');
      if (paragraph) seen.push(paragraph);
    });
    const done = chat.send('Go');
    release();
    await done;
    const paragraphs = findAll(chat, '[part~="assistant-message"] p');
    expect(paragraphs.map((p) => p.textContent)).to.deep.equal([
      'First paragraph.',
      'Second paragraph.',
    ]);
    expect(seen.length).to.be.greaterThan(0);
    for (const node of seen) expect(node).to.equal(paragraphs[0]);
  });

  it('fires submit, one chunk event per library chunk, and the response event', async () => {
    const { fetch } = createScriptedFetch([textReply(['One', ' two'])]);
    const chat = await createChat((c) => (c.fetch = fetch));
    const events = recordEvents(chat, [
      'tool-agent-submit',
      'tool-agent-chunk',
      'tool-agent-response',
    ]);
    const outer: Event[] = recordEvents(document.body, ['tool-agent-response']);
    await typeAndSend(chat, 'Count');
    await waitFor(
      () => events.some((e) => e instanceof ToolAgentResponseEvent),
      'the response event',
    );
    const submit = events[0];
    expect(submit).to.be.instanceOf(ToolAgentSubmitEvent);
    expect((submit as ToolAgentSubmitEvent).detail.text).to.equal('Count');
    expect(submit?.cancelable && submit.bubbles && submit.composed).to.equal(true);
    const chunks = events
      .filter((e): e is ToolAgentChunkEvent => e instanceof ToolAgentChunkEvent)
      .map((e) => e.detail.chunk.type);
    expect(chunks).to.deep.equal(['text-delta', 'text-delta', 'finish']);
    const response = events.at(-1) as ToolAgentResponseEvent;
    expect(response.detail.response.response).to.equal('One two');
    expect(outer).to.have.length(1);
    expect(chat.messages.map((m) => m.role)).to.deep.equal(['user', 'assistant']);
  });

  it('sends nothing when the submit event is cancelled, and keeps the text', async () => {
    const scripted = createScriptedFetch([textReply('never')]);
    const chat = await createChat((c) => (c.fetch = scripted.fetch));
    chat.addEventListener('tool-agent-submit', (event) => event.preventDefault());
    await typeAndSend(chat, 'Keep me');
    await chat.updateComplete;
    expect(scripted.requests).to.have.length(0);
    expect(find<HTMLTextAreaElement>(chat, '[part~="input"]')?.value).to.equal('Keep me');
    expect(chat.messages).to.have.length(0);
  });

  it('sends on Enter, adds a line on Shift+Enter, and clears the input', async () => {
    const scripted = createScriptedFetch([textReply('ok')]);
    const chat = await createChat((c) => (c.fetch = scripted.fetch));
    const input = await waitForPart<HTMLTextAreaElement>(chat, '[part~="input"]');
    input.value = 'line one';
    const shiftEnter = new KeyboardEvent('keydown', {
      key: 'Enter',
      shiftKey: true,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    input.dispatchEvent(shiftEnter);
    expect(shiftEnter.defaultPrevented).to.equal(false);
    expect(scripted.requests).to.have.length(0);
    await typeAndSend(chat, 'line one\nline two');
    await waitIdle(chat);
    expect(input.value).to.equal('');
    expect(find(chat, '[part~="user-message"]')?.textContent).to.contain('line one\nline two');
    expect(scripted.requests).to.have.length(1);
  });

  it('sends the system prompt, temperature and max tokens from attributes', async () => {
    const scripted = createScriptedFetch([textReply('ok')]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.setAttribute('system-prompt', 'Be brief.');
      c.setAttribute('temperature', '0.3');
      c.setAttribute('max-tokens', '64');
      c.settings = { topP: 0.5 };
    });
    await chat.send('Hi');
    const body = scripted.requests[0]?.body as {
      messages: { role: string; content: unknown }[];
      temperature: number;
      max_tokens: number;
      top_p: number;
    };
    expect(body.messages[0]).to.deep.include({ role: 'system', content: 'Be brief.' });
    expect(body.temperature).to.equal(0.3);
    expect(body.max_tokens).to.equal(64);
    expect(body.top_p).to.equal(0.5);
    expect(chat.messages.map((m) => m.role)).to.deep.equal(
      ['user', 'assistant'],
      'the system prompt is not stored',
    );
  });

  it('shows the empty slot until the first message, and restores messages set as a property', async () => {
    const chat = await createChat((c) => {
      const empty = document.createElement('p');
      empty.slot = 'empty';
      empty.textContent = 'Ask me anything';
      c.append(empty);
    });
    const slot = find<HTMLSlotElement>(chat, 'slot[name="empty"]');
    expect(slot?.assignedElements()[0]?.textContent).to.equal('Ask me anything');
    chat.messages = [
      ChatMessage.createUserMessage('Earlier question'),
      ChatMessage.createAssistantMessage('An *earlier* answer'),
    ];
    await chat.updateComplete;
    expect(find(chat, 'slot[name="empty"]')).to.equal(null);
    expect(find(chat, '[part~="assistant-message"] em')?.textContent).to.equal('earlier');
    expect(chat.history.getMessages()).to.have.length(2);
  });

  it('is a log region that is busy while streaming and announces each finished answer once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fetch } = createScriptedFetch(async () => {
      await gate;
      return textReply(['Done ', 'now.']);
    });
    const chat = await createChat((c) => (c.fetch = fetch));
    const log = find(chat, '[role="log"]');
    expect(log?.getAttribute('aria-label')).to.equal('Conversation');
    const done = chat.send('Go');
    await chat.updateComplete;
    expect(log?.getAttribute('aria-busy')).to.equal('true');
    expect(chat.matches(':state(busy)')).to.equal(true);
    expect(await axeViolations(chat)).to.deep.equal([]);
    release();
    await done;
    await chat.updateComplete;
    expect(log?.getAttribute('aria-busy')).to.equal('false');
    expect(chat.matches(':state(busy)')).to.equal(false);
    const status = find(chat, '[role="status"]');
    expect(status?.getAttribute('aria-live')).to.equal('polite');
    expect(status?.textContent?.trim()).to.equal('Assistant: Done now.');
  });

  it('follows the stream only while the reader is at the bottom', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Line ${i}\n\n`);
    const scripted = createScriptedFetch([textReply(long), textReply(long, { delayMs: 30 })]);
    const chat = await createChat((c) => {
      c.fetch = scripted.fetch;
      c.style.height = '300px';
    });
    const view = find(chat, '[part~="transcript"]')!;
    await chat.send('first');
    await waitFor(
      () => view.scrollHeight - view.scrollTop - view.clientHeight < 40,
      'the view to follow to the bottom',
    );
    const second = chat.send('second');
    await waitFor(
      () => assistantText(chat).split('Line 3').length > 2,
      'the second answer to start',
    );
    view.scrollTop = 0;
    view.dispatchEvent(new Event('scroll'));
    await second;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(view.scrollTop).to.equal(0);
  });

  it('has no axe violations, shadow DOM included (and axe does look inside)', async () => {
    const chat = await createChat((c) => c.setAttribute('heading', 'Assistant'));
    expect(await axeViolations(chat)).to.deep.equal([]);
    // A deliberate violation inside the shadow root proves axe sees into it.
    const bad = document.createElement('input');
    root(chat).append(bad);
    const violations = await axeViolations(chat);
    bad.remove();
    expect(violations.join('\n')).to.contain('label');
  });
});

describe('<tool-agent-chat> upgrade', () => {
  afterEach(checkAxeThenRemoveChats);

  it('takes apiKey and messages set before the element was defined', async () => {
    const tag = 'tool-agent-chat-upgrade-test';
    const element = document.createElement(tag) as HTMLElement & {
      apiKey?: string;
      messages?: readonly ChatMessage[];
    };
    element.apiKey = 'sk-set-early';
    element.messages = [
      ChatMessage.createUserMessage('Early'),
      ChatMessage.createAssistantMessage('Restored'),
    ];
    document.body.append(element);
    customElements.define(tag, class extends ToolAgentChat {});
    const chat = element as unknown as ToolAgentChat;
    await chat.updateComplete;
    expect(Object.hasOwn(chat, 'apiKey') || Object.hasOwn(chat, 'messages')).to.equal(false);
    expect(chat.apiKey).to.equal('sk-set-early');
    expect(find(chat, '[part~="assistant-message"]')?.textContent).to.contain('Restored');
    chat.remove();
  });
});
