import type { DemoSkill } from '../../src/testing/demo-model.js';
import type { DemoTurn } from '../../src/testing/index.js';
import { lex, touching } from './grammar/lexer.js';

const comparatives = new Set([
  'bigger',
  'larger',
  'greater',
  'smaller',
  'less',
  'more',
  'higher',
  'lower',
  'biggest',
  'largest',
  'greatest',
  'smallest',
  'compare',
  'max',
  'min',
  'maximum',
  'minimum',
]);
const puzzleWords =
  /\bthink (?:step by step|it through|carefully|hard)\b|\bstep[- ]by[- ]step\b|\bpuzzles?\b|\briddles?\b|\bbrain ?teasers?\b|\breason(?:ing)? (?:it out|through)\b|\bshow (?:me )?(?:your|the) (?:reasoning|thinking)\b/iu;

function compare(a: number, b: number): string {
  if (a === b) return `They are equal: **${a} = ${b}**.`;
  return `**${Math.max(a, b)}** is bigger than ${Math.min(a, b)}.`;
}

// The signed numbers of a message, in order: "-3", "9.11".
function numbersIn(text: string): { value: number; text: string }[] {
  const lexemes = lex(text);
  return lexemes.flatMap((lexeme, index) => {
    if (lexeme.kind !== 'number') return [];
    const sign = lexemes[index - 1];
    const negative = (sign?.text === '-' || sign?.text === '−') && touching(sign, lexeme);
    return [
      {
        value: negative ? -lexeme.value : lexeme.value,
        text: `${negative ? '-' : ''}${lexeme.text}`,
      },
    ];
  });
}

function comparison(text: string): DemoTurn | undefined {
  const words = lex(text).map((lexeme) => lexeme.text);
  const numbers = numbersIn(text);
  const [a, b] = numbers;
  if (numbers.length !== 2 || !a || !b || !words.some((word) => comparatives.has(word)))
    return undefined;
  return {
    reasoning: `Comparing ${a.text} and ${b.text}. A common trap is to compare the digits after the point as whole numbers (11 > 9), which would be wrong. Line them up instead: ${a.value.toFixed(2)} versus ${b.value.toFixed(2)}. Now compare digit by digit from the left.`,
    text: `${compare(a.value, b.value)} Compare decimals place by place, not as whole numbers after the point.`,
  };
}

const puzzle: DemoTurn = {
  reasoning:
    'A bat and a ball cost 1.10 together, and the bat costs 1.00 more than the ball. The intuitive answer is 0.10 for the ball, but then the bat would be 1.10 and the total 1.20. Let the ball be x: x + (x + 1.00) = 1.10, so 2x = 0.10 and x = 0.05. Check: 0.05 + 1.05 = 1.10. Correct.',
  text: 'Here is a classic to think about: *a bat and a ball cost 1.10 together, and the bat costs 1.00 more than the ball.* The ball costs **0.05**, not 0.10.\n\nOpen the reasoning section above to see how I got there: it streamed as `reasoning_content` deltas before this answer.',
};

/** "which is bigger, 9.11 or 9.9?", "is -3 less than -2", "think step by step...": visible reasoning, then the answer. */
export const reasoningSkill: DemoSkill = {
  name: 'reasoning',
  answer: (context) =>
    comparison(context.userText) ?? (puzzleWords.test(context.userText) ? puzzle : undefined),
};
