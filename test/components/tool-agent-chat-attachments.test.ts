import { expect } from 'chai';
import { ChatMessage } from '../../src/index.js';
import { createScriptedFetch, textReply } from '../../src/testing/index.js';
import { mockServer } from '../helpers/index.js';
import type { ToolAgentSendEvent, ToolAgentSubmitEvent } from '../../components/index.js';
import { type ToolAgentChat } from '../../components/index.js';
import {
  checkAxeThenRemoveChats,
  createChat,
  find,
  findAll,
  recordEvents,
  root,
  typeAndSend,
  waitFor,
  waitForPart,
  waitIdle,
} from './chat-test-utils.js';
import { dataURLSize, imageFile, textFile, transfer } from './attachments/test-files.js';

const key = 'tool-agent-chat-test:attachments';

interface WirePart {
  readonly type: string;
  readonly text?: string;
  readonly image_url?: { readonly url: string };
}

interface WireMessage {
  readonly role: string;
  readonly content: string | WirePart[];
}

/** The messages of a recorded chat completions request. */
function wireMessages(body: unknown): WireMessage[] {
  return (body as { messages: WireMessage[] }).messages;
}

/** The content parts of the request's last message (the user's). */
function lastParts(body: unknown): WirePart[] {
  const content = wireMessages(body).at(-1)?.content;
  if (!Array.isArray(content)) throw new Error(`not parts: ${JSON.stringify(content)}`);
  return content;
}

/** A chat with attachments on (`accept` as its attribute), answering with scripted text. */
async function attachingChat(
  accept = '',
  setup: (chat: ToolAgentChat) => void = () => undefined,
): Promise<{ chat: ToolAgentChat; requests: ReturnType<typeof createScriptedFetch>['requests'] }> {
  const { fetch, requests } = createScriptedFetch(() => textReply('I see it.'));
  const chat = await createChat((c) => {
    c.fetch = fetch;
    c.setAttribute('attachments', accept);
    setup(c);
  });
  // The attachment code loads on first use: wait for its button.
  await waitForPart(chat, '[part~="attach-button"]');
  return { chat, requests };
}

/** Picks files with the attach button's file input, as the picker would. */
async function pick(chat: ToolAgentChat, ...files: File[]): Promise<void> {
  const input = await waitForPart<HTMLInputElement>(chat, 'input[type="file"]');
  input.files = transfer(...files).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await chat.updateComplete;
}

/** Waits until no file in the composer is still being read. */
async function ready(chat: ToolAgentChat): Promise<HTMLElement[]> {
  await waitFor(
    () => !find(chat, '[part~="attachment"][data-state="reading"]'),
    'the files to be read',
  );
  await chat.updateComplete;
  return findAll(chat, '[part~="attachment"]');
}

function problems(chat: ToolAgentChat): string {
  return (
    find(chat, '[part~="attachment-problems"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  );
}

describe('<tool-agent-chat> attachments', () => {
  beforeEach(() => localStorage.removeItem(key));
  afterEach(async () => {
    await checkAxeThenRemoveChats();
    localStorage.removeItem(key);
  });

  it('has no attach button, and takes no dropped or pasted file, without the attribute', async () => {
    const chat = await createChat((c) => (c.fetch = createScriptedFetch([]).fetch));
    expect(find(chat, '[part~="attach-button"]')).to.equal(null);
    expect(find(chat, 'input[type="file"]')).to.equal(null);
    const drop = new DragEvent('drop', {
      dataTransfer: transfer(await imageFile(20, 20)),
      bubbles: true,
      cancelable: true,
    });
    find(chat, '[part~="input"]')!.dispatchEvent(drop);
    await chat.updateComplete;
    expect(drop.defaultPrevented).to.equal(false);
    expect(find(chat, '[part~="attachments"]')).to.equal(null);
  });

  it('attaches an image from the picker: a labelled button, a thumbnail of what is sent, and its size', async () => {
    const { chat } = await attachingChat('image/*,.md');
    const button = find<HTMLButtonElement>(chat, '[part~="attach-button"]')!;
    expect(button.getAttribute('aria-label')).to.equal('Attach files');
    expect(find<HTMLInputElement>(chat, 'input[type="file"]')?.accept).to.equal('image/*,.md');
    const file = await imageFile(300, 200, { name: 'chart.png' });
    await pick(chat, file);
    const [chip] = await ready(chat);
    expect(chip?.querySelector('.attachment-name')?.textContent).to.equal('chart.png');
    expect(chip?.querySelector('[part~="attachment-note"]')?.textContent).to.match(
      /^\d+(\.\d)? KB$/,
    );
    const thumb = chip?.querySelector('img');
    expect(thumb?.getAttribute('src')).to.match(/^data:image\/png;base64,/);
    expect(find(chat, '[part~="attachments"]')?.getAttribute('aria-label')).to.equal(
      'Files to send',
    );
    expect(find(chat, '[role="status"]')?.textContent?.trim()).to.equal('Attached chart.png.');
  });

  it('sends the image as an image part over HTTP, shows it in the transcript and empties the composer', async () => {
    const mock = await mockServer.script([textReply('A bar chart.')]);
    const chat = await createChat((c) => {
      c.setAttribute('base-url', mock.baseURL);
      c.setAttribute('attachments', '');
    });
    await pick(chat, await imageFile(300, 200, { name: 'chart.png' }));
    await ready(chat);
    const submits = recordEvents(chat, ['tool-agent-submit']);
    await typeAndSend(chat, 'What is this?');
    await waitFor(() => chat.messages.length === 2, 'the answer');
    await waitIdle(chat);

    const [request] = await mock.requests();
    expect(wireMessages(request?.body).at(-1)?.role).to.equal('user');
    const content = lastParts(request?.body);
    expect(content.map((part) => part.type)).to.deep.equal(['image_url', 'text']);
    expect(content[0]?.image_url?.url).to.match(/^data:image\/png;base64,/);
    expect(content[1]?.text).to.equal('What is this?');
    expect((submits[0] as ToolAgentSubmitEvent).detail.attachments).to.have.length(1);

    expect(find(chat, '[part~="attachments"]'), 'the composer is empty again').to.equal(null);
    const shown = find<HTMLImageElement>(
      chat,
      '[part~="user-message"] [part~="attachment-image"] img',
    );
    expect(shown?.alt).to.equal('chart.png');
    expect(shown?.src).to.equal(content[0]?.image_url?.url);
    expect(find(chat, '[part~="user-message"] .bubble')?.textContent).to.equal('What is this?');
  });

  it('keeps the files of a message that is edited, and fires tool-agent-send with them', async () => {
    const { chat, requests } = await attachingChat('');
    await pick(chat, await imageFile(120, 80, { name: 'chart.png' }));
    await ready(chat);
    await typeAndSend(chat, 'What is this?');
    await waitFor(() => requests.length === 1, 'the first request');
    await waitIdle(chat);
    const sends = recordEvents(chat, ['tool-agent-send']);
    find<HTMLButtonElement>(chat, '[part~="edit-button"]')?.click();
    const input = await waitForPart<HTMLTextAreaElement>(chat, '[part~="edit-input"]');
    input.value = 'What does the chart show?';
    find<HTMLButtonElement>(chat, '[part~="send-edit-button"]')?.click();
    await waitFor(() => requests.length === 2, 'the edited request');
    await waitIdle(chat);
    const content = lastParts(requests[1]?.body);
    expect(content.map((part) => part.type)).to.deep.equal(['image_url', 'text']);
    expect(content[0]?.image_url?.url).to.equal(lastParts(requests[0]?.body)[0]?.image_url?.url);
    expect(content[1]?.text).to.equal('What does the chart show?');
    const detail = (sends[0] as ToolAgentSendEvent).detail;
    expect(detail.source).to.equal('edit');
    expect(detail.attachments).to.have.length(1);
    expect(find(chat, '[part~="user-message"] [part~="attachment-image"]')).to.exist;
  });

  it('says when an image was downscaled, and sends it at the configured longest side', async () => {
    const { chat, requests } = await attachingChat('', (c) =>
      c.setAttribute('image-max-side', '800'),
    );
    await pick(chat, await imageFile(2400, 1600, { name: 'photo.jpg', type: 'image/jpeg' }));
    const [chip] = await ready(chat);
    expect(chip?.querySelector('[part~="attachment-note"]')?.textContent).to.equal(
      'Resized to 800×533 (from 2400×1600)',
    );
    await typeAndSend(chat, 'Describe');
    await waitFor(() => requests.length === 1, 'the request');
    await waitIdle(chat);
    const content = lastParts(requests[0]?.body);
    expect(await dataURLSize(content[0]!.image_url!.url)).to.deep.equal({
      width: 800,
      height: 533,
    });
    expect(
      find(chat, '[part~="user-message"] [part~="attachment-note"]')?.textContent,
      'the transcript says so too',
    ).to.equal('Resized to 800×533 (from 2400×1600)');
  });

  it('falls back to the default image side and file limit, with a warning, for values that make no sense', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const { chat } = await attachingChat('', (c) => {
        c.setAttribute('image-max-side', 'big');
        c.setAttribute('attachment-max-bytes', '-1');
      });
      expect([chat.imageMaxSide, chat.attachmentMaxBytes]).to.deep.equal([1568, 10_000_000]);
      chat.imageMaxSide = 8;
      expect(chat.imageMaxSide).to.equal(1568);
      expect(warnings).to.deep.equal([
        '<tool-agent-chat>: ignoring image-max-side="big": expected a whole number of pixels of at least 16; using the default 1568.',
        '<tool-agent-chat>: ignoring attachment-max-bytes="-1": expected a whole number of bytes of at least 1; using the default 10000000.',
        '<tool-agent-chat>: ignoring imageMaxSide = 8: expected a whole number of pixels of at least 16; using the default 1568.',
      ]);
    } finally {
      console.warn = warn;
    }
  });

  it('attaches an image pasted into the input', async () => {
    const { chat } = await attachingChat();
    const paste = new ClipboardEvent('paste', {
      clipboardData: transfer(await imageFile(64, 64, { name: 'image.png' })),
      bubbles: true,
      cancelable: true,
    });
    find(chat, '[part~="input"]')!.dispatchEvent(paste);
    const [chip] = await ready(chat);
    expect(paste.defaultPrevented, 'nothing else is pasted').to.equal(true);
    expect(chip?.querySelector('.attachment-name')?.textContent).to.equal('image.png');
  });

  it('highlights the drop zone while files are dragged over and attaches what is dropped', async () => {
    const { chat } = await attachingChat();
    const files = transfer(await imageFile(64, 64, { name: 'dropped.png' }));
    const base = find(chat, '[part~="base"]')!;
    const transcript = find(chat, '[part~="transcript"]')!;
    base.dispatchEvent(new DragEvent('dragenter', { dataTransfer: files, bubbles: true }));
    transcript.dispatchEvent(new DragEvent('dragenter', { dataTransfer: files, bubbles: true }));
    base.dispatchEvent(new DragEvent('dragleave', { dataTransfer: files, bubbles: true }));
    await chat.updateComplete;
    const zone = find(chat, '[part~="drop-zone"]');
    expect(zone?.textContent, 'still over a child').to.equal('Drop files to attach them');
    const over = new DragEvent('dragover', {
      dataTransfer: files,
      bubbles: true,
      cancelable: true,
    });
    transcript.dispatchEvent(over);
    expect(over.defaultPrevented, 'the drop is allowed').to.equal(true);
    const drop = new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true });
    transcript.dispatchEvent(drop);
    expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
    const [chip] = await ready(chat);
    expect(find(chat, '[part~="drop-zone"]')).to.equal(null);
    expect(chip?.querySelector('.attachment-name')?.textContent).to.equal('dropped.png');

    base.dispatchEvent(new DragEvent('dragenter', { dataTransfer: files, bubbles: true }));
    await chat.updateComplete;
    base.dispatchEvent(new DragEvent('dragleave', { dataTransfer: files, bubbles: true }));
    await chat.updateComplete;
    expect(find(chat, '[part~="drop-zone"]'), 'gone when the drag leaves').to.equal(null);
  });

  it('removes a file by keyboard before sending, moving focus to the next file and then the input', async () => {
    const { chat, requests } = await attachingChat();
    await pick(
      chat,
      await imageFile(50, 50, { name: 'one.png' }),
      textFile('two.md', '# Two'),
      textFile('three.txt', 'three'),
    );
    await ready(chat);
    const removeButton = (name: string): HTMLButtonElement =>
      find<HTMLButtonElement>(chat, `[part~="attachment-remove"][aria-label="Remove ${name}"]`)!;
    removeButton('one.png').focus();
    removeButton('one.png').click();
    await waitFor(() => root(chat).activeElement === removeButton('two.md'), 'focus on the next');
    removeButton('three.txt').focus();
    removeButton('three.txt').click();
    await waitFor(
      () => root(chat).activeElement === removeButton('two.md'),
      'focus on the previous',
    );
    removeButton('two.md').click();
    await waitFor(
      () => root(chat).activeElement === find(chat, '[part~="input"]'),
      'focus on the input',
    );
    expect(find(chat, '[part~="attachments"]')).to.equal(null);
    await typeAndSend(chat, 'Nothing attached');
    await waitIdle(chat);
    expect(wireMessages(requests[0]?.body).at(-1)?.content).to.equal('Nothing attached');
  });

  it('sends a text file as a text part naming the file, and shows it as a file that opens to its text', async () => {
    const { chat, requests } = await attachingChat();
    await pick(chat, textFile('data.csv', 'a,b\n1,2\n', 'text/csv'));
    const [chip] = await ready(chat);
    expect(chip?.querySelector('[part~="attachment-note"]')?.textContent).to.equal('8 B');
    await typeAndSend(chat, 'Sum column b');
    await waitIdle(chat);
    expect(wireMessages(requests[0]?.body).at(-1)?.content).to.equal(
      '<file name="data.csv">\na,b\n1,2\n\n</file>\nSum column b',
    );
    const file = find<HTMLDetailsElement>(
      chat,
      '[part~="user-message"] [part~="attachment-file"]',
    )!;
    expect(file.querySelector('summary')?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'data.csv 8 B',
    );
    file.querySelector('summary')!.click();
    expect(file.open).to.equal(true);
    expect(file.querySelector('pre')?.textContent).to.equal('a,b\n1,2\n');
    expect(find(chat, '[part~="user-message"] .bubble')?.textContent).to.equal('Sum column b');
  });

  it('sends files with no text, and waits for a file still being read', async () => {
    const { chat, requests } = await attachingChat();
    await pick(chat, await imageFile(3000, 2000, { type: 'image/jpeg' }));
    // Enter at once, while the large image is still being downscaled.
    await typeAndSend(chat, '');
    await waitFor(() => requests.length === 1, 'the request');
    await waitIdle(chat);
    const content = lastParts(requests[0]?.body);
    expect(content.map((part) => part.type)).to.deep.equal(['image_url']);
    expect(find(chat, '[part~="user-message"] .bubble'), 'no empty bubble').to.equal(null);
  });

  it('keeps the files when the page cancels the submit', async () => {
    const { chat, requests } = await attachingChat();
    chat.addEventListener('tool-agent-submit', (event) => event.preventDefault());
    await pick(chat, textFile('keep.md', 'kept'));
    await ready(chat);
    await typeAndSend(chat, 'no');
    await chat.updateComplete;
    expect(requests).to.have.length(0);
    expect(findAll(chat, '[part~="attachment"]')).to.have.length(1);
  });

  it('refuses a file that is too large, saying its size and the limit', async () => {
    const { chat } = await attachingChat('', (c) => c.setAttribute('attachment-max-bytes', '1000'));
    await pick(chat, textFile('big.txt', 'x'.repeat(2500)), textFile('small.txt', 'ok'));
    const chips = await ready(chat);
    expect(chips.map((chip) => chip.querySelector('.attachment-name')?.textContent)).to.deep.equal([
      'small.txt',
    ]);
    const alert = find(chat, '[part~="attachment-problems"]');
    expect(alert?.getAttribute('role')).to.equal('alert');
    expect(problems(chat)).to.contain(
      'big.txt was not attached: it is 2.5 KB, and files up to 1 KB can be attached.',
    );
  });

  it('refuses a file of a type the attribute does not accept, and one that is not UTF-8 text', async () => {
    const { chat } = await attachingChat('image/*,.txt');
    await pick(
      chat,
      textFile('report.pdf', '%PDF-1.7', 'application/pdf'),
      textFile('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
      textFile('broken.png', 'not an image', 'image/png'),
    );
    await ready(chat);
    await waitFor(() => problems(chat).includes('broken.png'), 'every refusal');
    expect(problems(chat))
      .to.contain('report.pdf was not attached: this chat does not take files of its type.')
      .and.contain('latin1.txt was not attached: it is not a UTF-8 text file.')
      .and.contain('broken.png was not attached: it could not be read as an image.');
    expect(find(chat, '[part~="attachments"]'), 'nothing is attached').to.equal(null);
    find<HTMLButtonElement>(
      chat,
      '[part~="attachment-problems"] [part~="dismiss-button"]',
    )!.click();
    await chat.updateComplete;
    expect(find(chat, '[part~="attachment-problems"]')).to.equal(null);
  });

  it('neither shows nor sends waiting files once the attribute is removed', async () => {
    const { chat, requests } = await attachingChat();
    await pick(chat, textFile('left.md', 'left behind'));
    await ready(chat);
    chat.removeAttribute('attachments');
    await chat.updateComplete;
    expect(find(chat, '[part~="attachments"]')).to.equal(null);
    expect(find(chat, '[part~="attach-button"]')).to.equal(null);
    await typeAndSend(chat, 'Just text');
    await waitIdle(chat);
    expect(wireMessages(requests[0]?.body).at(-1)?.content).to.equal('Just text');
  });

  it('takes no files while disabled', async () => {
    const { chat } = await attachingChat('', (c) => (c.disabled = true));
    expect(find<HTMLButtonElement>(chat, '[part~="attach-button"]')?.disabled).to.equal(true);
    const paste = new ClipboardEvent('paste', {
      clipboardData: transfer(textFile('a.txt', 'a')),
      bubbles: true,
      cancelable: true,
    });
    find(chat, '[part~="input"]')!.dispatchEvent(paste);
    await chat.updateComplete;
    expect(find(chat, '[part~="attachments"]')).to.equal(null);
    // A dropped file is refused, not handed to the browser (which would open it and leave the page).
    const files = transfer(textFile('b.txt', 'b'));
    const over = new DragEvent('dragover', {
      dataTransfer: files,
      bubbles: true,
      cancelable: true,
    });
    const drop = new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true });
    find(chat, '[part~="base"]')!.dispatchEvent(over);
    find(chat, '[part~="base"]')!.dispatchEvent(drop);
    expect(over.defaultPrevented && drop.defaultPrevented).to.equal(true);
    expect(over.dataTransfer?.dropEffect).to.equal('none');
    await chat.updateComplete;
    expect(find(chat, '[part~="attachments"]')).to.equal(null);
  });

  it('saves images and files with the conversation and shows them again after a reload', async () => {
    const { chat } = await attachingChat('', (c) => c.setAttribute('storage-key', key));
    await pick(
      chat,
      await imageFile(120, 80, { name: 'saved.png' }),
      textFile('saved.md', '# Saved'),
    );
    await ready(chat);
    await typeAndSend(chat, 'Keep these');
    await waitFor(() => chat.messages.length === 2, 'the answer');
    await waitIdle(chat);
    chat.remove();

    const restored = await createChat((c) => c.setAttribute('storage-key', key));
    await waitForPart(restored, '[part~="attachment-image"]');
    const image = find<HTMLImageElement>(restored, '[part~="attachment-image"] img');
    expect(image?.alt).to.equal('saved.png');
    expect(await dataURLSize(image!.src)).to.deep.equal({ width: 120, height: 80 });
    expect(find(restored, '[part~="attachment-file"] summary')?.textContent).to.contain('saved.md');
    expect(find(restored, '[part~="user-message"] .bubble')?.textContent).to.equal('Keep these');
    expect(restored.messages[0]?.content.map((part) => part.type)).to.deep.equal([
      'image',
      'text',
      'text',
    ]);
  });

  it('says when the conversation with its images no longer fits in storage, and keeps it on the page', async () => {
    const filler = 'tool-agent-chat-test:filler';
    // Fill this origin's real localStorage, so the browser itself refuses the next save.
    const chunks: string[] = [];
    for (let size = 1 << 20; size >= 1024; size >>= 1) {
      for (;;) {
        try {
          localStorage.setItem(`${filler}-${chunks.length}`, 'x'.repeat(size));
          chunks.push(`${filler}-${chunks.length}`);
        } catch {
          break;
        }
      }
    }
    try {
      const { chat } = await attachingChat('', (c) => c.setAttribute('storage-key', key));
      await pick(chat, await imageFile(600, 400, { name: 'big.png' }));
      await ready(chat);
      await typeAndSend(chat, 'Too big to keep');
      await waitFor(() => chat.messages.length === 2, 'the answer');
      await waitIdle(chat);
      const notice = await waitForPart(chat, '[part~="storage-notice"]');
      expect(notice.dataset['kind']).to.equal('save-failed');
      expect(notice.textContent).to.contain('storage is full');
      expect(localStorage.getItem(key)).to.equal(null);
      expect(chat.messages[0]?.content.map((part) => part.type)).to.deep.equal(['image', 'text']);
      expect(find(chat, '[part~="attachment-image"] img')).to.not.equal(null);
    } finally {
      for (const name of chunks) localStorage.removeItem(name);
    }
  });

  it('never loads a remote image from the conversation: it names it as text', async () => {
    const url = `${location.origin}/remote-image-that-must-not-load.png?${Date.now()}`;
    const chat = await createChat((c) => {
      c.messages = [
        ChatMessage.createUserMessage([
          { type: 'image', url },
          { type: 'image', url: 'data:image/svg+xml;base64,PHN2Zy8+' },
          { type: 'text', text: 'Look' },
        ]),
        ChatMessage.createAssistantMessage('Nice.'),
      ];
    });
    await waitForPart(chat, '[part~="attachment-remote"]');
    expect(findAll(chat, 'img')).to.deep.equal([]);
    expect(
      findAll(chat, '[part~="attachment-remote"]').map((node) => node.textContent),
    ).to.deep.equal([
      `Image not loaded: ${url}`,
      'Image not loaded: data:image/svg+xml;base64,PHN2Zy8+',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      performance.getEntriesByType('resource').filter((entry) => entry.name === url),
    ).to.deep.equal([]);
  });
});
