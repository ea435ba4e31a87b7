import { expect } from 'chai';
import { chunksOf, randomChunks, renderChunks } from './render-helpers.js';
import { resetXssFlag, XSS_CORPUS, xssFired } from './xss-corpus.js';

/** Every tag the renderer may create, with the attributes each may carry. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  em: [],
  strong: [],
  del: [],
  br: [],
  hr: [],
  ul: [],
  ol: ['start'],
  li: [],
  blockquote: [],
  pre: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['style'],
  td: ['style'],
  span: ['class', 'data-tex', 'title', 'style'],
  input: ['type', 'disabled', 'checked'],
  code: ['class'],
  div: ['class', 'tabindex'],
  button: ['type', 'class', 'part', 'aria-label'],
  a: ['href', 'target', 'rel', 'title', 'class'],
};

/** Lets any queued event handler or navigation a payload set up run before the flag is read. */
async function settle(): Promise<void> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 30));
}

/** Typeset math is MathML: any MathML element, with presentation attributes only. */
function assertSafeMathMl(element: Element, what: string): void {
  for (const { name } of element.attributes) {
    expect(name, `${what}: attribute ${name} on <${element.localName}>`).to.not.match(
      /^(on|href$|src$|xlink:|style$)/i,
    );
  }
}

function assertSafeDom(container: HTMLElement, what: string): void {
  for (const element of container.querySelectorAll('*')) {
    if (element.namespaceURI === 'http://www.w3.org/1998/Math/MathML') {
      assertSafeMathMl(element, what);
      continue;
    }
    const allowed = ALLOWED[element.localName];
    expect(allowed, `${what}: <${element.localName}> is not allowed`).to.not.equal(undefined);
    for (const { name, value } of element.attributes) {
      expect(name, `${what}: event handler attribute`).to.not.match(/^on/i);
      expect(allowed, `${what}: attribute ${name} on <${element.localName}>`).to.include(name);
      if (name === 'style')
        expect(value, what).to.match(
          /^(text-align: (left|center|right);|color: ?#[0-9a-f]{6};?)$/i,
        );
      if (name === 'class')
        expect(value, what).to.match(
          /^(code-block|copy-button|table-scroll|image-link|language-\S+|math math-(inline|display)|katex(-display|-error|-mathml)?|(hljs-[\w-]+ ?)+)$/,
        );
    }
  }
  for (const anchor of container.querySelectorAll('a')) {
    const href = anchor.getAttribute('href') ?? '';
    expect(['http:', 'https:', 'mailto:'], `${what}: href ${href}`).to.include(
      new URL(href).protocol,
    );
    expect(anchor.target, what).to.equal('_blank');
    expect(anchor.rel, what).to.equal('noopener noreferrer nofollow');
  }
}

describe('MarkdownStream against the XSS corpus', () => {
  beforeEach(resetXssFlag);
  afterEach(() => {
    document.body.replaceChildren();
    resetXssFlag();
  });

  it('has at least 30 vectors', async () => {
    expect(XSS_CORPUS.length).to.be.at.least(30);
  });

  for (const vector of XSS_CORPUS) {
    it(`neutralises ${vector.name}, whole and chunked`, async () => {
      const renderings = {
        whole: await renderChunks([vector.markdown]),
        'per character': await renderChunks(chunksOf(vector.markdown, 1)),
        'random splits': await renderChunks(randomChunks(vector.markdown, vector.name.length, 7)),
        'images as text': await renderChunks([vector.markdown], { images: 'text' }),
        'highlighting and math on': await renderChunks([vector.markdown], {
          highlight: true,
          math: true,
        }),
      };
      await settle();
      for (const [how, container] of Object.entries(renderings)) assertSafeDom(container, how);
      expect(xssFired(), 'a payload ran').to.equal(false);
    });
  }

  it('never links a hostile scheme, even inside one document of every vector', async () => {
    const container = await renderChunks(
      chunksOf(XSS_CORPUS.map((vector) => vector.markdown).join('\n\n'), 3),
    );
    await settle();
    assertSafeDom(container, 'all vectors');
    expect(xssFired()).to.equal(false);
  });
});
