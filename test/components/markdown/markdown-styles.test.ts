import { expect } from 'chai';
import { MarkdownStream, adoptMarkdownStyles } from '../../../components/markdown/index.js';

const created: HTMLElement[] = [];
const frame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** A scroller of `height` px holding a styled, fully streamed answer. */
async function styledAnswer(text: string, height: number): Promise<HTMLElement> {
  const scroller = document.createElement('div');
  scroller.style.cssText = `height:${height}px;overflow:auto;width:400px`;
  const container = document.createElement('div');
  scroller.append(container);
  document.body.append(scroller);
  created.push(scroller);
  adoptMarkdownStyles(container);
  const stream = new MarkdownStream(container, { highlight: false, math: false });
  stream.append(text);
  stream.end();
  await stream.settled();
  await frame();
  await frame();
  return scroller;
}

describe('markdown styles', () => {
  afterEach(() => created.splice(0).forEach((node) => node.remove()));

  it('skips rendering the blocks far out of view, and renders them when the reader scrolls to them', async () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph **${i}** of the answer.`);
    const scroller = await styledAnswer(paragraphs.join('\n\n'), 200);
    const strong = [...scroller.querySelectorAll('strong')];
    expect(strong).to.have.length(120);
    expect(strong[0]!.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
    expect(strong[119]!.checkVisibility({ contentVisibilityAuto: true })).to.equal(
      false,
      'the last block is far below the view',
    );
    // Skipped blocks keep their text for find in page, copying and screen readers.
    expect(scroller.textContent).to.contain('Paragraph 119 of the answer.');
    scroller.scrollTop = scroller.scrollHeight;
    await frame();
    await frame();
    scroller.scrollTop = scroller.scrollHeight;
    await frame();
    await frame();
    expect(strong[119]!.checkVisibility({ contentVisibilityAuto: true })).to.equal(true);
    expect(strong[0]!.checkVisibility({ contentVisibilityAuto: true })).to.equal(false);
  });

  it('keeps a quote as tall as its text: the paragraphs inside add no space within its border', async () => {
    const scroller = await styledAnswer('> One line quoted.\n\nAfter the quote.', 400);
    const quote = scroller.querySelector('blockquote')!;
    const paragraph = quote.querySelector('p')!;
    expect(quote.getBoundingClientRect().height).to.be.closeTo(
      paragraph.getBoundingClientRect().height,
      0.5,
    );
  });

  it('keeps a remembered height for a block that scrolled out of view', async () => {
    const code = '```\n' + Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n') + '\n```';
    const scroller = await styledAnswer(`${code}\n\n${'Filler paragraph.\n\n'.repeat(150)}`, 300);
    const block = scroller.querySelector('.code-block')!;
    const shownHeight = block.getBoundingClientRect().height;
    expect(shownHeight).to.be.greaterThan(300);
    scroller.scrollTop = scroller.scrollHeight;
    await frame();
    await frame();
    expect(block.getBoundingClientRect().height).to.equal(shownHeight);
  });
});
