/** One piece of a message: a number (digits), a word (lower case) or a symbol. */
export type Lexeme =
  | {
      readonly kind: 'number';
      readonly value: number;
      readonly text: string;
      readonly start: number;
      readonly end: number;
    }
  | { readonly kind: 'word'; readonly text: string; readonly start: number; readonly end: number }
  | {
      readonly kind: 'symbol';
      readonly text: string;
      readonly start: number;
      readonly end: number;
    };

// "1,234.5" (commas only between groups of three), "3.14", ".5"; the sign is a symbol of its own.
const numberPattern = /(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+/y;
const wordPattern = /[\p{L}][\p{L}'’]*/uy;
const spacePattern = /\s+/uy;

// Contractions people type, spelled out so the grammar sees one form ("what's" is "what is").
const contractions: ReadonlyMap<string, readonly string[]> = new Map([
  ["what's", ['what', 'is']],
  ['whats', ['what', 'is']],
  ["how's", ['how', 'is']],
  ["that's", ['that', 'is']],
  ["it's", ['it', 'is']],
  ["where's", ['where', 'is']],
  ["who's", ['who', 'is']],
  ["i'm", ['i', 'am']],
  ["let's", ['let', 'us']],
  ["what're", ['what', 'are']],
  ["you're", ['you', 'are']],
]);

function readAt(pattern: RegExp, text: string, position: number): string | undefined {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0];
}

/**
 * Splits a message into numbers, words and symbols, the shared first step of every grammar of
 * the demo model. Words are lower-cased with contractions spelled out; letters and digits split
 * ("70kg" is 70 and "kg"); a lexeme's `start` and `end` tell whether it touched its neighbour.
 */
export function lex(text: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let position = 0;
  while (position < text.length) {
    const space = readAt(spacePattern, text, position);
    if (space !== undefined) {
      position += space.length;
      continue;
    }
    const number = readAt(numberPattern, text, position);
    if (number !== undefined) {
      lexemes.push({
        kind: 'number',
        value: Number(number.replaceAll(',', '')),
        text: number,
        start: position,
        end: position + number.length,
      });
      position += number.length;
      continue;
    }
    const word = readAt(wordPattern, text, position);
    if (word !== undefined) {
      const lower = word.toLowerCase().replaceAll('’', "'").replace(/'+$/u, '');
      const end = position + word.length;
      for (const part of contractions.get(lower) ?? [lower])
        lexemes.push({ kind: 'word', text: part, start: position, end });
      position = end;
      continue;
    }
    // Any other character is a symbol of its own: + - * / ^ ( ) % ° ² ³ = ? ! , and the rest.
    const char = String.fromCodePoint(text.codePointAt(position) ?? 32);
    lexemes.push({ kind: 'symbol', text: char, start: position, end: position + char.length });
    position += char.length;
  }
  return lexemes;
}

/** Whether two lexemes were written with nothing between them ("9/11", "km/h"). */
export function touching(left: Lexeme | undefined, right: Lexeme | undefined): boolean {
  return right !== undefined && left?.end === right.start;
}
