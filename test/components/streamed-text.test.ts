import { expect } from 'chai';
import { html, render } from 'lit';
import { streamedText } from '../../components/streamed-text.js';

/** Renders `<code ${streamedText(pieces)}>` into `container` and returns the <code>. */
function show(container: HTMLElement, pieces: readonly string[]): HTMLElement {
  render(html`<code ${streamedText(pieces)}></code>`, container);
  return container.querySelector('code')!;
}

function textNodes(element: Element): Text[] {
  return [...element.childNodes].filter((node): node is Text => node instanceof Text);
}

describe('streamedText', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('extends the text node it already shows as pieces are appended', () => {
    const pieces = ['{"a":'];
    const code = show(container, pieces);
    const [first] = textNodes(code);
    pieces.push('1,');
    show(container, pieces);
    pieces.push('"b":2}');
    show(container, pieces);
    expect(code.textContent).to.equal('{"a":1,"b":2}');
    expect(textNodes(code)).to.deep.equal([first]);
  });

  it('starts over for a new pieces array, or one that got shorter', () => {
    const first = ['{"path":', '"/tmp/a"}'];
    const code = show(container, first);
    show(container, ['{"city":"Paris"}']);
    expect(code.textContent).to.equal('{"city":"Paris"}');
    const shrinking = ['a', 'b', 'c'];
    show(container, shrinking);
    shrinking.length = 1;
    show(container, shrinking);
    expect(code.textContent).to.equal('a');
    show(container, []);
    expect(code.textContent).to.equal('');
    show(container, ['again']);
    expect(code.textContent).to.equal('again');
  });

  it('never reads more than the new pieces (a growing string would be copied whole on every delta)', () => {
    const pieces: string[] = [];
    const code = show(container, pieces);
    let expected = '';
    for (let i = 0; i < 1000; i += 1) {
      const piece = `p${i};`;
      pieces.push(piece);
      expected += piece;
      show(container, pieces);
    }
    expect(code.textContent).to.equal(expected);
  });

  it('holds back half of a surrogate pair until its other half arrives', () => {
    const pieces = ['ok \uD83D'];
    const code = show(container, pieces);
    expect(code.textContent).to.equal('ok ');
    pieces.push('\uDE00!');
    show(container, pieces);
    expect(code.textContent).to.equal('ok 😀!');
  });

  it('shows hidden characters as markers, one marker for a run split across pieces', () => {
    const pieces = ['a\u200B'];
    const code = show(container, pieces);
    pieces.push('\u200B');
    show(container, pieces);
    pieces.push('\u202Eb');
    show(container, pieces);
    const markers = [...code.querySelectorAll('[part~="hidden-char"]')].map(
      (marker) => marker.textContent,
    );
    expect(markers).to.deep.equal(['U+200B ×2', 'U+202E']);
    expect(code.textContent).to.equal('aU+200B ×2U+202Eb');
  });

  it('keeps every text node bounded, so each append costs the same however long the text is', () => {
    const pieces: string[] = [];
    let code: HTMLElement | undefined;
    for (let i = 0; i < 80; i += 1) {
      pieces.push(`${'y'.repeat(99)}\n`);
      code = show(container, pieces);
    }
    const nodes = textNodes(code!);
    expect(code!.textContent).to.equal(pieces.join(''));
    expect(nodes.length).to.be.within(3, 5);
    for (const node of nodes) expect(node.length).to.be.at.most(2048 + 100);
  });

  it('keeps only the newest 8 KB on screen while streaming, behind a note counting the rest', () => {
    const pieces: string[] = [];
    let code: HTMLElement | undefined;
    for (let i = 0; i < 500; i += 1) {
      pieces.push(`${String(i).padStart(99, '.')}\n`);
      code = show(container, pieces);
    }
    const note = code!.querySelector('[part~="tool-arguments-elided"]');
    expect(note?.textContent).to.match(/^… [\d,]+ earlier characters/);
    const shownText = [...code!.childNodes]
      .filter((node) => node !== note)
      .map((node) => node.textContent)
      .join('');
    expect(shownText.length).to.be.within(8192, 8192 + 2048 + 100);
    expect(pieces.join('').endsWith(shownText)).to.equal(true, 'the newest text, in order');
    const elided = Number(/… ([\d,]+)/.exec(note!.textContent)![1]!.replaceAll(',', ''));
    expect(elided + shownText.length).to.equal(50_000);
  });

  it('refuses to go anywhere but on an element', () => {
    expect(() => render(html`<p>${streamedText(['x'])}</p>`, container)).to.throw(/on an element/);
  });
});
