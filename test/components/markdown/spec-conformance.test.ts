import { expect } from 'chai';
import { COMMONMARK_EXAMPLES } from '../../fixtures/commonmark/examples.js';
import type { SpecExample } from '../../fixtures/commonmark/spec-example.js';
import { GFM_EXTENSION_EXAMPLES } from '../../fixtures/gfm/examples.js';
import { chunksOf, describeDom, randomChunks, renderChunks } from './render-helpers.js';
import { SPEC_EXCEPTIONS } from './spec-exceptions.js';
import { normaliseActual, normaliseExpected, passesRawHtml } from './spec-normalise.js';

/** The share of examples outside the safety rules that must render as the spec says. */
const TARGET = 0.98;

/** Every tag the renderer may create. */
const SAFE_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'em',
  'strong',
  'del',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'code',
  'div',
  'button',
  'a',
  'input',
]);

interface Suite {
  readonly name: string;
  readonly prefix: string;
  readonly examples: readonly SpecExample[];
}

const SUITES: readonly Suite[] = [
  { name: 'CommonMark 0.31.2', prefix: 'cm', examples: COMMONMARK_EXAMPLES },
  { name: 'GFM 0.29 extensions', prefix: 'gfm', examples: GFM_EXTENSION_EXAMPLES },
];

interface Tally {
  passed: number;
  total: number;
  rawHtml: number;
}

for (const suite of SUITES) {
  describe(`${suite.name} spec examples`, () => {
    const tallies = new Map<string, Tally>();
    const unexpected: string[] = [];
    afterEach(() => {
      document.body.replaceChildren();
    });

    for (const example of suite.examples) {
      const key = `${suite.prefix}-${example.number}`;
      it(`${key} (${example.section}) renders the same however chunked, and as the spec says`, async () => {
        const whole = await renderChunks([example.markdown]);
        const shape = describeDom(whole);
        expect(
          describeDom(await renderChunks(chunksOf(example.markdown, 1))),
          '1-char chunks',
        ).to.equal(shape);
        for (const seed of [1, 2]) {
          expect(
            describeDom(
              await renderChunks(randomChunks(example.markdown, seed + example.number, 5)),
            ),
            `seed ${seed}`,
          ).to.equal(shape);
        }
        for (const element of whole.querySelectorAll('*'))
          expect(SAFE_TAGS, `<${element.localName}>`).to.include(element.localName);

        const tally = tallies.get(example.section) ?? { passed: 0, total: 0, rawHtml: 0 };
        tallies.set(example.section, tally);
        if (passesRawHtml(example)) {
          tally.rawHtml++;
          return;
        }
        tally.total++;
        const actual = normaliseActual(whole);
        const expected = normaliseExpected(example.html);
        const exception = SPEC_EXCEPTIONS[key];
        if (actual === expected) {
          tally.passed++;
          if (exception !== undefined)
            unexpected.push(`${key} passes now: remove it from SPEC_EXCEPTIONS`);
        } else if (exception === undefined) {
          unexpected.push(
            `${key}: ${JSON.stringify(example.markdown)}\n  expected ${expected}\n  actual   ${actual}`,
          );
        }
      });
    }

    it(`passes at least ${TARGET * 100}% of the examples outside the safety rules, each other one argued`, () => {
      let passed = 0;
      let total = 0;
      const lines: string[] = [];
      for (const [section, tally] of tallies) {
        passed += tally.passed;
        total += tally.total;
        lines.push(
          `  ${section}: ${tally.passed}/${tally.total}${tally.rawHtml > 0 ? ` (+${tally.rawHtml} raw HTML, shown as text)` : ''}`,
        );
      }
      console.log(
        `${suite.name}: ${passed}/${total} = ${((100 * passed) / total).toFixed(1)}%\n${lines.join('\n')}`,
      );
      expect(unexpected, unexpected.join('\n')).to.deep.equal([]);
      expect(passed / total).to.be.at.least(TARGET);
    });
  });
}
