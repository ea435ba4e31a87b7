import { expect } from 'chai';
import { renderMarkdown } from '../../../components/markdown/index.js';
import { SAMPLE_ANSWER } from './sample-answer.js';
import { XSS_CORPUS } from './xss-corpus.js';

/** A same-origin frame whose CSP enforces Trusted Types, as a strict host page would. */
async function strictFrame(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc =
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="require-trusted-types-for 'script'; trusted-types 'none'">` +
    '<body></body>';
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('MarkdownStream under require-trusted-types-for', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('renders without a single policy violation', async () => {
    const frame = await strictFrame();
    const doc = frame.contentDocument!;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (event) =>
      violations.push(event.violatedDirective),
    );

    const probe = doc.createElement('div');
    // The policy is live: a string reaching innerHTML is refused (with the frame's own TypeError).
    let refusal: unknown;
    try {
      probe.innerHTML = '<b>x</b>';
    } catch (error) {
      refusal = error;
    }
    expect((refusal as Error | undefined)?.name).to.equal('TypeError');
    // Violation events are queued tasks: let the probe's arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(violations).to.deep.equal(['require-trusted-types-for']);
    violations.length = 0;

    const container = doc.body.appendChild(doc.createElement('div'));
    const math = 'Math: $e^{i\\pi} + 1 = 0$ and\n\n$$\n\\sum_{k=1}^n k = \\frac{n(n+1)}{2}\n$$';
    // Highlighting and math are on (the defaults): their lazy chunks must build DOM without HTML strings too.
    await renderMarkdown(
      container,
      SAMPLE_ANSWER +
        '\n\n' +
        math +
        '\n\n' +
        XSS_CORPUS.map((vector) => vector.markdown).join('\n\n'),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(violations).to.deep.equal([]);
    expect(container.querySelector('table')).to.not.equal(null);
    expect(container.querySelector('a[href="https://example.org/"]')).to.not.equal(null);
    expect(container.querySelector('button[part="copy-button"]')).to.not.equal(null);
    expect(container.querySelector('code span.hljs-keyword')).to.not.equal(null);
    expect(container.querySelector('.math-display math')).to.not.equal(null);
  });
});
