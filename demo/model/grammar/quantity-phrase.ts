import type { Lexeme } from './lexer.js';
import { readNumber } from './number-words.js';
import { readUnit, type UnitReading } from './unit-phrase.js';

/** An amount with its unit: "70 kg", "a mile", "half a gallon", "-40 °F", "three and a half feet". */
export interface QuantityReading {
  readonly value: number;
  readonly unit: UnitReading['unit'];
  /** The index of the lexeme after the quantity. */
  readonly next: number;
}

/** Reads a signed number at `index`, or "a"/"an" (one). */
export function readAmount(lexemes: readonly Lexeme[], index: number): { value: number; next: number } | undefined {
  const first = lexemes[index];
  const negative = first?.text === '-' || first?.text === '−' || first?.text === 'minus' || first?.text === 'negative';
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
  if (!negative && (first?.text === 'a' || first?.text === 'an' || first?.text === 'one' || first?.text === 'per')) return { value: 1, next: index + 1 };
  return undefined;
}

/** Reads an amount followed by a unit at `index`. */
export function readQuantity(lexemes: readonly Lexeme[], index: number): QuantityReading | undefined {
  const amount = readAmount(lexemes, index);
  if (!amount) return undefined;
  const unit = readUnit(lexemes, amount.next);
  return unit ? { value: amount.value, unit: unit.unit, next: unit.next } : undefined;
}
