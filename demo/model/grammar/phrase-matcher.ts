import type { Lexeme } from './lexer.js';

/** A table of phrases (space-separated words) and what each means. */
export type PhraseTable<T> = readonly (readonly [phrase: string, meaning: T])[];

/** What {@link matchPhrases} found: the meanings in order, and the words no phrase covered. */
export interface PhraseMatch<T> {
  readonly meanings: readonly T[];
  readonly leftover: readonly string[];
}

/**
 * Reads a message as phrases of a table, longest phrase first at each position; words outside
 * any phrase are left over (the caller decides whether they may be there).
 */
export function matchPhrases<T>(lexemes: readonly Lexeme[], table: PhraseTable<T>): PhraseMatch<T> {
  const phrases = table
    .map(([phrase, meaning]) => [phrase.split(' '), meaning] as const)
    .sort((a, b) => b[0].length - a[0].length);
  const meanings: T[] = [];
  const leftover: string[] = [];
  let index = 0;
  while (index < lexemes.length) {
    const found = phrases.find(([words]) =>
      words.every((word, offset) => lexemes[index + offset]?.text === word),
    );
    if (found) {
      meanings.push(found[1]);
      index += found[0].length;
    } else {
      leftover.push(lexemes[index]?.text ?? '');
      index += 1;
    }
  }
  return { meanings, leftover };
}
