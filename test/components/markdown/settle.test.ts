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

  it('makes a tight list tight by moving, not re-creating, its text', async () => {
    const { container, stream } = await openStream();
    stream.append('- one\n- two\n');
    const text = container.querySelector('li')!.firstChild!.firstChild as Text;
    expect(text.data).to.equal('one');
    stream.end();
    await stream.settled();
    expect(container.innerHTML).to.equal('<ul><li>one</li><li>two</li></ul>');
    expect(container.querySelector('li')!.firstChild).to.equal(text);
  });

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
