import { expect } from 'chai';
import { MarkdownStream } from '../../../components/markdown/index.js';
import { chunksOf, describeDom, renderChunks } from './render-helpers.js';

/** A stream into a fresh attached container, with the settle pass already loaded. */
async function openStream(): Promise<{ container: HTMLElement; stream: MarkdownStream }> {
  await renderChunks(['warm *up*']);
  const container = document.createElement('div');
  document.body.append(container);
  return { container, stream: new MarkdownStream(container, { highlight: false, math: false }) };
}

describe('MarkdownStream settle pass', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('turns a paragraph into a setext heading when its group ends', async () => {
    const { container, stream } = await openStream();
    stream.append('Title\n===\n');
    expect(container.innerHTML, 'the open group streams as it can').to.equal('<p>Title\n===</p>');
    stream.append('\nnext');
    expect(container.innerHTML, 'the finished group is settled').to.equal(
      '<h1>Title</h1><p>next</p>',
    );
    stream.end();
    await stream.settled();
    expect(container.innerHTML).to.equal('<h1>Title</h1><p>next</p>');
  });

  it('streams a tight list without paragraphs, and settling keeps its text nodes', async () => {
    const { container, stream } = await openStream();
    stream.append('- one\n- two\n');
    expect(container.innerHTML, 'streamed').to.equal('<ul><li>one</li><li>two</li></ul>');
    const text = container.querySelector('li')!.firstChild as Text;
    stream.end();
    await stream.settled();
    expect(container.innerHTML).to.equal('<ul><li>one</li><li>two</li></ul>');
    expect(container.querySelector('li')!.firstChild).to.equal(text);
  });

  it('wraps the items in paragraphs, moving their nodes, once a blank line shows the list is loose', async () => {
    const { container, stream } = await openStream();
    stream.append('- *one*\n- two\n');
    const emphasis = container.querySelector('em')!;
    stream.append('\n- three\n');
    expect(container.innerHTML, 'streamed').to.equal(
      '<ul><li><p><em>one</em></p></li><li><p>two</p></li><li><p>three</p></li></ul>',
    );
    expect(container.querySelector('em')).to.equal(emphasis);
    stream.end();
    await stream.settled();
    expect(container.innerHTML).to.equal(
      '<ul><li><p><em>one</em></p></li><li><p>two</p></li><li><p>three</p></li></ul>',
    );
    expect(container.querySelector('em')).to.equal(emphasis);
  });

  const listShapes: readonly [string, string][] = [
    ['a tight list with a nested list', '- a\n  - b\n- c\n'],
    ['a loose nested list in a tight one', '- a\n  - b\n\n  - c\n- d\n'],
    ['a blank line between an item and the next after a nested list', '- a\n  - b\n\n- c\n'],
    ['a second paragraph in an item', '1. a\n\n   b\n2. c\n'],
    ['a blank line inside a quote in an item', '- > a\n  >\n  > b\n- c\n'],
    ['an item whose first line is empty', '-\n  foo\n- bar\n'],
    ['a code block after an item paragraph', '- a\n  ```\n  x\n  ```\n  b\n- c\n'],
    ['a lazy continuation line', '- a\nlazy\n- b\n'],
  ];
  for (const [name, markdown] of listShapes) {
    it(`streams ${name} in the shape it settles to, touching nothing when it settles`, async () => {
      const { container, stream } = await openStream();
      for (const chunk of chunksOf(markdown, 1)) stream.append(chunk);
      const streamed = container.innerHTML;
      const observer = new MutationObserver(() => undefined);
      observer.observe(container, { subtree: true, childList: true });
      stream.end();
      await stream.settled();
      expect(container.innerHTML).to.equal(streamed);
      expect(observer.takeRecords(), 'nodes added or removed').to.have.length(0);
    });
  }

  it('leaves a settled group alone while later groups stream and settle', async () => {
    const { container, stream } = await openStream();
    stream.append('First *group* with [a link](https://x.test).\n\nSecond');
    const first = container.firstElementChild!;
    const shape = describeDom(first);
    const observer = new MutationObserver(() => undefined);
    observer.observe(first, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    for (const chunk of chunksOf(' group.\n\n- a\n- b\n\nSetext\n---\n\n| a |\n|---|\n| 1 |\n', 3))
      stream.append(chunk);
    stream.end();
    await stream.settled();
    expect(observer.takeRecords()).to.have.length(0);
    observer.disconnect();
    expect(container.firstElementChild).to.equal(first);
    expect(describeDom(first)).to.equal(shape);
    expect(container.querySelector('h2')?.textContent).to.equal('Setext');
  });

  it('links a reference whose definition comes further down, at the end', async () => {
    const container = await renderChunks([
      'See [the docs].\n\nMore text.\n\n[the docs]: https://x.test/docs "Docs"',
    ]);
    const anchor = container.querySelector('a')!;
    expect(anchor.getAttribute('href')).to.equal('https://x.test/docs');
    expect(anchor.title).to.equal('Docs');
    expect(container.querySelectorAll('p')).to.have.length(2);
  });

  it('keeps a fenced code block with blank lines in one group', async () => {
    const markdown = '```\na\n\nb\n\n- c\n```\n\nafter';
    const container = await renderChunks(chunksOf(markdown, 2));
    expect(container.querySelector('code')?.textContent).to.equal('a\n\nb\n\n- c\n');
    expect(container.querySelector('p')?.textContent).to.equal('after');
  });

  it('keeps a loose list across blank lines in one group', async () => {
    const container = await renderChunks(['- a\n\n- b\n\n10. c\n\nend']);
    expect(container.innerHTML).to.equal(
      '<ul><li><p>a</p></li><li><p>b</p></li></ul><ol start="10"><li>c</li></ol><p>end</p>',
    );
  });
});
