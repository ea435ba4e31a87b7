import type { DemoSkill } from '../../src/testing/demo-model.js';
import { lex } from './grammar/lexer.js';
import { longStory } from './long-story.js';
import { readPreviousTurn } from './previous-turn.js';

const shortenWords = new Set([
  'shorter',
  'shorten',
  'summarize',
  'summarise',
  'summary',
  'tldr',
  'tl',
  'brief',
  'briefly',
  'condense',
  'shorter?',
  'short',
]);
const storySummary =
  'A lighthouse keeper gets a robot to help with the stairs; it learns why she keeps the lamp lit for strangers, keeps it lit itself through a storm, and becomes her assistant keeper.';

// Markdown to plain sentences: no headings, list markers, tables, code or emphasis.
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/gu, ' ')
    .split('\n')
    .filter((line) => !/^\s*(?:#|\||>|-{3})/u.test(line))
    .map((line) => line.replace(/^\s*(?:[-*]|\d+\.)\s+/u, ''))
    .join(' ')
    .replace(/[*_`]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** "make that shorter", "tl;dr", "summarize it": the previous answer, cut to its first sentence. */
export const shortenSkill: DemoSkill = {
  name: 'shorten',
  answer: (context) => {
    const words = lex(context.userText).map((lexeme) => lexeme.text);
    if (
      words.length > 12 ||
      !words.some(
        (word) => shortenWords.has(word) || (word === 'one' && words.includes('sentence')),
      )
    )
      return undefined;
    const { answer } = readPreviousTurn(context);
    if (!answer) return { text: 'There is nothing to shorten yet: ask me something first.' };
    if (answer.includes(longStory.slice(0, 200)))
      return { text: `In one sentence: ${storySummary}` };
    const plain = plainText(answer);
    const first = /^.*?[.!?](?=\s|$)/u.exec(plain)?.[0] ?? plain;
    if (first.split(' ').length >= plain.split(' ').length)
      return { text: `That was already about as short as I can make it: ${plain}` };
    return { text: `Shorter: ${first}` };
  },
};
