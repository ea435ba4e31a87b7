import { expect } from 'chai';
import * as z from 'zod';
import { ChatMessage, FunctionTool } from '../../src/index.js';
import {
  createScriptedFetch,
  errorReply,
  textReply,
  toolCallReply,
  type ScriptedReply,
} from '../../src/testing/index.js';
import type { ToolAgentChat } from '../../components/index.js';
import { createChat, findAll, checkAxeThenRemoveChats, root, waitFor } from './chat-test-utils.js';
import { XSS_CORPUS, resetXssFlag, xssFired } from './markdown/xss-corpus.js';
import { xssVectors as elementVectors } from './xss-vectors.js';

// The renderer's corpus (link schemes, raw HTML, markdown tricks) plus this element's own
// vectors (attribute breakouts for tool names in aria-labels, template syntax, and more).
const xssVectors: readonly string[] = [
  ...XSS_CORPUS.map((vector) => vector.markdown),
  ...elementVectors,
];

declare global {
  // A global the vectors call if they ever run.
  var __xssHit: ((id: number) => void) | undefined;
}

// Elements the element itself renders; anything else in the shadow root came from untrusted text.
// MathML is allowed only as the typesetter's output inside a math span, and checked below.
const dangerous =
  'script, iframe, frame, object, embed, img, image, style, link, meta, base, video, audio, source, template, math:not(.math math), svg:not(.icon), input:not(#api-key, [type="checkbox"]), details[ontoggle]';

function assertInert(chat: ToolAgentChat, hits: number[]): void {
  expect(hits, 'no vector ran').to.deep.equal([]);
  expect(xssFired(), 'no corpus payload ran').to.equal(false);
  const shadow = root(chat);
  expect([...shadow.querySelectorAll(dangerous)].map((node) => node.outerHTML)).to.deep.equal([]);
  for (const element of shadow.querySelectorAll('*')) {
    const handlers = element.getAttributeNames().filter((name) => name.startsWith('on'));
    expect(handlers, `${element.tagName} has no event handler attributes`).to.deep.equal([]);
    // The one inline style allowed: the typesetter's fixed red on TeX it could not read.
    const typesetterError =
      element.closest('.math') !== null &&
      element.classList.contains('katex-error') &&
      /^color:\s*#cc0000;?$/.test(element.getAttribute('style') ?? '');
    expect(
      element.hasAttribute('style') && !typesetterError,
      `${element.tagName} has no inline style: ${element.outerHTML.slice(0, 300)}`,
    ).to.equal(false);
    if (element instanceof SVGElement && !element.closest('svg.icon'))
      throw new Error(`unexpected SVG ${element.outerHTML}`);
    if (element instanceof MathMLElement) {
      // Typeset math is inert: no links (KaTeX shows \href and \url as red source), no actions, no sources.
      const linking = element.getAttributeNames().filter((name) => /href|src|action/i.test(name));
      expect(
        linking,
        `${element.tagName} in typeset math has no link or source attributes`,
      ).to.deep.equal([]);
      expect(element.localName, 'no maction in typeset math').to.not.equal('maction');
    }
  }
  for (const link of findAll<HTMLAnchorElement>(chat, 'a[href]')) {
    expect(['http:', 'https:', 'mailto:'], link.href).to.include(new URL(link.href).protocol);
  }
  const forms = findAll(chat, 'form').map((form) => form.getAttribute('part'));
  expect(forms.every((part) => part === 'composer' || part === 'key-form')).to.equal(true);
}

async function settle(): Promise<void> {
  // Give image errors, focus and toggle events time to fire, if anything could fire them.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

describe('untrusted output cannot inject markup or script', () => {
  const hits: number[] = [];
  before(() => {
    globalThis.__xssHit = (id) => hits.push(id);
    resetXssFlag();
  });
  after(() => {
    globalThis.__xssHit = undefined;
  });
  afterEach(checkAxeThenRemoveChats);

  it(`feeds at least 30 vectors from the renderer's corpus (${XSS_CORPUS.length}) plus ${elementVectors.length} of its own`, () => {
    expect(XSS_CORPUS.length).to.be.at.least(30);
    expect(xssVectors.length).to.equal(XSS_CORPUS.length + elementVectors.length);
  });

  it('renders every vector inert in model text, reasoning, tool names, arguments and results', async () => {
    const echo = new FunctionTool({
      name: 'echo',
      description: 'Echoes',
      parameters: z.object({ text: z.string() }),
      execute: ({ text }) => ({ text, html: text }),
    });
    const replies: ScriptedReply[] = [];
    for (const [index, vector] of xssVectors.entries()) {
      replies.push(
        toolCallReply(
          [
            { id: `call_name_${index}`, name: vector, arguments: vector },
            { id: `call_echo_${index}`, name: 'echo', arguments: { text: vector } },
          ],
          { text: vector },
        ),
        textReply(`${vector}\n\n*after* ${vector}`, { reasoning: vector }),
      );
    }
    const { fetch } = createScriptedFetch(replies);
    const chat = await createChat((c) => {
      c.fetch = fetch;
      c.tools = [echo];
    });
    for (const vector of xssVectors) {
      const response = await chat.send(`user says ${vector}`);
      expect(response, vector).not.to.equal(undefined);
    }
    await settle();
    assertInert(chat, hits);
    const cards = findAll(chat, '[part~="tool-card"]');
    expect(cards).to.have.length(xssVectors.length * 2);
    // The text is shown as text, not dropped.
    expect(cards[0]?.querySelector('[part~="tool-name"]')?.textContent).to.equal(xssVectors[0]);
    expect(cards[0]?.getAttribute('aria-label')).to.equal(`Tool call: ${xssVectors[0]}`);
    expect(root(chat).textContent).to.contain('__xssHit(2)');
  });

  it('renders every vector inert when restored from a saved conversation', async () => {
    const messages: ChatMessage[] = [];
    for (const [index, vector] of xssVectors.entries()) {
      messages.push(
        ChatMessage.createUserMessage(vector),
        ChatMessage.createAssistantMessage([
          { type: 'reasoning', text: vector },
          { type: 'text', text: vector },
          { type: 'tool_call', id: `c${index}`, name: vector, arguments: vector },
        ]),
        ChatMessage.createToolMessage([
          {
            type: 'tool_result',
            toolCallId: `c${index}`,
            toolName: vector,
            result: JSON.stringify({ error: vector }),
            isError: true,
          },
        ]),
      );
    }
    const chat = await createChat((c) => (c.messages = messages));
    // Older messages are restored over a few tasks: wait for all of them, however busy the machine.
    await waitFor(
      () => findAll(chat, '[part~="tool-card"]').length === xssVectors.length,
      'every restored card',
      15_000,
    );
    for (const details of findAll<HTMLDetailsElement>(chat, 'details')) details.open = true;
    await settle();
    assertInert(chat, hits);
    expect(findAll(chat, '[part~="tool-card"]')).to.have.length(xssVectors.length);
  });

  it('renders every vector inert in attachments: file names, file text and image URLs', async () => {
    const pixel =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const messages = xssVectors.flatMap((vector) => [
      ChatMessage.createUserMessage([
        { type: 'image', url: vector, metadata: { attachment: { name: vector, size: 1 } } },
        {
          type: 'image',
          url: pixel,
          metadata: { attachment: { name: vector, size: 1, type: vector } },
        },
        { type: 'text', text: vector, metadata: { attachment: { name: vector, size: 1 } } },
        { type: 'text', text: vector },
      ]),
      ChatMessage.createAssistantMessage('ok'),
    ]);
    const chat = await createChat((c) => (c.messages = messages));
    await waitFor(
      () => findAll(chat, '[part~="attachment-file"]').length === xssVectors.length,
      'every restored file',
      15_000,
    );
    for (const details of findAll<HTMLDetailsElement>(chat, 'details')) details.open = true;
    await settle();
    // The only images are the messages' own data: URLs, named by their (inert) alt text.
    const images = findAll<HTMLImageElement>(chat, 'img');
    expect(images).to.have.length(xssVectors.length);
    for (const [index, image] of images.entries()) {
      expect(image.getAttribute('src')).to.equal(pixel);
      expect(image.alt).to.equal(xssVectors[index]);
      expect(image.parentElement?.getAttribute('part')).to.equal('attachment-image');
      image.remove();
    }
    assertInert(chat, hits);
    expect(findAll(chat, '[part~="attachment-file"] pre')[0]?.textContent).to.equal(xssVectors[0]);
  });

  it('renders vectors inert in error messages', async () => {
    const { fetch } = createScriptedFetch(xssVectors.map((vector) => errorReply(400, vector)));
    const chat = await createChat((c) => (c.fetch = fetch));
    for (const vector of xssVectors) {
      await chat.send('hi');
      expect(root(chat).querySelector('[part~="error-detail"]')?.textContent).to.equal(vector);
      chat.clear();
    }
    await settle();
    assertInert(chat, hits);
  });
});
