// The page of settle-bench.mjs: conformance of the renderer on the spec examples, and its cost
// streaming a long answer, against plain paragraphs. Bundled twice: with the settle pass, and
// with it stubbed out (the hand-written streaming parser alone).
import { MarkdownStream } from '../../components/markdown/index.js';
import { COMMONMARK_EXAMPLES } from '../../test/fixtures/commonmark/examples.js';
import type { SpecExample } from '../../test/fixtures/commonmark/spec-example.js';
import { GFM_EXTENSION_EXAMPLES } from '../../test/fixtures/gfm/examples.js';
import {
  normaliseActual,
  normaliseExpected,
  passesRawHtml,
} from '../../test/components/markdown/spec-normalise.js';

interface SectionTally {
  passed: number;
  total: number;
}

async function render(markdown: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  const stream = new MarkdownStream(container, { highlight: false, math: false });
  stream.append(markdown);
  stream.end();
  await stream.settled();
  return container;
}

async function conformance(): Promise<Record<string, Record<string, SectionTally>>> {
  const result: Record<string, Record<string, SectionTally>> = {};
  const suites: [string, readonly SpecExample[]][] = [
    ['commonmark', COMMONMARK_EXAMPLES],
    ['gfm', GFM_EXTENSION_EXAMPLES],
  ];
  for (const [name, examples] of suites) {
    const sections: Record<string, SectionTally> = {};
    for (const example of examples) {
      if (passesRawHtml(example)) continue;
      const tally = (sections[example.section] ??= { passed: 0, total: 0 });
      tally.total++;
      if (normaliseActual(await render(example.markdown)) === normaliseExpected(example.html))
        tally.passed++;
    }
    result[name] = sections;
  }
  return result;
}

/**
 * Streams `tokens` into a fresh container; returns the main-thread time in ms. With `frames`, a
 * layout follows every append, standing in for the frame the browser renders between chunks.
 */
async function cost(
  tokens: readonly string[],
  renderer: 'plain' | 'ours',
  frames: boolean,
): Promise<number> {
  const container = document.body.appendChild(document.createElement('div'));
  const start = performance.now();
  if (renderer === 'plain') {
    let paragraph = container.appendChild(document.createElement('p'));
    let text = paragraph.appendChild(document.createTextNode(''));
    for (const token of tokens) {
      if (token.includes('\n\n')) {
        paragraph = container.appendChild(document.createElement('p'));
        text = paragraph.appendChild(document.createTextNode(''));
      }
      text.appendData(token);
      if (frames) void container.offsetHeight;
    }
  } else {
    const stream = new MarkdownStream(container, { highlight: false, math: false });
    for (const token of tokens) {
      stream.append(token);
      if (frames) void container.offsetHeight;
    }
    stream.end();
    if (frames) void container.offsetHeight;
  }
  const elapsed = performance.now() - start;
  container.remove();
  return elapsed;
}

Object.assign(window, { conformance, cost, warm: () => render('# warm *up*\n\n- a\n- b') });
