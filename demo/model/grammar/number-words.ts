import type { Lexeme } from './lexer.js';

/** A number read from the message, and the index of the lexeme after it. */
export interface NumberReading {
  readonly value: number;
  readonly next: number;
}

const units: ReadonlyMap<string, number> = new Map([
  ['zero', 0],
  ['nought', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);

const scales: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

// Fractions people say as words; "a half", "three quarters", "two thirds".
const fractions: ReadonlyMap<string, number> = new Map([
  ['half', 1 / 2],
  ['halves', 1 / 2],
  ['third', 1 / 3],
  ['thirds', 1 / 3],
  ['quarter', 1 / 4],
  ['quarters', 1 / 4],
  ['fourth', 1 / 4],
  ['fourths', 1 / 4],
  ['fifth', 1 / 5],
  ['fifths', 1 / 5],
  ['tenth', 1 / 10],
  ['tenths', 1 / 10],
]);

const ordinals: ReadonlyMap<string, number> = new Map([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
]);

const wordAt = (lexemes: readonly Lexeme[], index: number): string | undefined => {
  const lexeme = lexemes[index];
  return lexeme?.kind === 'word' ? lexeme.text : undefined;
};

const isArticle = (word: string | undefined): boolean => word === 'a' || word === 'an';

/** Whether a word can start or continue a spelled-out number. */
function isNumberWord(word: string): boolean {
  return (
    units.has(word) ||
    scales.has(word) ||
    word === 'hundred' ||
    word === 'dozen' ||
    fractions.has(word)
  );
}

// "two point five", "point seven five": the digits after the point, one word or number each.
function readDecimals(lexemes: readonly Lexeme[], index: number): { digits: string; next: number } {
  let digits = '';
  let next = index;
  for (;;) {
    const lexeme = lexemes[next];
    const digit = lexeme?.kind === 'word' ? units.get(lexeme.text) : undefined;
    if (digit !== undefined && digit < 10) digits += String(digit);
    else if (lexeme?.kind === 'number' && /^\d+$/u.test(lexeme.text)) digits += lexeme.text;
    else return { digits, next };
    next += 1;
  }
}

// "one thousand two hundred and five", "twelve hundred", "a hundred", "three dozen".
function readSpelledWhole(lexemes: readonly Lexeme[], index: number): NumberReading | undefined {
  let total = 0;
  let current = 0;
  let next = index;
  let read = false;
  if (
    isArticle(wordAt(lexemes, next)) &&
    ['hundred', 'thousand', 'million', 'billion', 'dozen'].includes(wordAt(lexemes, next + 1) ?? '')
  ) {
    current = 1;
    next += 1;
  }
  for (;;) {
    const word = wordAt(lexemes, next);
    if (word === undefined) break;
    const unit = units.get(word);
    if (unit !== undefined) {
      // "twenty one" adds up; "one two" or "nineteen eighty" is not one number, so it ends there.
      const low = current % 100;
      if (read && !(low === 0 || (low % 10 === 0 && low >= 20 && unit < 10))) break;
      current += unit;
    } else if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'dozen') current = (current || 1) * 12;
    else if (scales.has(word)) {
      total += (current || 1) * (scales.get(word) ?? 1);
      current = 0;
    } else if (
      word === 'and' &&
      read &&
      isNumberWord(wordAt(lexemes, next + 1) ?? '') &&
      !fractions.has(wordAt(lexemes, next + 1) ?? '')
    ) {
      next += 1;
      continue;
    } else break;
    read = true;
    next += 1;
  }
  return read ? { value: total + current, next } : undefined;
}

// "and a half" after a whole number; "a half", "three quarters", "two thirds" on their own.
function readFraction(
  lexemes: readonly Lexeme[],
  index: number,
  whole: number | undefined,
): NumberReading | undefined {
  let next = index;
  let count = 1;
  if (isArticle(wordAt(lexemes, next))) next += 1;
  else if (whole !== undefined) count = whole;
  const fraction = fractions.get(wordAt(lexemes, next) ?? '');
  if (fraction === undefined) return undefined;
  return { value: count * fraction, next: next + 1 };
}

/**
 * Reads a number at `index`: digits ("1,234.5", "5 million", "3 dozen"), words ("twelve",
 * "a hundred and five", "two point five", "one and a half") or a fraction ("half", "three
 * quarters"). Signs are left to the caller's grammar.
 */
export function readNumber(lexemes: readonly Lexeme[], index: number): NumberReading | undefined {
  const first = lexemes[index];
  let reading: NumberReading | undefined;
  if (first?.kind === 'number') {
    reading = { value: first.value, next: index + 1 };
    const scale =
      scales.get(wordAt(lexemes, index + 1) ?? '') ??
      (wordAt(lexemes, index + 1) === 'hundred'
        ? 100
        : wordAt(lexemes, index + 1) === 'dozen'
          ? 12
          : undefined);
    if (scale !== undefined) reading = { value: first.value * scale, next: index + 2 };
  } else if (wordAt(lexemes, index) === 'point' && lexemes[index + 1] !== undefined) {
    const { digits, next } = readDecimals(lexemes, index + 1);
    return digits ? { value: Number(`0.${digits}`), next } : undefined;
  } else {
    const whole = readSpelledWhole(lexemes, index);
    if (!whole) return readFraction(lexemes, index, undefined);
    // "three quarters": a count of fractions.
    const counted = readFraction(lexemes, whole.next, whole.value);
    if (counted && !isArticle(wordAt(lexemes, whole.next))) return counted;
    reading = whole;
  }
  if (wordAt(lexemes, reading.next) === 'point' && first?.kind === 'word') {
    const { digits, next } = readDecimals(lexemes, reading.next + 1);
    if (digits) reading = { value: Number(`${reading.value}.${digits}`), next };
  }
  // "one and a half", "2 and a quarter".
  if (wordAt(lexemes, reading.next) === 'and' && isArticle(wordAt(lexemes, reading.next + 1))) {
    const fraction = readFraction(lexemes, reading.next + 1, undefined);
    if (fraction) reading = { value: reading.value + fraction.value, next: fraction.next };
  }
  return reading;
}

/** Reads an ordinal ("third", "3rd", "10th") at `index`: the power in "to the third power". */
export function readOrdinal(lexemes: readonly Lexeme[], index: number): NumberReading | undefined {
  const lexeme = lexemes[index];
  if (lexeme?.kind === 'word') {
    const value = ordinals.get(lexeme.text);
    return value === undefined ? undefined : { value, next: index + 1 };
  }
  if (
    lexeme?.kind === 'number' &&
    ['st', 'nd', 'rd', 'th'].includes(wordAt(lexemes, index + 1) ?? '')
  )
    return { value: lexeme.value, next: index + 2 };
  return undefined;
}
