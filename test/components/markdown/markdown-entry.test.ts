import { expect } from 'chai';
// Only the public entry (`tool-agents/markdown`), never a deep path.
import * as markdown from '../../../components/markdown/index.js';
import {
  adoptMarkdownStyles,
  MARKDOWN_CLASS,
  MarkdownStream,
  markdownStyles,
  renderMarkdown,
  sanitizeUrl,
} from '../../../components/markdown/index.js';

describe('tool-agents/markdown (the public entry)', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('exports exactly its deliberate API', () => {
    expect(Object.keys(markdown).sort()).to.deep.equal([
      'MARKDOWN_CLASS',
      'MarkdownStream',
      'adoptMarkdownStyles',
      'markdownStyles',
      'renderMarkdown',
      'sanitizeUrl',
    ]);
  });

  it('streams markdown into an element, whatever the chunking', async () => {
    const stream = new MarkdownStream(host);
    for (const piece of [
      '# Ti',
      'tle\n\nSome **bo',
      'ld** text and [a link](https://example.com).\n',
    ])
      stream.append(piece);
    stream.end();
    await stream.settled();
    expect(host.classList.contains(MARKDOWN_CLASS)).to.equal(true);
    expect(host.querySelector('h1')?.textContent).to.equal('Title');
    expect(host.querySelector('strong')?.textContent).to.equal('bold');
    const link = host.querySelector('a');
    expect(link?.getAttribute('href')).to.equal('https://example.com/');
    expect(link?.getAttribute('rel')).to.include('noopener');
  });

  it('renders a finished message at once, keeping raw HTML, unsafe links and images inert', async () => {
    await renderMarkdown(
      host,
      '<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![cat](https://example.com/cat.png)',
      { highlight: false, math: false },
    );
    expect(host.querySelector('img, script, [onerror]')).to.equal(null);
    expect(host.textContent).to.include('<img src=x onerror=alert(1)>');
    expect(host.querySelector('a[href^="javascript"]')).to.equal(null);
    expect(sanitizeUrl('javascript:alert(1)')).to.equal(undefined);
  });

  it('puts the page’s words on the copy button', async () => {
    await renderMarkdown(host, '```\ncode\n```\n', {
      highlight: false,
      labels: {
        copy: 'Kopieren',
        copyCode: 'Code kopieren',
        copied: 'Kopiert',
        copyFailed: 'Fehler',
      },
    });
    const button = host.querySelector('[part~="copy-button"]');
    expect(button?.textContent).to.equal('Kopieren');
    expect(button?.getAttribute('aria-label')).to.equal('Code kopieren');
  });

  it('adopts its styles into the document once, for pages without Lit', () => {
    const before = document.adoptedStyleSheets.length;
    adoptMarkdownStyles(host);
    adoptMarkdownStyles(host);
    expect(document.adoptedStyleSheets.length).to.equal(before + 1);
    expect(document.adoptedStyleSheets.at(-1)?.cssRules.length).to.be.greaterThan(0);
    expect(markdownStyles.cssText).to.include(`.${MARKDOWN_CLASS}`);
  });
});
