import { expect } from 'chai';
import { html, render } from 'lit';
import { streamedText } from '../../components/streamed-text.js';

/** Renders `<code ${streamedText(text)}>` into `container` and returns the <code>. */
function show(container: HTMLElement, text: string): HTMLElement {
  render(html`<code ${streamedText(text)}></code>`, container);
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

  it('extends the text node it already shows instead of replacing it', () => {
    const code = show(container, '{"a":');
    const [first] = textNodes(code);
    show(container, '{"a":1,');
    show(container, '{"a":1,"b":2}');
    expect(code.textContent).to.equal('{"a":1,"b":2}');
    expect(textNodes(code)).to.deep.equal([first]);
  });

  it('starts over when the text is shorter or no longer extends what is shown', () => {
    const code = show(container, '{"path":"/tmp/a"}');
    show(container, '{"path":');
    expect(code.textContent).to.equal('{"path":');
    show(container, '{"city":"Paris","unit":"c"}');
    expect(code.textContent).to.equal('{"city":"Paris","unit":"c"}');
    show(container, '{"city":"Paris","unit":"f"}');
    expect(code.textContent, 'same length, different text').to.equal('{"city":"Paris","unit":"f"}');
    show(container, '');
    expect(code.textContent).to.equal('');
    show(container, 'again');
    expect(code.textContent).to.equal('again');
  });

  it('notices a change at either end of a long text', () => {
    const long = 'x'.repeat(5000);
    const code = show(container, `a${long}b`);
    show(container, `z${long}bc`);
    expect(code.textContent).to.equal(`z${long}bc`);
    show(container, `z${long}Bcd`);
    expect(code.textContent).to.equal(`z${long}Bcd`);
  });

  it('holds back half of a surrogate pair until its other half arrives', () => {
    const code = show(container, 'ok \uD83D');
    expect(code.textContent).to.equal('ok ');
    show(container, 'ok \uD83D\uDE00!');
    expect(code.textContent).to.equal('ok 😀!');
  });

  it('shows hidden characters as markers, one marker for a run split across deltas', () => {
    const code = show(container, 'a\u200B');
    show(container, 'a\u200B\u200B');
    show(container, 'a\u200B\u200B\u202Eb');
    const markers = [...code.querySelectorAll('[part~="hidden-char"]')].map((marker) => marker.textContent);
    expect(markers).to.deep.equal(['U+200B ×2', 'U+202E']);
    expect(code.textContent).to.equal('aU+200B ×2U+202Eb');
  });

  it('keeps every text node bounded, so each append costs the same however long the text is', () => {
    let text = '';
    let code: HTMLElement | undefined;
    for (let i = 0; i < 100; i += 1) {
      text += `${'y'.repeat(99)}\n`;
      code = show(container, text);
    }
    const nodes = textNodes(code!);
    expect(code!.textContent).to.equal(text);
    expect(nodes.length).to.be.within(4, 6);
    for (const node of nodes) expect(node.length).to.be.at.most(2048 + 100);
  });

  it('refuses to go anywhere but on an element', () => {
    expect(() => render(html`<p>${streamedText('x')}</p>`, container)).to.throw(/on an element/);
  });
});
