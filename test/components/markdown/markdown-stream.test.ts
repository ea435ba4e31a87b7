import { expect } from 'chai';
import { MarkdownStream, renderMarkdown } from '../../../components/markdown/index.js';
import {
  chunksOf,
  codeBlockHtml,
  describeDom,
  randomChunks,
  renderChunks,
} from './render-helpers.js';

const TABLE_ATTRS = 'class="table-scroll" tabindex="0"';
const LINK_ATTRS = 'target="_blank" rel="noopener noreferrer nofollow"';

/** [what, markdown, expected innerHTML] */
const CASES: readonly (readonly [string, string, string])[] = [
  [
    'ATX headings of every level',
    '# A\n## B\n### C\n#### D\n##### E\n###### F',
    '<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>',
  ],
  ['not headings', '####### seven\n#hashtag', '<p>####### seven\n#hashtag</p>'],
  [
    'inline syntax in a heading, trailing spaces dropped',
    '## Hello *world*   ',
    '<h2>Hello <em>world</em></h2>',
  ],
  ['paragraphs and soft breaks', 'one\ntwo\n\n\nthree', '<p>one\ntwo</p><p>three</p>'],
  ['hard breaks', 'a  \nb\\\nc', '<p>a<br>\nb<br>\nc</p>'],
  [
    'emphasis, strong and strikethrough',
    '*a* _b_ **c** __d__ ***e*** ~~f~~',
    '<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong> <em><strong>e</strong></em> <del>f</del></p>',
  ],
  [
    'nested emphasis',
    '**bold *and em* bold**',
    '<p><strong>bold <em>and em</em> bold</strong></p>',
  ],
  [
    'intraword underscores and stars',
    'snake_case_name and 2*3*4',
    '<p>snake_case_name and 2<em>3</em>4</p>',
  ],
  [
    'unclosed or unflanked delimiters stay text; one or two tildes strike (GFM)',
    '**never closed\n\na * b _ c ~d~',
    '<p>**never closed</p><p>a * b _ c <del>d</del></p>',
  ],
  ['emphasis across a soft break', '*one\ntwo*', '<p><em>one\ntwo</em></p>'],
  [
    'inline code',
    'use `a*b*` and `` x ` y `` and ` z ` and `<b>`',
    '<p>use <code>a*b*</code> and <code>x ` y</code> and <code>z</code> and <code>&lt;b&gt;</code></p>',
  ],
  ['unclosed inline code stays text', 'a `b', '<p>a `b</p>'],
  [
    'bullet lists, nested',
    '- a\n- b\n  - c\n  - d\n- e',
    '<ul><li>a</li><li>b<ul><li>c</li><li>d</li></ul></li><li>e</li></ul>',
  ],
  [
    'a new bullet character starts a new list',
    '- a\n* b',
    '<ul><li>a</li></ul><ul><li>b</li></ul>',
  ],
  [
    'ordered lists with start numbers and nesting',
    '3. x\n4. y\n   - z\n\n1) p',
    '<ol start="3"><li>x</li><li>y<ul><li>z</li></ul></li></ol><ol><li>p</li></ol>',
  ],
  [
    'list items with several blocks',
    '- item\n\n  para\n\n  ```\n  code\n  ```\n- next',
    `<ul><li><p>item</p><p>para</p>${codeBlockHtml('code\n')}</li><li><p>next</p></li></ul>`,
  ],
  ['lazy continuation of a list item', '- a\ncontinued', '<ul><li>a\ncontinued</li></ul>'],
  ['a number that cannot interrupt a paragraph', 'In\n1986. it was', '<p>In\n1986. it was</p>'],
  [
    'blockquotes, nested and lazy',
    '> a\nlazy\n>> b\n\n> - x',
    '<blockquote><p>a\nlazy</p><blockquote><p>b</p></blockquote></blockquote><blockquote><ul><li>x</li></ul></blockquote>',
  ],
  ['horizontal rules', '***\n---\n___\n- - -\n\ntext\n\n---', '<hr><hr><hr><hr><p>text</p><hr>'],
  [
    'GFM table with alignment, inline syntax, missing and extra cells',
    '| A | *B* | C |\n|:--|:-:|--:|\n| `x\\|y` | **z** | [l](https://x.test) | extra |\n| 1 |',
    `<div ${TABLE_ATTRS}><table><thead><tr><th style="text-align: left;">A</th><th style="text-align: center;"><em>B</em></th>` +
      `<th style="text-align: right;">C</th></tr></thead><tbody><tr><td style="text-align: left;"><code>x|y</code></td>` +
      `<td style="text-align: center;"><strong>z</strong></td><td style="text-align: right;"><a href="https://x.test/" ${LINK_ATTRS}>l</a></td></tr>` +
      '<tr><td style="text-align: left;">1</td><td style="text-align: center;"></td><td style="text-align: right;"></td></tr></tbody></table></div>',
  ],
  [
    'a table after a paragraph line, ended by a blank line',
    'text\n| a |\n|---|\n| 1 |\n\nafter',
    `<p>text</p><div ${TABLE_ATTRS}><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div><p>after</p>`,
  ],
  [
    'a table header alone',
    '| a | b |\n|---|---|',
    `<div ${TABLE_ATTRS}><table><thead><tr><th>a</th><th>b</th></tr></thead></table></div>`,
  ],
  [
    'pipes that make no table',
    '| a | b |\nno delimiter\n\n| a | b |\n|---|',
    '<p>| a | b |\nno delimiter</p><p>| a | b |\n|---|</p>',
  ],
  [
    'fenced code with a language',
    '```python\nprint("<b>")\n  indented\n```\nafter',
    `${codeBlockHtml('print("&lt;b&gt;")\n  indented\n', 'python')}<p>after</p>`,
  ],
  [
    'tilde fences and longer fences',
    '~~~~\n```\ninner\n```\n~~~~',
    codeBlockHtml('```\ninner\n```\n'),
  ],
  ['an unclosed fence runs to the end', '```\ncode', codeBlockHtml('code\n')],
  [
    'an indented fence strips its indentation',
    '  ```\n  a\n    b\n  ```',
    codeBlockHtml('a\n  b\n'),
  ],
  ['inline code at a line start is no fence', '```a``` b', '<p><code>a</code> b</p>'],
  [
    'links with titles, parentheses and entities',
    '[a](https://x.test/p?q=1&amp;r=2 "T") [w](https://en.wikipedia.org/wiki/A_(b))',
    `<p><a href="https://x.test/p?q=1&amp;r=2" ${LINK_ATTRS} title="T">a</a> ` +
      `<a href="https://en.wikipedia.org/wiki/A_(b)" ${LINK_ATTRS}>w</a></p>`,
  ],
  [
    'formatted link text',
    '[**bold** link](https://x.test)',
    `<p><a href="https://x.test/" ${LINK_ATTRS}><strong>bold</strong> link</a></p>`,
  ],
  [
    'autolinks',
    '<https://x.test/a> and <me@x.test>',
    `<p><a href="https://x.test/a" ${LINK_ATTRS}>https://x.test/a</a> and <a href="mailto:me@x.test" ${LINK_ATTRS}>me@x.test</a></p>`,
  ],
  ['brackets that are no links', 'arr[0] and [a] (b) and [x]', '<p>arr[0] and [a] (b) and [x]</p>'],
  [
    'unsafe and relative links keep their text only',
    '[x](javascript:alert(1)) [y](/path) [z](#top)',
    '<p>x y z</p>',
  ],
  ['an invalid destination stays text', '[a](b c d)', '<p>[a](b c d)</p>'],
  [
    'images become links and load nothing',
    '![a cat](https://x.test/cat.png)',
    `<p><a href="https://x.test/cat.png" ${LINK_ATTRS} class="image-link">a cat</a></p>`,
  ],
  [
    'text keeps its order around a failed autolink with a pending delimiter',
    '<33> <__> <a**> <b`c>',
    '<p>&lt;33&gt; &lt;__&gt; &lt;a**&gt; &lt;b`c&gt;</p>',
  ],
  ['raw HTML is text', '<div onclick="x">hi</div>', '<p>&lt;div onclick="x"&gt;hi&lt;/div&gt;</p>'],
  [
    'character references',
    '&amp; &lt;b&gt; &#65; &#x1F600; &bogus; & alone',
    '<p>&amp; &lt;b&gt; A 😀 &amp;bogus; &amp; alone</p>',
  ],
  ['backslash escapes', '\\*not em\\* \\# \\[x\\] \\a', '<p>*not em* # [x] \\a</p>'],
  ['CRLF line endings', 'a\r\nb\r\n\r\nc', '<p>a\nb</p><p>c</p>'],
];

describe('MarkdownStream', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  for (const [what, markdown, expected] of CASES) {
    describe(what, () => {
      it('renders whole', async () => {
        expect((await renderChunks([markdown])).innerHTML).to.equal(expected);
      });

      it('renders the same DOM from 1-character chunks and random splits', async () => {
        const whole = describeDom(await renderChunks([markdown]));
        expect(describeDom(await renderChunks(chunksOf(markdown, 1))), '1-char chunks').to.equal(
          whole,
        );
        for (let seed = 1; seed <= 20; seed++) {
          expect(
            describeDom(await renderChunks(randomChunks(markdown, seed, 6))),
            `seed ${seed}`,
          ).to.equal(whole);
        }
      });
    });
  }

  it('renders images as their alt text with images: "text"', async () => {
    expect(
      (await renderChunks(['![a cat](https://x.test/cat.png)'], { images: 'text' })).innerHTML,
    ).to.equal('<p>a cat</p>');
  });

  it('renderMarkdown matches streaming', async () => {
    const container = document.createElement('div');
    await renderMarkdown(container, '# T\n\n- a\n- b', { highlight: false, math: false });
    expect(container.innerHTML).to.equal('<h1>T</h1><ul><li>a</li><li>b</li></ul>');
    expect(container.classList.contains('tool-agent-markdown')).to.equal(true);
  });

  it('shows text while it streams, before the block is finished', async () => {
    const container = document.createElement('div');
    const stream = new MarkdownStream(container);
    stream.append('Hello **wor');
    expect(container.innerHTML).to.equal('<p>Hello <strong>wor</strong></p>');
    stream.append('ld** and `co');
    expect(container.innerHTML).to.equal('<p>Hello <strong>world</strong> and <code>co</code></p>');
    stream.append('de`\n\n```js\nlet x');
    expect(container.querySelector('code.language-js')?.textContent).to.equal('let x');
  });

  it('refuses append() after end() and tolerates a second end()', async () => {
    const stream = new MarkdownStream(document.createElement('div'));
    stream.end();
    stream.end();
    expect(stream.ended).to.equal(true);
    expect(() => stream.append('x')).to.throw(Error, /after end/);
  });

  it('keeps a CRLF split across chunks a single line break', async () => {
    expect((await renderChunks(['a\r', '\nb\r', '\r\nc'])).innerHTML).to.equal(
      '<p>a\nb</p><p>c</p>',
    );
  });

  it('caps nesting, so hostile input costs linear time', async () => {
    const depth = (node: Element): number =>
      Math.max(0, ...Array.from(node.children, (child) => 1 + depth(child)));
    for (const markdown of [
      '*a '.repeat(200),
      '>'.repeat(200) + ' x',
      '- '.repeat(100) + 'x',
      '[a]('.repeat(1000),
    ]) {
      const whole = await renderChunks([markdown]);
      // 32 containers at most (a list item adds <ul> and <li>), 16 inline elements at most.
      expect(depth(whole), markdown.slice(0, 12)).to.be.below(70);
      expect(
        describeDom(await renderChunks(chunksOf(markdown, 3))),
        markdown.slice(0, 12),
      ).to.equal(describeDom(whole));
    }
  });

  it('replaces NUL characters', async () => {
    expect((await renderChunks(['a\0b'])).innerHTML).to.equal('<p>a\ufffdb</p>');
  });
});
