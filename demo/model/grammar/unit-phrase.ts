import { findUnit, type Unit } from '../../tools/units.js';
import { touching, type Lexeme } from './lexer.js';

/** A unit named in the message: a known unit, or "degrees" with no scale (read from the other side). */
export interface UnitReading {
  readonly unit: Unit | 'degrees';
  readonly next: number;
}

// Longest unit name in lexemes: "degrees fahrenheit", "miles per hour", "square feet", "fl oz".
const longestName = 4;

const bareDegrees = new Set(['degree', 'degrees', 'deg', 'degs', '°']);

// The names a span of lexemes may spell: spaced ("fl oz") and joined ("km/h").
function candidates(lexemes: readonly Lexeme[], index: number, length: number): string[] {
  const span = lexemes.slice(index, index + length);
  if (
    span.length < length ||
    span.some((lexeme) => lexeme.kind === 'number' && lexeme !== span[span.length - 1])
  )
    return [];
  const spaced = span.map((lexeme) => lexeme.text).join(' ');
  const joined = span.map((lexeme) => lexeme.text).join('');
  // Joined only as written without spaces ("km/h", "ft2", "°F"): "m in" is not "min", "6 ft 2" not "ft2".
  const written = span.every(
    (lexeme, offset) => offset === 0 || touching(span[offset - 1], lexeme),
  );
  return spaced === joined || !written ? [spaced] : [spaced, joined];
}

/**
 * Reads the longest unit name at `index` over the converter's own unit table, with its aliases,
 * plurals and abbreviations ("kilometres", "km", "lbs", "°F", "km/h", "sq ft", "MB").
 */
export function readUnit(lexemes: readonly Lexeme[], index: number): UnitReading | undefined {
  const first = lexemes[index];
  if (!first || first.kind === 'number') return undefined;
  for (let length = longestName; length >= 1; length -= 1) {
    for (const name of candidates(lexemes, index, length)) {
      // A trailing "?" or "." is punctuation, never part of a unit.
      if (/[?!.,]$/u.test(name)) continue;
      const unit = findUnit(name);
      if (unit) return { unit, next: index + length };
    }
  }
  return bareDegrees.has(first.text) ? { unit: 'degrees', next: index + 1 } : undefined;
}
