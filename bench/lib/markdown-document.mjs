/**
 * A deterministic markdown answer of about `tokens` tokens (a token = one streamed delta: a word
 * with its leading whitespace, the way src/testing's textReply cuts text): headings, paragraphs
 * with inline code, emphasis and links, bullet and numbered lists, tables and fenced code. It
 * ends with a marker line so a run can check that everything was rendered.
 */
import { seeded } from './synthetic-stream.mjs';

export const endMarker = 'END-OF-ANSWER';

const vocabulary = [
  'agent',
  'stream',
  'token',
  'browser',
  'fetch',
  'tool',
  'result',
  'model',
  'delta',
  'render',
  'element',
  'parser',
  'schema',
  'value',
  'request',
  'response',
  'chunk',
  'table',
  'list',
  'code',
];

/** Cuts text before each word, as textReply does. */
export function tokenize(text) {
  return text.match(/\s*\S+|\s+/gu) ?? [];
}

export function markdownDocument(tokens, seed = 7) {
  const random = seeded(seed);
  const word = () => vocabulary[Math.floor(random() * vocabulary.length)];
  const words = (n) => Array.from({ length: n }, word).join(' ');
  const blocks = [];
  let count = 0;
  const add = (block) => {
    blocks.push(block);
    count += tokenize(block).length + 1;
  };
  for (let section = 1; count < tokens - 20; section++) {
    add(`## ${section}. The ${words(3)}`);
    add(
      `The ${words(20)} with \`${word()}()\`, **${words(2)}** and *${words(2)}*, see [the ${word()} docs](https://example.com/${word()}). ${words(25)}.`,
    );
    add(Array.from({ length: 4 }, () => `- ${words(6)} \`${word()}\``).join('\n'));
    add(Array.from({ length: 3 }, (_, i) => `${i + 1}. ${words(8)}`).join('\n'));
    add(
      `| ${word()} | ${word()} | ${word()} | count |\n| --- | --- | --- | ---: |\n${Array.from({ length: 4 }, (_, i) => `| ${word()} | ${words(2)} | \`${word()}\` | ${i * 7 + 3} |`).join('\n')}`,
    );
    add(
      '```js\n' +
        Array.from(
          { length: 5 },
          (_, i) => `const ${word()}${i} = await ${word()}.${word()}('${word()}', ${i});`,
        ).join('\n') +
        '\n```',
    );
  }
  add(`Done: ${endMarker}`);
  return blocks.join('\n\n');
}
