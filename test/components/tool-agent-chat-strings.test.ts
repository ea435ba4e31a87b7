import { expect } from 'chai';
import * as z from 'zod';
import { defaultChatStrings, type ChatStrings } from '../../components/index.js';
import { ChatMessage, FunctionTool } from '../../src/index.js';
import {
  createScriptedFetch,
  errorReply,
  textReply,
  toolCallReply,
} from '../../src/testing/index.js';
import {
  checkAxeThenRemoveChats,
  createChat,
  find,
  root,
  typeAndSend,
  waitFor,
  waitForPart,
  waitIdle,
} from './chat-test-utils.js';
import type { ToolAgentChat } from '../../components/index.js';
import { imageFile, textFile, transfer } from './attachments/test-files.js';

const open = '⟦';
const close = '⟧';

/** Every default wrapped in markers; functions wrap what they return. */
function pseudoStrings(): ChatStrings {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(defaultChatStrings)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...values: unknown[]) =>
            `${open}${String((value as (...a: unknown[]) => unknown)(...values))}${close}`
        : `${open}${String(value)}${close}`;
  }
  return wrapped as unknown as ChatStrings;
}

// Text the model, the tools, the page or the library wrote: data, not the element's words.
const dataContainers = [
  '.bubble',
  '.tool-agent-markdown',
  '[part~="tool-name"]',
  '[part~="tool-argument-list"]',
  '[part~="hidden-char"]',
  '.tool-denial-reason',
  '.attachment-name',
  'pre',
  'style',
].join(', ');

/**
 * Every text node, `aria-label`, `title` and `placeholder` in the shadow root that holds a
 * letter and is neither data nor wrapped in markers: English that escaped the strings object.
 */
function unwrappedText(chat: ToolAgentChat, data: readonly string[] = []): string[] {
  const escaped: string[] = [];
  const check = (text: string | null, where: string): void => {
    const trimmed = (text ?? '').trim();
    if (!/\p{L}/u.test(trimmed) || data.includes(trimmed)) return;
    if (trimmed.startsWith(open) && trimmed.endsWith(close)) return;
    escaped.push(`${where}: ${JSON.stringify(trimmed)}`);
  };
  const walker = document.createTreeWalker(
    root(chat),
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      if (!node.parentElement?.closest(dataContainers)) check(node.data, 'text');
    } else if (node instanceof Element && !node.closest('[part~="hidden-char"]')) {
      for (const name of ['aria-label', 'title', 'placeholder'])
        if (node.hasAttribute(name)) check(node.getAttribute(name), `${node.localName}[${name}]`);
    }
  }
  return escaped;
}

function expectAllWrapped(chat: ToolAgentChat, state: string, data?: readonly string[]): void {
  expect(unwrappedText(chat, data), `English text in the ${state} state`).to.deep.equal([]);
}

describe('<tool-agent-chat> strings', () => {
  const key = 'tool-agent-chat-strings-test';
  afterEach(async () => {
    localStorage.removeItem(key);
    await checkAxeThenRemoveChats();
  });

  it('shows no English in any state once every string is overridden (pseudo-locale)', async () => {
    const strings = pseudoStrings();
    const ok = new FunctionTool({
      name: 'ok',
      description: 'Succeeds',
      parameters: z.object({ text: z.string(), note: z.string() }),
      execute: () => ({ fine: true }),
    });
    const bad = new FunctionTool({
      name: 'bad',
      description: 'Fails',
      parameters: z.object({}),
      execute: () => {
        throw new Error('broken');
      },
    });
    const ask = new FunctionTool({
      name: 'ask',
      description: 'Asks first',
      parameters: z.object({ item: z.string() }),
      requiresApproval: true,
      execute: () => 'ran',
    });
    const slow = Array.from({ length: 80 }, (_, i) => `w${i} `);
    const scripted = createScriptedFetch([
      toolCallReply([
        { name: 'ok', arguments: { text: 'a\u202Eb', note: '' } },
        { name: 'bad', arguments: {} },
        { name: 'ask', arguments: { item: 'milk' } },
      ]),
      textReply(['Done:\n\n```js\nlet x = 1;\n```\n'], { reasoning: 'Hmm.' }),
      errorReply(500, ''),
      textReply(slow, { delayMs: 80 }),
    ]);
    const chat = await createChat((c) => {
      c.strings = strings;
      c.fetch = scripted.fetch;
      c.tools = [ok, bad, ask];
      c.setAttribute('max-retries', '0');
    });

    expectAllWrapped(chat, 'empty');

    await typeAndSend(chat, 'Go');
    await waitForPart(chat, '[part~="approve-button"]');
    await waitFor(() => find(chat, '[part~="tool-failed"]'), 'the failed card');
    expect(find(chat, '[part~="tool-hidden-note"]'), 'the hidden-characters note').to.exist;
    expectAllWrapped(chat, 'approval', ['Go']);

    find<HTMLButtonElement>(chat, '[part~="deny-button"]')?.click();
    await waitIdle(chat);
    await waitFor(() => find(chat, '[part~="copy-button"]'), 'the code block');
    expect(find(chat, '[part~="tool-done"]')).to.exist;
    expect(find(chat, '[part~="tool-denied"]')).to.exist;
    expect(find(chat, '[part~="copy-button"]')?.textContent).to.equal(`${open}Copy${close}`);
    expectAllWrapped(chat, 'done');

    await typeAndSend(chat, 'Again');
    await waitIdle(chat);
    await waitForPart(chat, '[part~="retry-button"]');
    expectAllWrapped(chat, 'error', ['Internal Server Error']);

    await typeAndSend(chat, 'Slowly');
    await waitFor(() => chat.running && find(chat, '[part~="stop-button"]'), 'the stop button');
    await waitFor(() => chat.shadowRoot?.textContent?.includes('w2'), 'some text');
    expectAllWrapped(chat, 'streaming', ['Internal Server Error']);
    chat.stop();
    await waitIdle(chat);
    await waitForPart(chat, '[part~="state-note"]');
    expectAllWrapped(chat, 'stopped', ['Internal Server Error']);
  });

  it('words the message actions, versions, usage, the edit box and Undo from the strings', async () => {
    const scripted = createScriptedFetch((_request, index) =>
      textReply(`answer ${index}`, { usage: { prompt_tokens: 3, completion_tokens: 2 } }),
    );
    const chat = await createChat((c) => {
      c.strings = pseudoStrings();
      c.fetch = scripted.fetch;
      c.showUsage = true;
    });
    await chat.send('Hi');
    find<HTMLButtonElement>(chat, '[part~="regenerate-button"]')?.click();
    await waitFor(() => scripted.requests.length === 2, 'the regeneration');
    await waitIdle(chat);
    await waitForPart(chat, '[part~="version-pager"]');
    expect(find(chat, '[part~="usage"]')).to.exist;
    expectAllWrapped(chat, 'versions and usage', ['Hi']);

    find<HTMLButtonElement>(chat, '[part~="edit-button"]')?.click();
    await waitForPart(chat, '[part~="edit-form"]');
    expectAllWrapped(chat, 'edit box', ['Hi']);
    find<HTMLButtonElement>(chat, '[part~="cancel-edit-button"]')?.click();

    find<HTMLButtonElement>(chat, '[part~="new-conversation-button"]')?.click();
    await waitForPart(chat, '[part~="undo-notice"]');
    expectAllWrapped(chat, 'undo notice');
  });

  it('words attachments from the strings: the composer, refusals, the drop zone and the transcript', async () => {
    const chat = await createChat((c) => {
      c.strings = pseudoStrings();
      c.fetch = createScriptedFetch([textReply('Seen.')]).fetch;
      c.setAttribute('attachments', 'image/*,.md');
      c.setAttribute('image-max-side', '100');
      c.setAttribute('attachment-max-bytes', '100000');
    });
    const input = await waitForPart<HTMLInputElement>(chat, 'input[type="file"]');
    input.files = transfer(
      await imageFile(400, 200, { name: 'wide.png' }),
      textFile('notes.md', '# Notes'),
      textFile('huge.md', 'x'.repeat(200_000)),
      textFile('report.pdf', '%PDF', 'application/pdf'),
    ).files;
    input.dispatchEvent(new Event('change'));
    await waitFor(
      () => find(chat, '[part~="attachment"]') && !find(chat, '[data-state="reading"]'),
      'the files to be read',
    );
    await chat.updateComplete;
    expect(find(chat, '[part~="attachment-problems"]')).to.exist;
    expectAllWrapped(chat, 'attachments');

    const files = transfer(textFile('more.md', 'more'));
    find(chat, '[part~="base"]')!.dispatchEvent(
      new DragEvent('dragenter', { dataTransfer: files, bubbles: true }),
    );
    await waitForPart(chat, '[part~="drop-zone"]');
    expectAllWrapped(chat, 'drop zone');
    find(chat, '[part~="base"]')!.dispatchEvent(
      new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }),
    );

    await typeAndSend(chat, 'Look');
    await waitIdle(chat);
    await waitForPart(chat, '[part~="user-message"] [part~="attachment-image"]');
    chat.messages = [
      ...chat.messages,
      ChatMessage.createUserMessage([{ type: 'image', url: 'https://example.com/a.png' }]),
    ];
    await waitForPart(chat, '[part~="attachment-remote"]');
    expectAllWrapped(chat, 'transcript with attachments', ['Look']);
  });

  it('words the key form, the key status and a storage notice from the strings', async () => {
    localStorage.setItem(key, 'garbage');
    const chat = await createChat((c) => {
      c.strings = pseudoStrings();
      c.setAttribute('storage-key', key);
    });
    await waitForPart(chat, '[part~="key-form"]');
    const reason = find(chat, '[part~="storage-notice"]')?.querySelector(
      '[part~="notice-detail"]',
    )?.childNodes;
    expect(find(chat, '[part~="storage-notice"]')).to.exist;
    const data = [...(reason ?? [])].map((node) => node.textContent?.trim() ?? '');
    expectAllWrapped(chat, 'key form', data);

    const input = await waitForPart<HTMLInputElement>(chat, '[part~="key-input"]');
    input.value = 'sk-test';
    find<HTMLButtonElement>(chat, '[part~="key-submit"]')?.click();
    await waitForPart(chat, '[part~="key-status"]');
    expectAllWrapped(chat, 'key status', data);
  });

  it('takes a partial override (a German Send button) and keeps the other defaults', async () => {
    const chat = await createChat((c) => {
      c.noKey = true;
      c.strings = { send: 'Senden', sendHint: 'Senden (Enter)' };
    });
    const send = await waitForPart(chat, '[part~="send-button"]');
    expect(send.getAttribute('aria-label')).to.equal('Senden');
    expect(send.getAttribute('title')).to.equal('Senden (Enter)');
    expect(find(chat, '[part~="input"]')?.getAttribute('placeholder')).to.equal('Send a message');
    expect(chat.strings.stop).to.equal('Stop');
  });

  it('re-renders on a later override, which replaces the earlier one over the defaults', async () => {
    const chat = await createChat((c) => {
      c.noKey = true;
      c.strings = { send: 'Senden' };
    });
    chat.strings = { placeholder: 'Nachricht' };
    await chat.updateComplete;
    const input = find(chat, '[part~="input"]');
    expect(input?.getAttribute('placeholder')).to.equal('Nachricht');
    expect(find(chat, '[part~="send-button"]')?.getAttribute('aria-label')).to.equal('Send');
    expect(chat.strings.label).to.equal(defaultChatStrings.label);
    expect(chat.strings.messageTo('x')).to.equal(defaultChatStrings.messageTo('x'));
  });

  it('lets the placeholder, heading and label attributes win over the strings', async () => {
    const chat = await createChat((c) => {
      c.noKey = true;
      c.strings = {
        placeholder: 'Nachricht',
        label: 'Unterhaltung',
        messageTo: (to) => `An ${to}`,
      };
      c.setAttribute('placeholder', 'Ask me');
      c.setAttribute('label', 'Support chat');
      c.setAttribute('heading', 'Helper');
    });
    const input = find(chat, '[part~="input"]');
    expect(input?.getAttribute('placeholder')).to.equal('Ask me');
    expect(input?.getAttribute('aria-label')).to.equal('An Helper');
    expect(find(chat, '[part~="transcript"]')?.getAttribute('aria-label')).to.equal('Support chat');
  });
});
