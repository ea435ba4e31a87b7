import { expect } from 'chai';
import { chunksOf, describeDom, randomChunks, renderChunks } from './render-helpers.js';

/** Characters that drive every markdown rule, plus a little text. */
const ALPHABET = [
  '*',
  '_',
  '~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '!',
  '<',
  '>',
  '&',
  ';',
  '#',
  '|',
  '-',
  '+',
  '.',
  ':',
  '/',
  '\\',
  ' ',
  ' ',
  '\n',
  '\n',
  'a',
  'b',
  '1',
  'h',
  'x',
  'https://x.test',
  '```',
  '| a | b |\n|---|---|\n',
  '- ',
  '> ',
  '1. ',
  '&amp;',
];

function randomMarkdown(seed: number, length: number): string {
  let state = seed;
  const next = (): number => {
    // Park–Miller: deterministic, so a failure names its seed.
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  let text = '';
  while (text.length < length) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

describe('MarkdownStream on random markdown-like input', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('builds the same DOM whole, per character and at random splits (300 inputs)', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const markdown = randomMarkdown(seed, 40 + (seed % 160));
      const whole = describeDom(await renderChunks([markdown]));
      expect(
        describeDom(await renderChunks(chunksOf(markdown, 1))),
        `seed ${seed}, 1-char: ${JSON.stringify(markdown)}`,
      ).to.equal(whole);
      expect(
        describeDom(await renderChunks(randomChunks(markdown, seed, 9))),
        `seed ${seed}: ${JSON.stringify(markdown)}`,
      ).to.equal(whole);
      document.body.replaceChildren();
    }
  });
});
