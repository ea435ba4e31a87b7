import { lex, type Lexeme } from './lexer.js';
import { readAmount, readQuantity, type QuantityReading } from './quantity-phrase.js';
import { readUnit, type UnitReading } from './unit-phrase.js';

/** A conversion understood from a message: the arguments of `convert_units`. */
export interface ConversionRequest {
  readonly value: number;
  readonly from: string;
  readonly to: string;
}

/** What {@link parseConversion} may refer to: the previous conversion, for "now in feet" or "what about 20 miles?". */
export interface ConversionContext {
  readonly previous?: ConversionRequest | undefined;
}

// Words between the quantity and the wanted unit: "70 kg is how many pounds", "2 cups, what is that in ml".
const linkWords = new Set([
  'to',
  'in',
  'into',
  'as',
  'is',
  'are',
  'equals',
  'equal',
  'what',
  'that',
  'this',
  'it',
  'how',
  'many',
  'much',
  'and',
  'so',
  'then',
  'would',
  'be',
  'convert',
  'converted',
  'expressed',
  'express',
  'of',
  'roughly',
  'approximately',
  'exactly',
  'about',
  'the',
  'same',
  'number',
  'amount',
  'now',
  'please',
  'or',
  'do',
  'does',
  'make',
  '=',
  '→',
  '>',
  '-',
  ',',
  ':',
  '?',
]);
// The last link word before the wanted unit must say "into": "in", "to", "as", "how many"...
const targetWords = new Set(['to', 'in', 'into', 'as', 'many', 'much', '=', '>', '→']);
// Words between "how many <unit>" and the quantity: "how many ounces are there in a pound".
const askWords = new Set([
  'are',
  'is',
  'in',
  'there',
  'make',
  'makes',
  'to',
  'per',
  'fit',
  'equal',
  'equals',
  'would',
  'be',
  'does',
  'do',
  'it',
  'take',
  'takes',
  'of',
  'go',
  'into',
  'for',
  'you',
  'get',
  'does',
  'have',
  'has',
  'your',
]);
// Words that may end the message: "3 feet in centimeters, please?".
const endWords = new Set([
  'please',
  'pls',
  'thanks',
  'thank',
  'you',
  'for',
  'me',
  'now',
  'exactly',
  'roughly',
  'approximately',
  'again',
  'then',
  'real',
  'quick',
  'quickly',
  'ok',
  'okay',
  'right',
  'is',
  'that',
  'it',
  'are',
  'there',
  '?',
  '!',
  '.',
  ',',
  ':',
  ')',
]);
// Words that may start the message without changing it.
const leadWords = new Set([
  'convert',
  'conversion',
  'change',
  'turn',
  'transform',
  'express',
  'what',
  'is',
  'how',
  'much',
  'many',
  'please',
  'can',
  'could',
  'would',
  'will',
  'you',
  'tell',
  'me',
  'the',
  'hey',
  'hi',
  'so',
  'ok',
  'okay',
  'and',
  'now',
  'quick',
  'question',
  'i',
  'want',
  'to',
  'need',
  'know',
  'do',
  'does',
  'from',
  'about',
  'what',
  'if',
  'we',
  'let',
  'us',
  'in',
  'a',
  '?',
  ':',
  ',',
  '!',
]);

const textAt = (lexemes: readonly Lexeme[], index: number): string | undefined =>
  lexemes[index]?.text;

// The word that introduces the wanted unit, past a "?" placeholder: "12 fl oz = ? ml".
const introducerBefore = (lexemes: readonly Lexeme[], at: number): string | undefined =>
  textAt(lexemes, at - 1) === '?' ? textAt(lexemes, at - 2) : textAt(lexemes, at - 1);

function allIn(
  lexemes: readonly Lexeme[],
  from: number,
  to: number,
  words: ReadonlySet<string>,
): boolean {
  for (let index = from; index < to; index += 1)
    if (!words.has(textAt(lexemes, index) ?? '')) return false;
  return true;
}

// A bare "degrees" takes the other temperature scale: "100 degrees in celsius" means Fahrenheit.
function unitName(
  unit: UnitReading['unit'],
  other: Exclude<UnitReading['unit'], 'degrees'> | string,
): string {
  if (unit !== 'degrees') return unit.symbol;
  const otherSymbol = typeof other === 'string' ? other : other.symbol;
  return otherSymbol === '°F' ? '°C' : otherSymbol === '°C' || otherSymbol === 'K' ? '°F' : '°C';
}

function request(
  value: number,
  from: UnitReading['unit'],
  to: UnitReading['unit'],
): ConversionRequest {
  return { value, from: unitName(from, to), to: unitName(to, from) };
}

// "... <quantity> ... in <unit> ...": the quantity, link words, the wanted unit, then only end words.
function quantityThenUnit(lexemes: readonly Lexeme[]): ConversionRequest | undefined {
  for (let start = 0; start < lexemes.length; start += 1) {
    const quantity = readQuantity(lexemes, start);
    if (!quantity) continue;
    for (let at = quantity.next; at < lexemes.length; at += 1) {
      const target = readUnit(lexemes, at);
      if (
        target &&
        at > quantity.next &&
        targetWords.has(introducerBefore(lexemes, at) ?? '') &&
        allIn(lexemes, quantity.next, at, linkWords) &&
        allIn(lexemes, target.next, lexemes.length, endWords)
      ) {
        return request(quantity.value, quantity.unit, target.unit);
      }
      if (!linkWords.has(textAt(lexemes, at) ?? '')) break;
    }
  }
  return undefined;
}

// "how many <unit> ... <quantity>": "how many pounds is 70 kilograms", "how many cm in 3 feet".
function unitThenQuantity(lexemes: readonly Lexeme[]): ConversionRequest | undefined {
  for (let start = 0; start + 1 < lexemes.length; start += 1) {
    if (
      textAt(lexemes, start) !== 'how' ||
      !['many', 'much'].includes(textAt(lexemes, start + 1) ?? '')
    )
      continue;
    const target = readUnit(lexemes, start + 2);
    if (!target) continue;
    for (let at = target.next; at <= lexemes.length; at += 1) {
      const quantity = readQuantity(lexemes, at);
      if (
        quantity &&
        allIn(lexemes, target.next, at, askWords) &&
        allIn(lexemes, quantity.next, lexemes.length, endWords)
      )
        return request(quantity.value, quantity.unit, target.unit);
      if (!askWords.has(textAt(lexemes, at) ?? '')) break;
    }
  }
  return undefined;
}

const sameUnit = (a: UnitReading['unit'], symbol: string): boolean =>
  a !== 'degrees' && a.symbol === symbol;

// Follow-ups on the previous conversion: "now in feet", "and in kg?", "what about 20 miles?", "and 50?".
function followUp(
  lexemes: readonly Lexeme[],
  previous: ConversionRequest,
): ConversionRequest | undefined {
  let start = 0;
  while (
    start < lexemes.length &&
    leadWords.has(textAt(lexemes, start) ?? '') &&
    !readUnit(lexemes, start) &&
    !readAmount(lexemes, start)
  )
    start += 1;
  // "(and) in feet", "what's that in yards": only link words, then the wanted unit.
  for (let at = start; at < lexemes.length; at += 1) {
    const target = readUnit(lexemes, at);
    if (
      target &&
      at > 0 &&
      targetWords.has(textAt(lexemes, at - 1) ?? '') &&
      allIn(lexemes, target.next, lexemes.length, endWords)
    ) {
      return {
        value: previous.value,
        from: previous.from,
        to: unitName(target.unit, previous.from),
      };
    }
    if (!linkWords.has(textAt(lexemes, at) ?? '')) break;
  }
  const skipWords = new Set([
    ...leadWords,
    'about',
    'what',
    'how',
    'with',
    'for',
    'if',
    'it',
    'was',
    'were',
    'instead',
  ]);
  while (
    start < lexemes.length &&
    skipWords.has(textAt(lexemes, start) ?? '') &&
    !readAmount(lexemes, start)
  )
    start += 1;
  const quantity: QuantityReading | undefined = readQuantity(lexemes, start);
  if (quantity && allIn(lexemes, quantity.next, lexemes.length, endWords)) {
    // "what about 20 miles?" after km → miles: 20 miles goes back to km.
    const to = sameUnit(quantity.unit, previous.to) ? previous.from : previous.to;
    return { value: quantity.value, from: unitName(quantity.unit, to), to };
  }
  const amount = readAmount(lexemes, start);
  if (
    amount &&
    textAt(lexemes, start) !== 'a' &&
    allIn(lexemes, amount.next, lexemes.length, endWords)
  )
    return { ...previous, value: amount.value };
  return undefined;
}

// "convert 5 furlongs to parsecs": a conversion asked for in so many words, with units the converter may not know.
function explicitConversion(lexemes: readonly Lexeme[]): ConversionRequest | undefined {
  const convertAt = lexemes.findIndex((lexeme) => lexeme.text === 'convert');
  if (convertAt < 0) return undefined;
  const amount = readAmount(lexemes, convertAt + 1);
  if (!amount) return undefined;
  const toAt = lexemes.findIndex(
    (lexeme, index) => index > amount.next && ['to', 'into', 'in'].includes(lexeme.text),
  );
  if (toAt < 0) return undefined;
  const words = (from: number, to: number): string =>
    lexemes
      .slice(from, to)
      .filter((lexeme) => !endWords.has(lexeme.text) || lexeme.text === 'is')
      .map((lexeme) => lexeme.text)
      .join(' ');
  const from = words(amount.next, toAt);
  const to = words(toAt + 1, lexemes.length);
  return from && to ? { value: amount.value, from, to } : undefined;
}

/**
 * Understands a message as a unit conversion: "N X in/to Y", "how many Y in N X", "N X is how
 * many Y", "convert N X to Y", and follow-ups on the previous one ("now in feet", "what about
 * 20 miles?"). Units come from the converter's table, so any alias, plural or abbreviation works.
 */
export function parseConversion(
  message: string,
  context: ConversionContext = {},
): ConversionRequest | undefined {
  const lexemes = lex(message);
  return (
    quantityThenUnit(lexemes) ??
    unitThenQuantity(lexemes) ??
    (context.previous ? followUp(lexemes, context.previous) : undefined) ??
    explicitConversion(lexemes)
  );
}
