import type { BinaryOperator, CalculatorFunction } from './arithmetic-expression.js';
import { touching, type Lexeme } from './lexer.js';
import { readNumber, readOrdinal } from './number-words.js';

/** A verb that opens a calculation: "add 3 and 4", "subtract 3 from 10", "double 21". */
export type ArithmeticVerb =
  | 'add'
  | 'sum'
  | 'subtract'
  | 'multiply'
  | 'product'
  | 'divide'
  | 'quotient'
  | 'difference'
  | 'double'
  | 'triple'
  | 'halve'
  | 'square'
  | 'cube';

/** A word of the arithmetic grammar, after numbers and multi-word operators are read. */
export type ArithmeticToken =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'previous' }
  | { readonly kind: 'constant'; readonly name: 'pi' | 'e' }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly sign?: boolean }
  | { readonly kind: 'function'; readonly name: CalculatorFunction }
  | { readonly kind: 'power'; readonly exponent: number }
  | { readonly kind: 'percent' }
  | { readonly kind: 'of' }
  | { readonly kind: 'open' }
  | { readonly kind: 'close' }
  | { readonly kind: 'verb'; readonly verb: ArithmeticVerb }
  | { readonly kind: 'joiner'; readonly word: 'and' | 'to' | 'from' | 'by' | 'with' | 'into' }
  | { readonly kind: 'filler'; readonly text: string }
  | { readonly kind: 'other'; readonly text: string };

type Phrase = readonly [words: string, token: ArithmeticToken];

const op = (operator: BinaryOperator): ArithmeticToken => ({ kind: 'binary', operator });
const fn = (name: CalculatorFunction): ArithmeticToken => ({ kind: 'function', name });
const verb = (name: ArithmeticVerb): ArithmeticToken => ({ kind: 'verb', verb: name });
const previous: ArithmeticToken = { kind: 'previous' };

// The operator vocabulary: each phrase (words or symbols, space-separated) and what it means.
const phrases: readonly Phrase[] = [
  ['+', op('+')],
  ['plus', op('+')],
  ['added to', op('+')],
  ['-', op('-')],
  ['−', op('-')],
  ['–', op('-')],
  ['minus', op('-')],
  ['negative', { kind: 'binary', operator: '-', sign: true }],
  ['take away', op('-')],
  ['less', op('-')],
  ['*', op('*')],
  ['×', op('*')],
  ['·', op('*')],
  ['x', op('*')],
  ['times', op('*')],
  ['multiplied by', op('*')],
  ['multiplied with', op('*')],
  ['/', op('/')],
  ['÷', op('/')],
  ['divided by', op('/')],
  ['over', op('/')],
  ['divided into', op('/')],
  ['mod', op('%')],
  ['modulo', op('%')],
  ['modulus', op('%')],
  ['^', op('^')],
  ['* *', op('^')],
  ['to the power of', op('^')],
  ['to the power', op('^')],
  ['raised to the power of', op('^')],
  ['raised to the', op('^')],
  ['raised to', op('^')],
  ['power of', op('^')],
  ['squared', { kind: 'power', exponent: 2 }],
  ['²', { kind: 'power', exponent: 2 }],
  ['cubed', { kind: 'power', exponent: 3 }],
  ['³', { kind: 'power', exponent: 3 }],
  ['percent', { kind: 'percent' }],
  ['per cent', { kind: 'percent' }],
  ['pct', { kind: 'percent' }],
  ['%', { kind: 'percent' }],
  ['of', { kind: 'of' }],
  ['(', { kind: 'open' }],
  ['[', { kind: 'open' }],
  [')', { kind: 'close' }],
  [']', { kind: 'close' }],
  ['pi', { kind: 'constant', name: 'pi' }],
  ['π', { kind: 'constant', name: 'pi' }],
  ['square root of', fn('sqrt')],
  ['square root', fn('sqrt')],
  ['sqrt', fn('sqrt')],
  ['√', fn('sqrt')],
  ['root of', fn('sqrt')],
  ['cube root of', fn('cbrt')],
  ['cube root', fn('cbrt')],
  ['cubic root of', fn('cbrt')],
  ['cbrt', fn('cbrt')],
  ['∛', fn('cbrt')],
  ['sin', fn('sin')],
  ['sine of', fn('sin')],
  ['sine', fn('sin')],
  ['cos', fn('cos')],
  ['cosine of', fn('cos')],
  ['cosine', fn('cos')],
  ['tan', fn('tan')],
  ['tangent of', fn('tan')],
  ['log', fn('log')],
  ['log of', fn('log')],
  ['logarithm of', fn('log')],
  ['log base 10 of', fn('log')],
  ['ln', fn('ln')],
  ['natural log of', fn('ln')],
  ['natural logarithm of', fn('ln')],
  ['abs', fn('abs')],
  ['absolute value of', fn('abs')],
  ['round', fn('round')],
  ['rounded', fn('round')],
  ['that', previous],
  ['it', previous],
  ['this', previous],
  ['the result', previous],
  ['the answer', previous],
  ['that number', previous],
  ['the previous result', previous],
  ['the last result', previous],
  ['ans', previous],
  ['that result', previous],
  ['add', verb('add')],
  ['sum of', verb('sum')],
  ['the sum of', verb('sum')],
  ['subtract', verb('subtract')],
  ['take', verb('subtract')],
  ['deduct', verb('subtract')],
  ['multiply', verb('multiply')],
  ['product of', verb('product')],
  ['the product of', verb('product')],
  ['divide', verb('divide')],
  ['quotient of', verb('quotient')],
  ['the quotient of', verb('quotient')],
  ['difference between', verb('difference')],
  ['the difference between', verb('difference')],
  ['double', verb('double')],
  ['twice', verb('double')],
  ['triple', verb('triple')],
  ['thrice', verb('triple')],
  ['halve', verb('halve')],
  ['square', verb('square')],
  ['cube', verb('cube')],
  ['and', { kind: 'joiner', word: 'and' }],
  ['to', { kind: 'joiner', word: 'to' }],
  ['from', { kind: 'joiner', word: 'from' }],
  ['by', { kind: 'joiner', word: 'by' }],
  ['with', { kind: 'joiner', word: 'with' }],
  ['into', { kind: 'joiner', word: 'into' }],
];

// Words that wrap a calculation without changing it: "could you work out ... for me please?".
const fillerWords = new Set([
  'what',
  'is',
  'are',
  'was',
  'whats',
  'how',
  'much',
  'does',
  'do',
  'did',
  'make',
  'makes',
  'calculate',
  'calc',
  'compute',
  'evaluate',
  'solve',
  'work',
  'out',
  'figure',
  'tell',
  'me',
  'can',
  'could',
  'would',
  'will',
  'you',
  'u',
  'please',
  'pls',
  'plz',
  'kindly',
  'for',
  'the',
  'quick',
  'question',
  'hey',
  'hi',
  'hello',
  'ok',
  'okay',
  'so',
  'um',
  'uh',
  'hmm',
  'well',
  'i',
  'need',
  'want',
  'wanna',
  'know',
  'equal',
  'equals',
  'give',
  'find',
  'get',
  'in',
  'your',
  'head',
  'exactly',
  'roughly',
  'approximately',
  'about',
  'just',
  'now',
  'then',
  'again',
  'thanks',
  'thank',
  'let',
  'us',
  'see',
  'mate',
  'real',
  'quickly',
  'help',
  'math',
  'maths',
  'problem',
  'value',
  'result',
  'answer',
  'same',
  'also',
  'oh',
  'yes',
  'yeah',
  'sure',
  'more',
  'try',
  'and',
  'to',
  'with',
  'of',
  'if',
  'we',
  'a',
  'an',
  'its',
  'number',
  'sum',
  'some',
  'arithmetic',
  'm',
  'am',
  'curious',
  'wondering',
  'like',
  'would',
  'love',
  'be',
  'answer',
  'result',
  'on',
  'this',
  'that',
  'it',
  '?',
  '!',
  '.',
  ',',
  ':',
  ';',
  '=',
  '…',
  '"',
  "'",
]);

const phraseWords = phrases
  .map(([words, token]) => [words.split(' '), token] as const)
  .sort((a, b) => b[0].length - a[0].length);

const lexemeText = (lexeme: Lexeme | undefined): string | undefined =>
  lexeme?.kind === 'number' ? undefined : lexeme?.text;

function phraseAt(
  lexemes: readonly Lexeme[],
  index: number,
): { token: ArithmeticToken; next: number } | undefined {
  for (const [words, token] of phraseWords) {
    // "* *" is "**" only when the two stars touch.
    if (words.length === 2 && words[0] === '*' && !touching(lexemes[index], lexemes[index + 1]))
      continue;
    if (words.every((word, offset) => lexemeText(lexemes[index + offset]) === word))
      return { token, next: index + words.length };
  }
  return undefined;
}

/**
 * Reads a message as arithmetic tokens: numbers (digits or words), operators and functions (as
 * symbols or phrases, longest phrase first), "that"/"it" for the previous result, and filler
 * words; anything else is `other`, which no calculation may contain.
 */
export function arithmeticTokens(lexemes: readonly Lexeme[]): ArithmeticToken[] {
  const tokens: ArithmeticToken[] = [];
  let index = 0;
  while (index < lexemes.length) {
    // "to the 3rd power", "to the fourth", "to the 10": a power given as an ordinal or a number.
    if (lexemeText(lexemes[index]) === 'to' && lexemeText(lexemes[index + 1]) === 'the') {
      const ordinal =
        readOrdinal(lexemes, index + 2) ??
        (lexemes[index + 2]?.kind === 'number' ? readNumber(lexemes, index + 2) : undefined);
      if (ordinal) {
        tokens.push(op('^'), { kind: 'number', value: ordinal.value });
        index = ordinal.next + (lexemeText(lexemes[ordinal.next]) === 'power' ? 1 : 0);
        continue;
      }
    }
    const text = lexemes[index]?.text ?? '';
    // A "-" written against the number after it and apart from the one before is a sign: "what is -3^2".
    if (
      (text === '-' || text === '−') &&
      touching(lexemes[index], lexemes[index + 1]) &&
      !touching(lexemes[index - 1], lexemes[index])
    ) {
      tokens.push({ kind: 'binary', operator: '-', sign: true });
      index += 1;
      continue;
    }
    const number = readNumber(lexemes, index);
    if (number) {
      tokens.push({ kind: 'number', value: number.value });
      index = number.next;
      continue;
    }
    const phrase = phraseAt(lexemes, index);
    if (phrase) {
      tokens.push(phrase.token);
      index = phrase.next;
      continue;
    }
    tokens.push(fillerWords.has(text) ? { kind: 'filler', text } : { kind: 'other', text });
    index += 1;
  }
  return tokens;
}

/** Whether a token may wrap a calculation ("what is", "please", "?", "and", "the"...). */
export function isWrapping(token: ArithmeticToken): boolean {
  if (token.kind === 'filler' || token.kind === 'previous') return true;
  if (token.kind === 'joiner')
    return token.word !== 'from' && token.word !== 'by' && token.word !== 'into';
  return token.kind === 'of';
}
