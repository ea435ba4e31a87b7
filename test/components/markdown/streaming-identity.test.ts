import { expect } from 'chai';
import { MarkdownStream } from '../../../components/markdown/index.js';
import { chunksOf, describeDom, randomChunks, renderChunks } from './render-helpers.js';
import { SAMPLE_ANSWER } from './sample-answer.js';

/** Fifty more blocks of every kind, streamed after the first paragraph. */
function moreBlocks(): string {
  const blocks: string[] = [];
  for (let i = 0; i < 50; i++) {
    blocks.push(
      [
        `Paragraph ${i} with **bold**, *em*, \`code\` and [a link](https://example.com/${i}).`,
        `- item ${i}\n  - nested ${i}`,
        `| h${i} | v |\n|---|---|\n| ${i} | x |`,
        '```js\nconsole.log(' + i + ');\n```',
        `> quote ${i}`,
      ][i % 5]!,
    );
  }
  return blocks.join('\n\n');
}

describe('MarkdownStream streaming', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('renders a long mixed answer identically whole, per character and at random splits', async () => {
    const whole = describeDom(await renderChunks([SAMPLE_ANSWER]));
    expect(describeDom(await renderChunks(chunksOf(SAMPLE_ANSWER, 1)))).to.equal(whole);
    for (let seed = 1; seed <= 50; seed++) {
      expect(
        describeDom(await renderChunks(randomChunks(SAMPLE_ANSWER, seed, 1 + (seed % 40)))),
        `seed ${seed}`,
      ).to.equal(whole);
    }
  });

  it('renders every construct of the long answer', async () => {
    const container = await renderChunks(chunksOf(SAMPLE_ANSWER, 4));
    const tags = new Set(
      Array.from(container.querySelectorAll('*'), (element) => element.localName),
    );
    for (const tag of [
      'h1',
      'h2',
      'p',
      'em',
      'strong',
      'del',
      'code',
      'pre',
      'ol',
      'ul',
      'li',
      'blockquote',
      'table',
      'thead',
      'tbody',
      'th',
      'td',
      'hr',
      'br',
      'a',
      'button',
    ]) {
      expect(tags, tag).to.include(tag);
    }
    expect(container.querySelectorAll('ol > li')).to.have.length(3);
    expect(
      container.querySelector('ol > li > .code-block code.language-bash')?.textContent,
    ).to.equal('npm install tool-agents\n');
    expect(container.querySelector('ol > li > ul > li > ul > li del')?.textContent).to.equal('old');
    expect(container.querySelectorAll('tbody tr')).to.have.length(3);
    expect(container.querySelector('tbody tr:last-child td')?.textContent).to.equal(
      'escaped | pipe',
    );
    expect(container.querySelector('code.language-ts')?.textContent).to.contain(
      '// <b>not bold</b>',
    );
    expect(container.textContent).to.contain('😀👍🏽');
  });

  it('never touches the nodes of a finished block while 50 more blocks stream in', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const stream = new MarkdownStream(container);
    for (const chunk of chunksOf('The first paragraph, which a user is selecting.\n\n', 4))
      stream.append(chunk);
    const paragraph = container.querySelector('p')!;
    const text = paragraph.firstChild as Text;
    expect(text.data).to.equal('The first paragraph, which a user is selecting.');

    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 19);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(paragraph, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });

    for (const chunk of chunksOf(moreBlocks(), 4)) stream.append(chunk);
    stream.end();
    mutations.push(...observer.takeRecords());
    observer.disconnect();

    expect(mutations, 'mutations inside the first paragraph').to.have.length(0);
    expect(text.isConnected).to.equal(true);
    expect(container.querySelector('p')!.firstChild).to.equal(text);
    expect(text.data).to.equal('The first paragraph, which a user is selecting.');
    expect(getSelection()!.toString()).to.equal('first paragraph');
    expect(container.querySelectorAll('table')).to.have.length(10);
  });

  it('keeps the nodes of the current paragraph while it grows', async () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(container);
    stream.append('Growing text with **bold');
    const first = container.querySelector('p')!.firstChild;
    const strong = container.querySelector('strong')!;
    const strongText = strong.firstChild;
    stream.append(' words** and more');
    stream.append(' and more.');
    stream.end();
    expect(container.querySelector('p')!.firstChild).to.equal(first);
    expect(container.querySelector('strong')).to.equal(strong);
    expect(strong.firstChild).to.equal(strongText);
    expect(container.innerHTML).to.equal(
      '<p>Growing text with <strong>bold words</strong> and more and more.</p>',
    );
  });

  it('keeps the shown nodes when an unclosed opener is unwrapped', async () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(container);
    stream.append('x **never');
    const inner = container.querySelector('strong')!.firstChild;
    stream.append(' closed\n\nnext');
    stream.end();
    expect(container.innerHTML).to.equal('<p>x **never closed</p><p>next</p>');
    expect(container.contains(inner)).to.equal(true);
    expect((inner as Text).data).to.equal('never closed');
  });

  it('streams a long code block into a few bounded text nodes, identically at any split', async () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `  line ${i}: const value = compute(${i}); // done`,
    );
    const markdown = '```js\n' + lines.join('\n') + '\n```\nafter';
    const whole = await renderChunks([markdown]);
    const code = whole.querySelector('code')!;
    expect(code.textContent).to.equal(lines.join('\n') + '\n');
    expect(code.childNodes.length).to.be.within(5, 20);
    for (const node of code.childNodes) expect((node as Text).length).to.be.below(2048 + 64);
    expect(describeDom(await renderChunks(chunksOf(markdown, 1)))).to.equal(describeDom(whole));
    expect(describeDom(await renderChunks(randomChunks(markdown, 3, 50)))).to.equal(
      describeDom(whole),
    );
  });

  it('does work proportional to the text: one text node per run, not per chunk', async () => {
    const container = await renderChunks(chunksOf('word '.repeat(2000), 3));
    expect(container.querySelector('p')!.childNodes).to.have.length(1);
  });
});
