import { roundNumber } from './format-number.js';
import { describeUnits, findUnit, type Unit, type UnitCategory } from './units.js';

/** The result of {@link convertUnits}. */
export interface Conversion {
  readonly value: number;
  readonly from: string;
  readonly to: string;
  readonly result: number;
  readonly category: UnitCategory;
  /** E.g. `10 km = 6.21371192237 mi`. */
  readonly text: string;
}

function unitOrThrow(text: string): Unit {
  const unit = findUnit(text);
  if (!unit)
    throw new RangeError(`Unknown unit ${JSON.stringify(text)}. Known units: ${describeUnits()}.`);
  return unit;
}

/**
 * Converts a value between units of length, mass, temperature, volume, speed, area or data.
 * @throws RangeError for an unknown unit, units of different kinds, or a temperature below absolute zero.
 * @example convertUnits(10, 'km', 'miles').result // 6.21371192237
 */
export function convertUnits(value: number, from: string, to: string): Conversion {
  if (!Number.isFinite(value))
    throw new RangeError(`The value must be a finite number, got ${value}.`);
  const source = unitOrThrow(from);
  const target = unitOrThrow(to);
  if (source.category !== target.category) {
    throw new RangeError(
      `Cannot convert ${source.symbol} (${source.category}) to ${target.symbol} (${target.category}): both units must measure the same kind of quantity.`,
    );
  }
  const base = source.toBase(value);
  if (source.category === 'temperature' && base < 0)
    throw new RangeError(`${value} ${source.symbol} is below absolute zero.`);
  const result = roundNumber(target.fromBase(base));
  return {
    value,
    from: source.symbol,
    to: target.symbol,
    result,
    category: source.category,
    text: `${value} ${source.symbol} = ${result} ${target.symbol}`,
  };
}
