import type { Lexeme } from './lexer.js';
import { readNumber } from './number-words.js';
import { findUnit } from '../../tools/units.js';
import { readUnit, type UnitReading } from './unit-phrase.js';

/** An amount with its unit: "70 kg", "a mile", "half a gallon", "-40 °F", "three and a half feet". */
export interface QuantityReading {
  readonly value: number;
  readonly unit: UnitReading['unit'];
  /** The index of the lexeme after the quantity. */
  readonly next: number;
}

/** Reads a signed number at `index`, or "a"/"an" (one). */
export function readAmount(
  lexemes: readonly Lexeme[],
  index: number,
): { value: number; next: number } | undefined {
  const first = lexemes[index];
  const negative =
    first?.text === '-' ||
    first?.text === '−' ||
    first?.text === 'minus' ||
    first?.text === 'negative';
  const start = negative ? index + 1 : index;
  const number = readNumber(lexemes, start);
  if (number) {
    // "half a mile", "a quarter of a pound".
    let next = number.next;
    if (lexemes[next]?.text === 'of') next += 1;
    if (lexemes[next]?.text === 'a' || lexemes[next]?.text === 'an') next += 1;
    const after = readUnit(lexemes, next) ? next : number.next;
    return { value: negative ? -number.value : number.value, next: after };
  }
  if (
    !negative &&
    (first?.text === 'a' || first?.text === 'an' || first?.text === 'one' || first?.text === 'per')
  )
    return { value: 1, next: index + 1 };
  return undefined;
}

const isFeet = (unit: UnitReading['unit'] | undefined): boolean =>
  unit !== undefined && unit !== 'degrees' && unit.symbol === 'ft';
const inchUnit = findUnit('in');

// Heights: "5'11", "5' 11\"", "5 feet 11 inches", "6 ft 2" are one amount in inches.
function readFeetAndInches(
  lexemes: readonly Lexeme[],
  feet: number,
  afterFeet: number,
): QuantityReading | undefined {
  const inches = lexemes[afterFeet];
  if (inches?.kind !== 'number' || !inchUnit) return undefined;
  const unit = readUnit(lexemes, afterFeet + 1);
  const next =
    unit?.unit === inchUnit
      ? unit.next
      : lexemes[afterFeet + 1]?.text === '"'
        ? afterFeet + 2
        : afterFeet + 1;
  return { value: feet * 12 + inches.value, unit: inchUnit, next };
}

/** Reads an amount followed by a unit at `index`. */
export function readQuantity(
  lexemes: readonly Lexeme[],
  index: number,
): QuantityReading | undefined {
  const amount = readAmount(lexemes, index);
  if (!amount) return undefined;
  if (lexemes[amount.next]?.text === "'" || lexemes[amount.next]?.text === '’') {
    return (
      readFeetAndInches(lexemes, amount.value, amount.next + 1) ??
      (inchUnit ? { value: amount.value * 12, unit: inchUnit, next: amount.next + 1 } : undefined)
    );
  }
  const unit = readUnit(lexemes, amount.next);
  if (!unit) return undefined;
  return (
    (isFeet(unit.unit) ? readFeetAndInches(lexemes, amount.value, unit.next) : undefined) ?? {
      value: amount.value,
      unit: unit.unit,
      next: unit.next,
    }
  );
}
