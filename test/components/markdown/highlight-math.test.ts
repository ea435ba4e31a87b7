import { expect } from 'chai';
import { chunksOf, describeDom, renderChunks } from './render-helpers.js';

const ON = { highlight: true, math: true } as const;

describe('code highlighting and math, loaded lazily', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('highlights a finished code block from tokens, keeping its text and copy button', async () => {
    const source = 'const answer: number = 42; // the answer\nfunction f() { return "x"; }\n';
    const container = await renderChunks([`\`\`\`ts\n${source}\`\`\``], ON);
    const code = container.querySelector('code.language-ts')!;
    expect(code.textContent).to.equal(source);
    expect(code.querySelector('span.hljs-keyword')?.textContent).to.equal('const');
    expect(code.querySelector('span.hljs-string')?.textContent).to.equal('"x"');
    expect(code.querySelector('span.hljs-comment')?.textContent).to.equal('// the answer');
    expect(container.querySelector('button.copy-button')).to.not.equal(null);
    // The token colours come with the lazy chunk, through a custom property.
    container.style.setProperty('--tool-agent-code-keyword', 'rgb(1, 2, 3)');
    expect(getComputedStyle(code.querySelector('span.hljs-keyword')!).color).to.equal(
      'rgb(1, 2, 3)',
    );
  });

  it('highlights the common languages of model output, by name or alias', async () => {
    const languages = [
      'js',
      'typescript',
      'python',
      'py',
      'bash',
      'sh',
      'shell',
      'json',
      'html',
      'css',
      'sql',
      'go',
      'rust',
      'java',
      'c',
      'cpp',
      'diff',
      'yaml',
    ];
    const samples: Readonly<Record<string, string>> = {
      html: '<b class="x">t</b>',
      diff: '-old\n+new',
    };
    const sample = (language: string): string => samples[language] ?? 'if (x) { y = "z"; } // c';
    const markdown = languages
      .map((language) => `\`\`\`${language}\n${sample(language)}\n\`\`\``)
      .join('\n\n');
    const container = await renderChunks([markdown], ON);
    for (const code of container.querySelectorAll('code')) {
      expect(code.querySelector('span[class^="hljs-"]'), code.className).to.not.equal(null);
    }
  });

  it('highlights a less common name a grammar declares (gyp, hxx, xhtml) and HTML with its script', async () => {
    const markdown = [
      '```gyp\nif x:\n    y = "z"\n```',
      '```hxx\nint main() { return 0; }\n```',
      '```xhtml\n<p class="x">t</p><script>let y = 1;</script>\n```',
    ].join('\n\n');
    const container = await renderChunks([markdown], ON);
    const codes = [...container.querySelectorAll('code')];
    expect(codes).to.have.length(3);
    for (const code of codes)
      expect(code.querySelector('span[class^="hljs-"]'), code.className).to.not.equal(null);
    expect(codes[2]!.querySelector('.hljs-keyword')?.textContent).to.equal('let');
  });

  it('leaves fences named like object properties (constructor, __proto__, toString) as text, without failing', async () => {
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const markdown = names.map((name) => `\`\`\`${name}\nx = 1\n\`\`\``).join('\n\n');
    const container = await renderChunks([markdown], ON);
    const codes = [...container.querySelectorAll('code')];
    expect(codes).to.have.length(names.length);
    for (const code of codes) {
      expect(code.textContent).to.equal('x = 1\n');
      expect(code.querySelector('span[class^="hljs-"]'), code.className).to.equal(null);
    }
    // The settle pass swallows a failed highlight, so call the highlighter itself too.
    const { highlightCode } =
      await import('../../../components/markdown/highlight/highlight-code.js');
    for (const name of names) {
      const code = document.createElement('code');
      code.textContent = 'x = 1';
      expect(() => highlightCode(code, name), name).to.not.throw();
      expect(code.textContent).to.equal('x = 1');
    }
  });

  it('leaves unknown languages, plain fences and highlight: false as text', async () => {
    const markdown = '```klingon\nqapla\n```\n\n```\nplain\n```';
    for (const options of [ON, { highlight: false }]) {
      const container = await renderChunks([markdown], options);
      expect(container.querySelectorAll('code span')).to.have.length(0);
    }
    const off = await renderChunks(['```js\nconst x = 1;\n```'], { highlight: false });
    expect(off.querySelectorAll('code span')).to.have.length(0);
  });

  it('builds the same highlighted DOM however the text is chunked', async () => {
    const markdown =
      'Some code:\n\n```python\ndef f(x):\n    return x * 2  # double\n```\n\nand $a^2+b^2=c^2$.';
    const whole = describeDom(await renderChunks([markdown], ON));
    expect(describeDom(await renderChunks(chunksOf(markdown, 1), ON))).to.equal(whole);
    expect(describeDom(await renderChunks(chunksOf(markdown, 7), ON))).to.equal(whole);
  });

  it('typesets $…$, $$…$$, \\(…\\) and \\[…\\] as MathML, keeping the TeX', async () => {
    const container = await renderChunks(
      ['Inline $x^2$ and \\(\\alpha\\).\n\n$$\n\\int_0^1 x\\,dx\n$$\n\n\\[E = mc^2\\]'],
      ON,
    );
    const inline = container.querySelectorAll('span.math-inline');
    expect(Array.from(inline, (element) => element.getAttribute('data-tex'))).to.deep.equal([
      'x^2',
      '\\alpha',
    ]);
    for (const element of inline) expect(element.querySelector('math')).to.not.equal(null);
    const display = container.querySelectorAll('.math-display');
    expect(Array.from(display, (element) => element.getAttribute('data-tex'))).to.deep.equal([
      '\\int_0^1 x\\,dx',
      'E = mc^2',
    ]);
    expect(display[0]!.querySelector('math')?.getAttribute('display')).to.equal('block');
    expect(display[0]!.querySelector('annotation')?.textContent).to.equal('\\int_0^1 x\\,dx');
  });

  it('keeps currency as text', async () => {
    const container = await renderChunks(['It costs $5 and $10, or $ 3 and 4 $ at most.'], ON);
    expect(container.querySelector('.math')).to.equal(null);
    expect(container.textContent).to.equal('It costs $5 and $10, or $ 3 and 4 $ at most.');
  });

  it('shows invalid TeX as an error in place, without throwing', async () => {
    const container = await renderChunks(['Broken $\\frac{1$ math'], ON);
    expect(container.querySelector('.math')?.getAttribute('data-tex')).to.equal('\\frac{1');
  });

  it('leaves math alone with math: false (\\( is an escaped parenthesis then)', async () => {
    const container = await renderChunks(['$x$ and \\(y\\)'], { math: false });
    expect(container.querySelector('.math')).to.equal(null);
    expect(container.textContent).to.equal('$x$ and (y)');
  });

  it('copies typeset math as its TeX source', async () => {
    const container = await renderChunks(['Area is $\\pi r^2$ here.'], ON);
    const range = document.createRange();
    range.selectNodeContents(container.querySelector('p')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    const data = new DataTransfer();
    container
      .querySelector('p')!
      .dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    expect(data.getData('text/plain')).to.equal('Area is $\\pi r^2$ here.');
  });
});
